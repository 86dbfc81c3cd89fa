/**
 * The devices context's outbound ports (issue 13): the MQTT link to the machines and the provisioning
 * of their credentials in an external broker.
 */
package com.qleven.ports.devices.out;
