package org.filesync.ftp;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Proxy;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the data connection for one transfer command: passive (EPSV, falling back to PASV) or
 * active (EPRT, falling back to PORT), with TLS when the session protects its data.
 */
final class DataConnections {

    private static final Logger log = LoggerFactory.getLogger(DataConnections.class);
    private static final Pattern EPSV_PORT = Pattern.compile("\\(([^\\d\\s])\\1\\1(\\d{1,5})\\1\\)");
    private static final Pattern PASV_NUMBERS = Pattern.compile("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})");

    private final ControlChannel control;
    private final boolean passive;
    private final String activeAddress;
    private final PortRange activePorts;
    private final Duration connectTimeout;
    private final Duration abortReplyTimeout;
    private final TlsDataSockets tls;
    private boolean epsvRefused;
    private boolean eprtRefused;
    /** The plain socket under the latest data connection (under its TLS layer, which is not for closing from another thread). */
    private volatile Socket latest;

    /** @param tls null for plain data connections */
    DataConnections(ControlChannel control, FtpEndpoint server, Duration connectTimeout,
                    Duration abortReplyTimeout, TlsDataSockets tls) {
        this.control = control;
        this.passive = server.passive();
        this.activeAddress = server.activeAddress();
        this.activePorts = server.activePorts();
        this.connectTimeout = connectTimeout;
        this.abortReplyTimeout = abortReplyTimeout;
        this.tls = tls;
    }

    /** An open data connection, and whether the server accepted the REST before its command; no socket when it refused it and nothing was to be sent instead. */
    record Opened(Socket socket, String command, boolean restarted) {
    }

    /**
     * Sends {@code command} over a fresh data connection and returns that connection once the
     * server has answered 1yz. A negative answer is thrown as it is.
     */
    Socket open(String command, String argument) throws FtpException {
        return open(command, argument, null, command).socket();
    }

    /**
     * Like {@link #open(String, String)}, resuming where {@code restartArgument} says: REST goes
     * right before the command, as RFC 959 §4.1.3 requires (nothing may come between them, not even
     * EPSV); when the server refuses it, {@code commandIfRefused} is sent instead (RETR from 0, APPE).
     *
     * @param restartArgument a byte offset, or in block mode the server's restart marker (RFC 959
     *        §3.5); null for no REST
     */
    Opened open(String command, String argument, String restartArgument, String commandIfRefused) throws FtpException {
        return passive ? openPassive(command, argument, restartArgument, commandIfRefused)
                : openActive(command, argument, restartArgument, commandIfRefused);
    }

    /**
     * Like {@link #open(String, String, String, String)}, but only where the server takes the REST:
     * empty, with no transfer command sent, when it refuses it.
     */
    Optional<Socket> openRestarted(String command, String argument, String restartArgument) throws FtpException {
        Opened opened = open(command, argument, restartArgument, null);
        return Optional.ofNullable(opened.socket());
    }

    private Opened openPassive(String command, String argument, String restartArgument, String commandIfRefused)
            throws FtpException {
        int port = passivePort();
        // RFC 2428 and NAT safety: the data connection goes to the host we are talking to, whatever
        // address a 227 reply names (a private address behind NAT, or a third host).
        InetSocketAddress target = new InetSocketAddress(control.remoteAddress(), port);
        // Straight to the server, never through a JVM-wide SOCKS proxy: the data connection must
        // reach the control connection's host, and choosing no proxy also skips a lookup per file.
        Socket socket = tls == null ? new Socket(Proxy.NO_PROXY) : tls.newPlainSocket();
        try {
            latest = socket;
            socket.connect(target, (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) control.idleTimeout().toMillis());
        } catch (IOException e) {
            closeQuietly(socket);
            throw dataFailure(e, endpoint(target));
        }
        log.debug("{}: data connection to port {} for {}", control.endpoint(), port, command);
        boolean restarted;
        try {
            restarted = restart(restartArgument);
        } catch (FtpException e) {
            closeQuietly(socket);
            throw e;
        }
        String sent = restartArgument != null && !restarted ? commandIfRefused : command;
        if (sent == null) {
            closeQuietly(socket);
            return new Opened(null, null, false);
        }
        return new Opened(afterPreliminary(socket, sent, argument, endpoint(target)), sent, restarted);
    }

