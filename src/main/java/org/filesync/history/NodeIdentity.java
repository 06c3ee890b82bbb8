package org.filesync.history;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which filesync process a run belongs to: its name (unique per process, as Quartz cluster
 * instance ids must be), host and pid, so that a later process can tell whether it still lives.
 */
public record NodeIdentity(String name, String host, long pid) {

    /** {@code --node}, else {@code FILESYNC_NODE}, else host name and process id. */
    public static NodeIdentity current(String nameOption) {
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        String name = nameOption != null ? nameOption : System.getenv("FILESYNC_NODE");
        return new NodeIdentity(name != null && !name.isBlank() ? name : host + "-" + pid, host, pid);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
