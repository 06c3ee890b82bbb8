package org.filesync.ftp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.time.Duration;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control connection: sends commands (never one with CR, LF or NUL in its argument), reads
 * whole replies, bounds every wait by a timeout, and turns socket failures into
 * {@link FtpConnectionException}s. After a failure it is dead: every later command fails fast.
 */
final class ControlChannel {

    private static final Logger log = LoggerFactory.getLogger(ControlChannel.class);
    private static final Duration QUIT_TIMEOUT = Duration.ofSeconds(2);

    private final FTPClient client;
    private final ControlClients.Extras extras;
    private final String endpoint;
    private final Duration idleTimeout;
    private boolean dead;
    private int unansweredNoops;

    ControlChannel(FTPClient client, String endpoint, Duration idleTimeout) {
        this.client = client;
        this.extras = (ControlClients.Extras) client;
        this.endpoint = endpoint;
        this.idleTimeout = idleTimeout;
    }

    String endpoint() {
        return endpoint;
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    InetAddress remoteAddress() {
        return client.getRemoteAddress();
    }

    InetAddress localAddress() {
        return client.getLocalAddress();
    }

    int remotePort() {
        return client.getRemotePort();
    }

    Charset charset() {
        return Charset.forName(client.getControlEncoding());
    }

    boolean isDead() {
        return dead || !client.isConnected();
    }

    /** The reply the server greeted with, or gave to the last command. */
    Reply lastReply() {
        return Reply.of(client.getReplyCode(), client.getReplyStrings());
    }

    /** Sends {@code command} (with {@code argument} unless null) and returns the reply, whatever it is. */
    Reply send(String command, String argument) throws FtpException {
        if (argument != null && (argument.indexOf('\r') >= 0 || argument.indexOf('\n') >= 0 || argument.indexOf('\0') >= 0)) {
            throw new UnsafePathException(command, argument);
        }
        ensureOpen();
        if (log.isDebugEnabled()) {
            log.debug("{} > {} {}", endpoint, command, "PASS".equals(command) ? "****" : argument == null ? "" : argument);
        }
        try {
            int code = argument == null ? client.sendCommand(command) : client.sendCommand(command, argument);
            return received(code);
        } catch (IOException e) {
            throw failed(e, display(command, argument));
        }
    }

    /** Sends and requires a 2yz reply. */
    Reply complete(String command, String argument) throws FtpException {
        Reply reply = send(command, argument);
        if (!reply.isCompletion()) {
            throw rejected(command, argument, reply);
        }
        return reply;
    }

    /** Writes a NOOP without waiting: its 200 is skipped by {@link #readFinalReply(Duration, String)}. */
    void sendKeepAlive() throws FtpException {
        ensureOpen();
        try {
            extras.sendLine("NOOP");
            unansweredNoops++;
            log.debug("{} > NOOP (keep-alive during transfer)", endpoint);
        } catch (IOException e) {
            throw failed(e, "NOOP");
        }
    }

    /**
     * The reply that ends a transfer, waiting at most {@code timeout}. Replies to keep-alive NOOPs
     * may come before or after it (servers differ): those before are skipped here, those after are
     * read too, so the next command meets its own reply. A NOOP reply that never comes leaves the
     * conversation out of step: the connection is then closed rather than trusted.
     */
    Reply readFinalReply(Duration timeout, String command) throws FtpException {
        Reply reply = read(timeout, command);
        while (reply.code() == 200 && unansweredNoops > 0) {
            unansweredNoops--;
            reply = read(timeout, command);
        }
        try {
            while (unansweredNoops > 0) {
                read(timeout, "NOOP");
                unansweredNoops--;
            }
        } catch (FtpException e) {
            log.debug("{}: keep-alive replies missing after {}; closing the control connection", endpoint, command);
        }
        return reply;
    }

    private Reply read(Duration timeout, String command) throws FtpException {
        ensureOpen();
        try {
            client.setSoTimeout((int) timeout.toMillis());
            Reply reply = received(client.getReply());
            client.setSoTimeout((int) idleTimeout.toMillis());
            return reply;
        } catch (IOException e) {
            throw failed(e, command, timeout);
        }
    }

    FtpReplyException rejected(String command, String argument, Reply reply) {
        return new FtpReplyException(display(command, argument), reply.code(), reply.text());
    }

    /** Closes the connection after a failure that left it in an unknown state. */
    void kill() {
        dead = true;
        try {
            client.disconnect();
        } catch (IOException e) {
            log.debug("{}: closing the control connection failed: {}", endpoint, e.toString());
        }
    }

    /** QUIT, briefly waiting for its reply, then close. */
    void quit() {
        if (!isDead()) {
            try {
                client.setSoTimeout((int) QUIT_TIMEOUT.toMillis());
                log.debug("{} > QUIT", endpoint);
                client.sendCommand("QUIT");
            } catch (IOException e) {
                log.debug("{}: QUIT failed: {}", endpoint, e.toString());
            }
        }
        kill();
    }

    private Reply received(int code) {
        Reply reply = Reply.of(code, client.getReplyStrings());
        log.debug("{} < {} {}", endpoint, reply.code(), reply.text());
        return reply;
    }

    private void ensureOpen() throws FtpConnectionException {
        if (isDead()) {
            throw new FtpConnectionException("control connection to " + endpoint + " is closed", null, false);
        }
    }

    private FtpException failed(IOException e, String command) {
        return failed(e, command, idleTimeout);
    }

    private FtpException failed(IOException e, String command, Duration timeout) {
        // Commons Net reports 421 as a closed connection; it is a reply, and says why.
        if (e instanceof FTPConnectionClosedException && client.getReplyCode() == 421) {
            Reply reply = Reply.of(421, client.getReplyStrings());
            kill();
            return new FtpReplyException(command, 421, reply.text());
        }
        kill();
        FtpConnectionException failure = ConnectionFailures.of(e, ConnectionFailures.Stage.CONTROL, endpoint, timeout);
        return new FtpConnectionException(failure.getMessage() + " (during " + command + ")", e, !failure.isTransient());
    }

    private static String display(String command, String argument) {
        return argument == null ? command : command + " " + argument;
    }
}
