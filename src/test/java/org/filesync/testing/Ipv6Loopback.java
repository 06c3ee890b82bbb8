package org.filesync.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Assumptions;

/** The IPv6 loopback address ::1, which a machine or container may lack. */
public final class Ipv6Loopback {

    public static final String ADDRESS = "::1";

    private Ipv6Loopback() {
    }

    /** Skips the test when nothing can listen on ::1. */
    public static void assumeAvailable() {
        try (ServerSocket ignored = new ServerSocket(0, 1, InetAddress.getByName(ADDRESS))) {
            // listening is the whole check
        } catch (IOException e) {
            Assumptions.abort("this machine has no IPv6 loopback (::1): " + e.getMessage());
        }
    }
}
