package com.qleven.host.http;

/** Whether the host can serve requests now: its store answers. */
@FunctionalInterface
public interface Readiness {
    boolean isReady();
}