    private int passivePort() throws FtpException {
        if (!epsvRefused) {
            Reply reply = control.send("EPSV", null);
            if (reply.code() == 229) {
                Matcher m = EPSV_PORT.matcher(reply.text());
                if (m.find()) {
                    return checkedPort(m.group(2), "EPSV", reply);
                }
                throw new FtpReplyException("unreadable EPSV reply", "EPSV", reply.code(), reply.text(), null);
            }
            if (!reply.isPermanentNegative()) {
                throw control.rejected("EPSV", null, reply);
            }
            // Servers answer 500, 501, 502 or even 550 when they lack EPSV (or it is blocked).
            log.debug("{}: EPSV refused ({}), using PASV for this session", control.endpoint(), reply.code());
            epsvRefused = true;
        }
        Reply reply = control.send("PASV", null);
        Matcher m = PASV_NUMBERS.matcher(reply.text());
        if (reply.code() != 227) {
            throw control.rejected("PASV", null, reply);
        }
        if (!m.find()) {
            throw new FtpReplyException("unreadable PASV reply", "PASV", reply.code(), reply.text(), null);
        }
        int high = checkedPort(m.group(5), "PASV", reply);
        int low = checkedPort(m.group(6), "PASV", reply);
        if (high > 255 || low > 255) {
            throw new FtpReplyException("PASV reply names no valid port", "PASV", reply.code(), reply.text(), null);
        }
        return checkedPort(Integer.toString(high * 256 + low), "PASV", reply);
    }

