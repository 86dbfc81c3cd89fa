package com.qleven.host;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the host opened and must close, closed in reverse order: the pool before the embedded
 * database it talks to. Providers register what they open as they open it, so a start-up that fails
 * half-way still closes what it had started (an orphaned postmaster would block the next start).
 */
@Singleton
public final class Resources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);
    private final Deque<Map.Entry<String, AutoCloseable>> open = new ArrayDeque<>();

    @Inject
    public Resources() {
    }

    public synchronized <T extends AutoCloseable> T register(String name, T resource) {
        open.push(Map.entry(name, resource));
        return resource;
    }

    /** Closes everything registered, newest first; a failure is logged and the rest still closed. */
    @Override
    public void close() {
        while (true) {
            Map.Entry<String, AutoCloseable> next;
            synchronized (this) {
                next = open.poll();
            }
            if (next == null) {
                return;
            }
            try {
                next.getValue().close();
            } catch (Exception e) {
                LOG.warn("could not close the " + next.getKey(), e);
            }
        }
    }
}
