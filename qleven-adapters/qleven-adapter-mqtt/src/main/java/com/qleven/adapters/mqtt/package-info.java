/**
 * Devices over MQTT (issue 13): the platform's Paho link ({@link com.qleven.adapters.mqtt.PahoDeviceLink}),
 * the embedded HiveMQ CE broker ({@link com.qleven.adapters.mqtt.EmbeddedBroker}) and the provisioning of
 * devices in an external Mosquitto ({@link com.qleven.adapters.mqtt.MosquittoDynsecProvisioning}).
 */
package com.qleven.adapters.mqtt;