    /** A port from a passive reply, which a hostile or broken server may make anything. */
    private static int checkedPort(String digits, String command, Reply reply) throws FtpReplyException {
        int port = digits.length() > 5 ? -1 : Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new FtpReplyException(command + " reply names no valid port", command, reply.code(), reply.text(), null);
        }
        return port;
    }

    private Opened openActive(String command, String argument, String restartArgument, String commandIfRefused)
            throws FtpException {
        ServerSocket listener = listen();
        try {
            announce(listener.getLocalPort());
            boolean restarted = restart(restartArgument);
            String sent = restartArgument != null && !restarted ? commandIfRefused : command;
            if (sent == null) {
                return new Opened(null, null, false);
            }
            Socket socket = null;
            Reply reply = control.send(sent, argument);
            if (!reply.isPreliminary()) {
                throw control.rejected(sent, argument, reply);
            }
            try {
                socket = acceptFromServer(listener);
                latest = socket;
                socket.setSoTimeout((int) control.idleTimeout().toMillis());
                return new Opened(secured(socket, endpoint(socket)), sent, restarted);
            } catch (IOException e) {
                closeQuietly(socket);
                throw broken(e, sent, argument, "active data connection on local port " + listener.getLocalPort());
            }
        } finally {
            closeQuietly(listener);
        }
    }

    /** Closes the latest data connection, from any thread: a transfer blocked on it fails at once. */
    void abort() {
        closeQuietly(latest);
    }

    /**
     * The server's data connection, and only the server's: a connection from any other host (a
     * third party racing for the port to inject or steal data) is closed, and the wait goes on
     * until the connect timeout.
     */
    private Socket acceptFromServer(ServerSocket listener) throws IOException {
        long deadline = System.nanoTime() + connectTimeout.toNanos();
        while (true) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            listener.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            Socket socket = listener.accept();
            if (socket.getInetAddress().equals(control.remoteAddress())) {
                return socket;
            }
            log.warn("{}: refused a data connection from {}, which is not the server", control.endpoint(),
                    AddressText.of(socket.getInetAddress()));
            closeQuietly(socket);
        }
    }

    /** REST {@code argument} unless null: true on 350; false when refused (500, 502, 504: anything but 350). */
    private boolean restart(String argument) throws FtpException {
        if (argument == null) {
            return false;
        }
        Reply reply = control.send("REST", argument);
        if (reply.code() == 350) {
            return true;
        }
        log.debug("{}: REST {} refused: {} {}", control.endpoint(), argument, reply.code(), reply.text());
        return false;
    }

    private ServerSocket listen() throws FtpConnectionException {
        InetAddress local = control.localAddress();
        int first = activePorts == null ? 0 : activePorts.first();
        int count = activePorts == null ? 1 : activePorts.size();
        int start = ThreadLocalRandom.current().nextInt(count);
        IOException last = null;
        for (int i = 0; i < count; i++) {
            int port = first == 0 ? 0 : first + (start + i) % count;
            ServerSocket listener = null;
            try {
                listener = tls == null ? new ServerSocket() : tls.newServerSocket();
                listener.bind(new InetSocketAddress(local, port), 1);
                return listener;
            } catch (BindException e) {
                closeQuietly(listener);
                last = e;
            } catch (IOException e) {
                closeQuietly(listener);
                last = e;
                break;
            }
        }
        throw new FtpConnectionException("no free local port for an active data connection in "
                + (activePorts == null ? "any port" : activePorts) + ": " + last, last, false, false);
    }

    /** EPRT (RFC 2428), or PORT where the server refuses it; the address is the configured or the local one. */
    private void announce(int port) throws FtpException {
        String address = activeAddress != null ? activeAddress : AddressText.of(control.localAddress());
        boolean ipv6 = address.contains(":");
        if (!eprtRefused || ipv6) {
            Reply reply = control.send("EPRT", "|" + (ipv6 ? 2 : 1) + "|" + address + "|" + port + "|");
            if (reply.isCompletion()) {
                return;
            }
            if (!reply.isPermanentNegative() || ipv6) {
                throw control.rejected("EPRT", null, reply);
            }
            log.debug("{}: EPRT refused ({}), using PORT for this session", control.endpoint(), reply.code());
            eprtRefused = true;
        }
        String hostPart = address.replace('.', ',');
        control.complete("PORT", hostPart + "," + (port >> 8) + "," + (port & 0xff));
    }

    private Socket afterPreliminary(Socket socket, String command, String argument, String endpoint) throws FtpException {
        Reply reply;
        try {
            reply = control.send(command, argument);
        } catch (FtpException e) {
            closeQuietly(socket);
            throw e;
        }
        if (!reply.isPreliminary()) {
            closeQuietly(socket);
            throw control.rejected(command, argument, reply);
        }
        try {
            return secured(socket, endpoint);
        } catch (IOException e) {
            closeQuietly(socket);
            throw broken(e, command, argument, endpoint);
        }
    }

    /**
     * The failure to report when a data connection broke after the server had answered 1yz to
     * {@code command}: its final reply is still due, and is read (briefly) so the conversation
     * stays in step. pure-ftpd never sends it after a client dropped RETR's data connection, so
     * when it does not come in time the control connection is closed and reported lost.
     */
    FtpException broken(IOException cause, String command, String argument, String endpoint) {
        FtpConnectionException dataFailure = dataFailure(cause, endpoint);
        String display = argument == null ? command : command + " " + argument;
        Reply reply = finalReplyAfterCut(display);
        if (reply == null) {
            return new FtpConnectionException(dataFailure.getMessage() + "; no final reply to " + display + " within "
                    + abortReplyTimeout.toMillis() + " ms, control connection closed", cause, false, true);
        }
        if (reply.isCompletion()) {
            // The server handed the data to its socket and is content; the bytes still did not all arrive.
            return dataFailure;
        }
        return new FtpReplyException(dataFailure.getMessage(), display, reply.code(), reply.text(), cause);
    }

    /**
     * After this side dropped the (closed) data connection of {@code command} because its local file
     * failed: the server, which may still have been sending, answers 426 or 226; that reply is read
     * so the session stays usable. Without one in time the control connection is closed.
     */
    void abandoned(String command, String argument) {
        Reply reply = finalReplyAfterCut(command + " " + argument);
        if (reply != null) {
            log.debug("{}: {} {} abandoned for a local failure; the server said {} {}", control.endpoint(), command,
                    argument, reply.code(), reply.text());
        }
    }

    /**
     * After this side closed the data connection of {@code command} on purpose, having all it
     * wanted: the server's final reply is read, whatever it is (226 when it had sent everything
     * already; 426, 450 or 451 from servers that count the close as an aborted transfer), so the
     * session stays in step. Without one in time the control connection is closed.
     */
    void closedEarly(String command, String argument) {
        Reply reply = finalReplyAfterCut(command + " " + argument);
        if (reply != null && reply.code() < 200) {
            // pure-ftpd may answer an early close with another 150 (rclone works around it too):
            // the conversation is out of step, so this control connection is done
            control.kill();
        } else if (reply != null) {
            log.debug("{}: {} {} closed early on purpose; the server said {} {}", control.endpoint(), command,
                    argument, reply.code(), reply.text());
        }
    }

    /** The final reply to a transfer whose data connection is gone, or null when none came and the control connection was closed. */
    private Reply finalReplyAfterCut(String display) {
        try {
            return control.readFinalReply(abortReplyTimeout, display);
        } catch (FtpException e) {
            control.kill();
            return null;
        }
    }

    private Socket secured(Socket socket, String endpoint) throws IOException {
        if (tls == null) {
            return socket;
        }
        log.debug("{}: TLS handshake on data connection {}", control.endpoint(), endpoint);
        return tls.secure(socket);
    }

    private FtpConnectionException dataFailure(IOException e, String endpoint) {
        return ConnectionFailures.of(e, ConnectionFailures.Stage.DATA, endpoint, control.idleTimeout());
    }

    private static String endpoint(InetSocketAddress address) {
        return AddressText.hostAndPort(AddressText.of(address.getAddress()), address.getPort());
    }

    private static String endpoint(Socket accepted) {
        return AddressText.of(accepted.getInetAddress()) + " (active)";
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("closing {} failed: {}", closeable, e.toString());
            }
        }
    }
}
