package org.filesync.settings;

import java.net.InetSocketAddress;

/**
 * Where {@code serve}'s web side listens, from the settings file's {@code web:} section; what it
 * does not say (null) comes from {@code serve --port/--bind}, or their defaults.
 */
public record WebSettings(Integer port, String bind) {

    public static final WebSettings NONE = new WebSettings(null, null);
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_BIND = "127.0.0.1";

    /** The port: the command line's, else this section's, else 8080. */
    public int port(Integer option) {
        return option != null ? option : port != null ? port : DEFAULT_PORT;
    }

    /** The address: the command line's, else this section's, else loopback. */
    public String bind(String option) {
        return option != null ? option : bind != null ? bind : DEFAULT_BIND;
    }

    /**
     * Whether the web side listens on this host alone (127.0.0.0/8, ::1, localhost): only then may
     * its read-only pages go without a login. An address that does not resolve counts as beyond.
     */
    public static boolean isLoopback(InetSocketAddress address) {
        return address.getAddress() != null && address.getAddress().isLoopbackAddress();
    }
}
