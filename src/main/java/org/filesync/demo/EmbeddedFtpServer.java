package org.filesync.demo;

import java.nio.file.Path;
import java.util.List;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * Apache FtpServer on a free loopback port, serving one folder to one user: the {@code demo}
 * command's server, and the tests' reference server.
 */
public final class EmbeddedFtpServer implements AutoCloseable {

    private static final String LISTENER = "default";

    private final FtpServer server;
    private final int port;

    private EmbeddedFtpServer(FtpServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts serving {@code root} to {@code user}/{@code password}, with write access. */
    public static EmbeddedFtpServer start(Path root, String user, String password) {
        return start(root, user, password, "127.0.0.1", null);
    }

    /** The same on another local {@code address}: "::1" serves IPv6 (EPSV, EPRT |2|). */
    public static EmbeddedFtpServer start(Path root, String user, String password, String address) {
        return start(root, user, password, address, null);
    }

    /**
     * Like {@link #start(Path, String, String)}, with explicit FTPS (AUTH TLS, RFC 4217) using the
     * key and certificate in a PKCS12 {@code keyStore}; data connections are protected after PROT P.
     */
    public static EmbeddedFtpServer startExplicitTls(Path root, String user, String password, Path keyStore,
                                                     String keyStorePassword) {
        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(keyStore.toFile());
        ssl.setKeystoreType("PKCS12");
        ssl.setKeystorePassword(keyStorePassword);
        ssl.setKeyPassword(keyStorePassword);
        return start(root, user, password, "127.0.0.1", ssl.createSslConfiguration());
    }

    private static EmbeddedFtpServer start(Path root, String user, String password, String address,
                                           SslConfiguration ssl) {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress(address);
        listener.setPort(0);
        listener.setIdleTimeout(120);
        if (ssl != null) {
            listener.setSslConfiguration(ssl);
            listener.setImplicitSsl(false);
            DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
            data.setSslConfiguration(ssl);
            listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        }
        factory.addListener(LISTENER, listener.createListener());

        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setMaxLogins(200);
        connections.setMaxThreads(0);
        connections.setMaxLoginFailures(0);
        connections.setLoginFailureDelay(0);
        factory.setConnectionConfig(connections.createConnectionConfig());

        try {
            UserManager users = new PropertiesUserManagerFactory().createUserManager();
            BaseUser account = new BaseUser();
            account.setName(user);
            account.setPassword(password);
            account.setHomeDirectory(root.toAbsolutePath().toString());
            account.setMaxIdleTime(0);
            List<Authority> authorities = List.of(new WritePermission(), new ConcurrentLoginPermission(0, 0));
            account.setAuthorities(authorities);
            users.save(account);
            factory.setUserManager(users);

            FtpServer server = factory.createServer();
            server.start();
            int port = ((DefaultFtpServer) server).getListener(LISTENER).getPort();
            return new EmbeddedFtpServer(server, port);
        } catch (FtpException e) {
            throw new IllegalStateException("cannot start the embedded FTP server: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.stop();
    }
}
