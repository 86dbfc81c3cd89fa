package com.qleven.ports.devices.in;

import java.util.Optional;

/**
 * Checks a connecting machine's MQTT credentials against the registry: what the embedded broker's
 * authenticator calls on every CONNECT. Fast by design (a keyed hash, not a password hash: the secret
 * is 256 random bits, so a thousand machines reconnecting at once cost a thousand HMACs), constant
 * time in the secret, and silent: a refusal says nothing of why (unknown, revoked or wrong secret).
 */
public interface DeviceAuthentication {
    /** The device's grant when {@code username} is a registered, unrevoked device and {@code password} its current secret. */
    Optional<DeviceGrant> authenticate(String username, byte[] password);
}
