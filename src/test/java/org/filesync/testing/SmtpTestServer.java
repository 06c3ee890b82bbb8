package org.filesync.testing;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server on loopback (SubEthaSMTP) that keeps every message it accepts. With a
 * certificate it offers STARTTLS and refuses mail before it; it wants a login.
 */
public final class SmtpTestServer implements AutoCloseable {

    public static final String USER = "filesync";
    public static final String PASSWORD = "smtp-pw-5e4d";

    private final SMTPServer server;
    private final BlockingQueue<MimeMessage> received;

    private SmtpTestServer(SMTPServer server, BlockingQueue<MimeMessage> received) {
        this.server = server;
        this.received = received;
    }

    /** Requiring STARTTLS with {@code certificate}'s key. */
    public static SmtpTestServer startRequiringTls(TestCertificate certificate) throws Exception {
        return start(certificate);
    }

    /** Plain SMTP: no STARTTLS offered. */
    public static SmtpTestServer startWithoutTls() throws Exception {
        return start(null);
    }

    private static SmtpTestServer start(TestCertificate certificate) throws Exception {
        BlockingQueue<MimeMessage> received = new LinkedBlockingQueue<>();
        SMTPServer.Builder builder = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress())
                .requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (!USER.equals(user) || !PASSWORD.equals(password)) {
                        throw new LoginFailedException();
                    }
                }))
                .messageHandler((context, from, to, data) -> received.add(parse(data)));
        if (certificate != null) {
            builder.enableTLS().requireTLS().startTlsSocketFactory(serverTls(certificate));
        }
        SMTPServer server = builder.build();
        server.start();
        return new SmtpTestServer(server, received);
    }

    public int port() {
        return server.getPortAllocated();
    }

    /** The next message accepted, waiting up to {@code patience}. */
    public MimeMessage next(Duration patience) throws InterruptedException {
        MimeMessage next = received.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("no message within " + patience);
        }
        return next;
    }

    public int waiting() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static MimeMessage parse(byte[] data) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext serverTls(TestCertificate certificate) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificate.keyStore())) {
            keys.load(in, TestCertificate.STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, TestCertificate.STORE_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }
}
