package org.filesync.ftp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
    private volatile boolean dead;
    // Written by the transferring thread (keep-alives), read by a transfer's reply reader.
    private final AtomicInteger unansweredNoops = new AtomicInteger();
    private volatile CompletableFuture<Reply> replyInBackground;
    /** One transfer's replies at a time; its thread ends when idle, so a channel dropped without close leaves none. */
    private final ThreadPoolExecutor replyReader;

    ControlChannel(FTPClient client, String endpoint, Duration idleTimeout) {
        this.client = client;
        this.extras = (ControlClients.Extras) client;
        this.endpoint = endpoint;
        this.idleTimeout = idleTimeout;
        this.replyReader = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreadFactory("filesync-replies-" + endpoint, true));
        replyReader.allowCoreThreadTimeOut(true);
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
        ensureInStep(command);
        if (log.isDebugEnabled()) {
            log.debug("{} > {}", endpoint, display(command, argument));
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
        // Counted before it is sent: a reply reader on another thread may see its 200 at once.
        unansweredNoops.incrementAndGet();
        try {
            extras.sendLine("NOOP");
            log.debug("{} > NOOP (keep-alive during transfer)", endpoint);
        } catch (IOException e) {
            throw failed(e, "NOOP");
        }
    }

    /**
     * The reply that ends a transfer, waiting at most {@code timeout}. Replies to keep-alive NOOPs
     * may come before or after it (servers differ): those before are skipped here, those after are
     * read too, so the next command meets its own reply. A NOOP reply that never comes leaves the
     * conversation out of step: the connection is then closed rather than trusted. When a
     * {@linkplain #readRepliesDuringTransfer reader} runs, its final reply is awaited instead.
     */
    Reply readFinalReply(Duration timeout, String command) throws FtpException {
        CompletableFuture<Reply> background = replyInBackground;
        Reply reply;
        if (background != null) {
            reply = await(background, timeout, command);
        } else {
            reply = read(timeout, command);
            while (isKeepAliveAnswer(reply)) {
                unansweredNoops.decrementAndGet();
                reply = read(timeout, command);
            }
        }
        try {
            while (unansweredNoops.get() > 0) {
                read(timeout, "NOOP");
                unansweredNoops.decrementAndGet();
            }
        } catch (FtpException e) {
            log.debug("{}: keep-alive replies missing after {}; closing the control connection", endpoint, command);
        }
        return reply;
    }

    /**
     * A reply that answers a keep-alive NOOP rather than the transfer: 200, or — from servers that
     * take no commands but ABOR during a transfer (pure-ftpd) — 500/501/502. A transfer the server
     * accepted with 1yz never ends in a syntax error of its own.
     */
    private boolean isKeepAliveAnswer(Reply reply) {
        int code = reply.code();
        return unansweredNoops.get() > 0 && (code == 200 || code == 500 || code == 501 || code == 502);
    }

    /**
     * Reads the replies to {@code command} on a thread of their own while the caller moves the
     * data: preliminary (1yz) replies go to {@code preliminary} as they arrive, and the final one
     * waits for {@link #readFinalReply}. Block-mode STOR needs this: the server answers each restart
     * marker with {@code 110 MARK} while the data flows (RFC 959 §4.2), and a server that writes
     * those replies synchronously would stall once an unread control connection's buffers filled.
     * No command may be sent until the final reply has been taken.
     */
    void readRepliesDuringTransfer(String command, Consumer<Reply> preliminary) {
        CompletableFuture<Reply> result = new CompletableFuture<>();
        replyInBackground = result;
        replyReader.execute(() -> {
            try {
                // No read timeout of its own: readFinalReply bounds the wait, and closes the connection when it ends.
                Reply reply = read(Duration.ZERO, command);
                while (reply.isPreliminary() || isKeepAliveAnswer(reply)) {
                    if (reply.isPreliminary()) {
                        preliminary.accept(reply);
                    } else {
                        unansweredNoops.decrementAndGet();
                    }
                    reply = read(Duration.ZERO, command);
                }
                result.complete(reply);
            } catch (FtpException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    private Reply await(CompletableFuture<Reply> background, Duration timeout, String command) throws FtpException {
        try {
            return background.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill();
            throw failed(new SocketTimeoutException("no final reply"), command, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new FtpConnectionException("interrupted waiting for the reply to " + command + " from " + endpoint,
                    e, false);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FtpException failure) {
                throw failure;
            }
            throw (RuntimeException) e.getCause();
        } finally {
            replyInBackground = null;
        }
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

    /**
     * Closes the socket from another thread, leaving Commons Net's state to the thread using it:
     * that thread's read or write fails, and it then closes the connection as after any failure.
     */
    void abort() {
        dead = true;
        try {
            extras.closeSocket();
        } catch (IOException e) {
            log.debug("{}: closing the control connection failed: {}", endpoint, e.toString());
        }
    }

    /** QUIT, briefly waiting for its reply, then close. */
    void quit() {
        // A transfer abandoned midway leaves its reply reader running: a QUIT would race it for the replies.
        if (!isDead() && replyInBackground == null) {
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

    /** A command sent while a transfer's replies are still being read would take one of them for its own. */
    private void ensureInStep(String command) throws FtpConnectionException {
        if (replyInBackground != null) {
            kill();
            throw new FtpConnectionException(command + " sent to " + endpoint
                    + " before the previous transfer's final reply was read; control connection closed", null, false);
        }
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

    /** A command as messages may show it: never with the password (PASS) or account (ACCT) it carries. */
    static String display(String command, String argument) {
        if (argument == null) {
            return command;
        }
        return command + " " + (isSecret(command) ? "******" : argument);
    }

    static boolean isSecret(String command) {
        return "PASS".equalsIgnoreCase(command) || "ACCT".equalsIgnoreCase(command);
    }
}
