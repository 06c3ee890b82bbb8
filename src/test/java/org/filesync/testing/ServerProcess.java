package org.filesync.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An external server process (pyftpdlib, vsftpd) on a free loopback port: started, waited for
 * until it greets, and stopped with everything it forked.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    int port() {
        return port;
    }

    /**
     * Starts {@code command(port)} on a free port, retrying on another port when the chosen one was
     * taken in between; output goes to {@code log}.
     */
    static ServerProcess start(IntFunction<List<String>> command, Path log) throws IOException, InterruptedException {
        return start(command, log, true, "127.0.0.1");
    }

    /**
     * @param plainGreeting false for implicit TLS, where the greeting is encrypted: then a listening port is enough
     * @param host the loopback address the server listens on: "127.0.0.1" or "::1"
     */
    static ServerProcess start(IntFunction<List<String>> command, Path log, boolean plainGreeting, String host)
            throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort(host);
            Process process = new ProcessBuilder(command.apply(port)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try {
                awaitGreeting(process, host, port, plainGreeting);
                return new ServerProcess(process, port);
            } catch (IOException e) {
                last = e;
                stop(process);
            }
        }
        throw new IOException("server did not start; its output:\n" + Files.readString(log), last);
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    private static void awaitGreeting(Process process, String host, int port, boolean plainGreeting)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                if (!plainGreeting) {
                    return;
                }
                socket.setSoTimeout(5000);
                InputStream in = socket.getInputStream();
                byte[] greeting = new byte[3];
                if (in.readNBytes(greeting, 0, 3) == 3 && new String(greeting, StandardCharsets.US_ASCII).startsWith("2")) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("no greeting on port " + port);
    }

    private static void stop(Process process) {
        // Collected first: once the parent is gone its children are no longer its descendants.
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        stop(process);
    }
}
