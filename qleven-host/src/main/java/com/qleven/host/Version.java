package com.qleven.host;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The host's version, written into its resources at build time. */
public final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/qleven-host.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
