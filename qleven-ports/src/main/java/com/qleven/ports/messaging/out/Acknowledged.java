package com.qleven.ports.messaging.out;

/** Meta's {@code {"success":true}}: the call took effect and returns nothing else. */
public record Acknowledged() {
}
