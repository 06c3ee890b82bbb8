package org.filesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * pyftpdlib (Debian python3-pyftpdlib) serving a folder with write access: MLSD, REST, MFMT;
 * answers 226 even to an upload whose data connection was reset. Skips the test when pyftpdlib
 * is not installed.
 */
public final class PyFtpdServer extends OneUserServer {

    public static final String USER = "tester";
    public static final String PASSWORD = "secret-pw";

    private final String host;

    private PyFtpdServer(ServerProcess process, Path root, String host) {
        super("pyftpdlib", process::port, process, root, USER, PASSWORD);
        this.host = host;
    }

    /** Serves {@code root} (created if needed) on 127.0.0.1; the server's log goes beside it. */
    public static PyFtpdServer start(Path root) {
        return start(root, "127.0.0.1");
    }

    /** The same on {@code host}: "127.0.0.1", or "::1" (see {@link Ipv6Loopback}). */
    public static PyFtpdServer start(Path root, String host) {
        return start(root, host, port -> List.of("-m", "pyftpdlib", "-i", host, "-p", Integer.toString(port), "-w",
                "-d", root.toString(), "-u", USER, "-P", PASSWORD));
    }

    /** On 127.0.0.1, refusing a session beyond {@code sessions} from one address (421, max_cons_per_ip). */
    public static PyFtpdServer startWithConnectionsPerAddress(Path root, int sessions) {
        String script = """
                import sys
                from pyftpdlib.authorizers import DummyAuthorizer
                from pyftpdlib.handlers import FTPHandler
                from pyftpdlib.servers import FTPServer
                host, port, root, user, password, per_address = sys.argv[1:]
                authorizer = DummyAuthorizer()
                authorizer.add_user(user, password, root, perm="elradfmwMT")
                FTPHandler.authorizer = authorizer
                server = FTPServer((host, int(port)), FTPHandler)
                server.max_cons_per_ip = int(per_address)
                server.serve_forever()
                """;
        return start(root, "127.0.0.1", port -> List.of("-c", script, "127.0.0.1", Integer.toString(port),
                root.toString(), USER, PASSWORD, Integer.toString(sessions)));
    }

    private static PyFtpdServer start(Path root, String host, IntFunction<List<String>> arguments) {
        String python = python();
        Assumptions.assumeTrue(python != null, "pyftpdlib is not installed (apt-get install python3-pyftpdlib)");
        try {
            Files.createDirectories(root);
            ServerProcess process = ServerProcess.start(port -> Stream.concat(Stream.of(python),
                            arguments.apply(port).stream()).toList(),
                    root.resolveSibling(root.getFileName() + "-pyftpdlib.log"), true, host);
            return new PyFtpdServer(process, root, host);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String host() {
        return host;
    }

    /** Debian's python3 first: a python3 earlier on PATH (pyenv) may lack the Debian module. */
    private static String python() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import pyftpdlib").redirectErrorStream(true).start();
                probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                if (probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not there: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
