package org.filesync.testing;

import java.nio.file.Path;

/** An FTP server that runs as its own process, serving {@link #localRoot()} as "/" to one user. */
abstract class ServedByProcess implements FtpServerFixture {

    private final String name;
    private final ServerProcess process;
    private final Path root;
    private final String user;
    private final String password;

    ServedByProcess(String name, ServerProcess process, Path root, String user, String password) {
        this.name = name;
        this.process = process;
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
        return process.port();
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
        process.close();
    }
}
