package org.filesync.testing;

import java.nio.file.Path;
import java.util.function.IntSupplier;

/** A test server, in this JVM or a process of its own, serving {@link #localRoot()} as "/" to one user. */
abstract class OneUserServer implements FtpServerFixture {

    private final String name;
    private final IntSupplier port;
    private final AutoCloseable stop;
    private final Path root;
    private final String user;
    private final String password;

    OneUserServer(String name, IntSupplier port, AutoCloseable stop, Path root, String user, String password) {
        this.name = name;
        this.port = port;
        this.stop = stop;
        this.root = root;
        this.user = user;
        this.password = password;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return port.getAsInt();
    }

    @Override
    public String username() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public Path localRoot() {
        return root;
    }

    @Override
    public String remoteRoot() {
        return "/";
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop " + name, e);
        }
    }
}
