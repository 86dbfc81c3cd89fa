package com.qleven.ports.messaging.in;

/**
 * What a template sync changed: templates Meta listed that the registry lacked ({@code added}),
 * known ones whose status or definition changed ({@code updated}), and registry templates Meta no
 * longer lists, now marked {@code DELETED} ({@code removed}).
 */
public record SyncResult(int added, int updated, int removed) {
}
