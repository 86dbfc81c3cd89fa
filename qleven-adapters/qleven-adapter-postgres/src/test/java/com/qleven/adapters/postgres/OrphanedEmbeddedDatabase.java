package com.qleven.adapters.postgres;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseTest}: starts the embedded server on the folder
 * given, says so, and waits to be killed, leaving its postmaster behind as a killed host would.
 */
public final class OrphanedEmbeddedDatabase {
    private OrphanedEmbeddedDatabase() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
        System.out.println("started " + database.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
