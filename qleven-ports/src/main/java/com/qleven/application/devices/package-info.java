/**
 * The devices context's use cases (issue 13), reached through {@link com.qleven.application.devices.DevicesFacade}
 * ({@code qleven.devices()}): the registry of connected machines, their credentials and the broker's
 * authentication of them.
 */
package com.qleven.application.devices;
