/**
 * The devices context (issue 13): connected equipment, its credentials, its online state and
 * telemetry, the commands the platform sends it and the treatment sessions it runs. Pure JDK.
 */
package com.qleven.domain.devices;
