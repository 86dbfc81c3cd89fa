/**
 * The devices context's inbound ports (issue 13): what a broker's authentication hook and the MQTT
 * subscriber call. Plain records; the wire format (JSON, topics) is the adapter's to read.
 */
package com.qleven.ports.devices.in;
