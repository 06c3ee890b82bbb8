package org.filesync.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy between an FTP client and a plain-FTP server that can break things on purpose: cut
 * or stall a control or data connection after a given number of bytes in one direction. FTP data
 * travels on separate connections, so the proxy rewrites the server's 227 and 229 replies to point
 * at listeners of its own and relays the data connections too, counting their bytes, so a test can
 * check that a resumed transfer sent only the remainder. Passive mode only; plain FTP only (it
 * cannot read a TLS control connection).
 */
public final class FaultProxy implements AutoCloseable {

    /** Which way bytes flow. */
    public enum Direction { TO_SERVER, TO_CLIENT }

    /** Once {@code afterBytes} have gone {@code direction}: close the connection (cut) or stop forwarding (stall). */
    public record Fault(Direction direction, long afterBytes, boolean stall) {

        public static Fault cut(Direction direction, long afterBytes) {
            return new Fault(direction, afterBytes, false);
        }

        public static Fault stall(Direction direction, long afterBytes) {
            return new Fault(direction, afterBytes, true);
        }
    }

    /** One relayed connection: bytes forwarded each way, and whether a fault struck it. */
    public static final class Relay {
        private final AtomicLong toServer = new AtomicLong();
        private final AtomicLong toClient = new AtomicLong();
        private volatile boolean faulted;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final List<String> commands = new CopyOnWriteArrayList<>();
        private final Socket client;
        private final Socket server;

        private Relay(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        public long bytesToServer() {
            return toServer.get();
        }

        public long bytesToClient() {
            return toClient.get();
        }

        public boolean faulted() {
            return faulted;
        }

        /** The command lines the client sent on this control connection, oldest first. */
        public List<String> commands() {
            return List.copyOf(commands);
        }

        private AtomicLong counter(Direction direction) {
            return direction == Direction.TO_SERVER ? toServer : toClient;
        }

        private void close() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static final Pattern PASV = Pattern.compile("^227 .*?(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)");
    private static final Pattern EPSV = Pattern.compile("^229 .*\\(\\|\\|\\|(\\d+)\\|\\)");

    private final InetAddress serverHost;
    private final int serverPort;
    private final ServerSocket listener;
    private final List<Relay> controlConnections = new CopyOnWriteArrayList<>();
    private final List<Relay> dataConnections = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final AtomicInteger openControlConnections = new AtomicInteger();
    private final AtomicInteger mostControlConnectionsAtOnce = new AtomicInteger();
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    private final AtomicReference<Fault> nextControlFault = new AtomicReference<>();
    private final AtomicReference<Fault> nextDataFault = new AtomicReference<>();
    private final RelayFaults relayFaults = new RelayFaults();
    private final java.util.Map<String, String> cannedReplies = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, String> cannedOnce = new java.util.concurrent.ConcurrentHashMap<>();

    private FaultProxy(InetAddress serverHost, int serverPort, ServerSocket listener) {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.listener = listener;
    }

    /** Proxies a loopback port to {@code serverHost}:{@code serverPort}. */
    public static FaultProxy start(String serverHost, int serverPort) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FaultProxy proxy = new FaultProxy(InetAddress.getByName(serverHost), serverPort, listener);
        proxy.resources.add(listener);
        daemon("fault-proxy-accept", proxy::acceptControlConnections);
        return proxy;
    }

    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * The first data connection (LIST, RETR, STOR...) that moves enough bytes suffers {@code fault};
     * shorter ones before it and all after it do not.
     */
    public void failNextDataConnection(Fault fault) {
        nextDataFault.set(fault);
    }

    /**
     * Answers the command line {@code command} (for example "RETR /pub/bad.bin") with {@code reply}
     * instead of passing it to the server: a refusal the real server would not give on demand.
     */
    public void answerInstead(String command, String reply) {
        cannedReplies.put(command, reply);
    }

    /** Like {@link #answerInstead}, for the next time only: later ones go to the server. */
    public void answerOnceInstead(String command, String reply) {
        cannedOnce.put(command, reply);
    }

    /** Whether a data-connection fault is still armed (no connection has triggered it yet). */
    public boolean dataFaultArmed() {
        return nextDataFault.get() != null;
    }

    /** The next control connection suffers {@code fault}, counting from its first byte. */
    public void failNextControlConnection(Fault fault) {
        nextControlFault.set(fault);
    }

    /** Stops forwarding {@code direction} on every open control connection from now on. */
    public void stallControlConnections(Direction direction) {
        for (Relay relay : controlConnections) {
            relayFaults.put(relay, direction, Fault.stall(direction, relay.counter(direction).get()));
        }
    }

    /** Closes every open control connection now. */
    public void cutControlConnections() {
        controlConnections.forEach(Relay::close);
    }

    /** Every data connection relayed so far, oldest first. */
    public List<Relay> dataConnections() {
        return List.copyOf(dataConnections);
    }

    public Relay lastDataConnection() {
        return dataConnections.get(dataConnections.size() - 1);
    }

    /** Every control connection relayed so far, oldest first. */
    public List<Relay> controlConnections() {
        return List.copyOf(controlConnections);
    }

    /** The most control connections the client held open at one time so far. */
    public int mostControlConnectionsAtOnce() {
        return mostControlConnectionsAtOnce.get();
    }

    /** Every command line clients sent on a control connection, oldest first, as sent. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** Faults set on live relays, per direction. */
    private static final class RelayFaults {
        private final java.util.Map<Relay, Fault[]> faults = new java.util.concurrent.ConcurrentHashMap<>();

        void put(Relay relay, Direction direction, Fault fault) {
            faults.computeIfAbsent(relay, r -> new Fault[2])[direction.ordinal()] = fault;
        }

        Fault get(Relay relay, Direction direction) {
            Fault[] both = faults.get(relay);
            return both == null ? null : both[direction.ordinal()];
        }
    }

    private void acceptControlConnections() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(serverHost, serverPort), 5000);
                Relay relay = new Relay(client, server);
                resources.add(relay::close);
                controlConnections.add(relay);
                mostControlConnectionsAtOnce.accumulateAndGet(openControlConnections.incrementAndGet(), Math::max);
                Fault fault = nextControlFault.getAndSet(null);
                if (fault != null) {
                    relayFaults.put(relay, fault.direction(), fault);
                }
                daemon("fault-proxy-control-up", () -> {
                    pump(relay, Direction.TO_SERVER, true);
                    controlConnectionEnded(relay);
                });
                daemon("fault-proxy-control-down", () -> {
                    pump(relay, Direction.TO_CLIENT, true);
                    controlConnectionEnded(relay);
                });
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    /**
     * Counts a control connection as closed once: at its QUIT, which the client sends before it
     * waits for the 221 and closes (so before any connection it opens next is accepted here), or
     * when either side closes it without one.
     */
    private void controlConnectionEnded(Relay relay) {
        if (relay.ended.compareAndSet(false, true)) {
            openControlConnections.decrementAndGet();
        }
    }

    /**
     * Forwards one direction of {@code relay}. Control connections go line by line: replies get
     * their passive addresses rewritten, and commands with a canned answer are answered here.
     */
    private void pump(Relay relay, Direction direction, boolean controlLines) {
        Socket from = direction == Direction.TO_SERVER ? relay.client : relay.server;
        Socket to = direction == Direction.TO_SERVER ? relay.server : relay.client;
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (!controlLines) {
                    if (!forward(relay, direction, out, buffer, n)) {
                        return;
                    }
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    line.write(buffer[i]);
                    if (buffer[i] == '\n') {
                        String text = line.toString(StandardCharsets.ISO_8859_1);
                        line.reset();
                        if (direction == Direction.TO_SERVER) {
                            commands.add(text.strip());
                            relay.commands.add(text.strip());
                            if (text.strip().equalsIgnoreCase("QUIT")) {
                                controlConnectionEnded(relay);
                            }
                            String canned = cannedOnce.remove(text.strip());
                            if (canned == null) {
                                canned = cannedReplies.get(text.strip());
                            }
                            if (canned != null) {
                                synchronized (relay) {
                                    relay.client.getOutputStream().write((canned + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                                }
                                continue;
                            }
                        }
                        byte[] rewritten = (direction == Direction.TO_CLIENT ? rewrite(text) : text)
                                .getBytes(StandardCharsets.ISO_8859_1);
                        if (!forward(relay, direction, out, rewritten, rewritten.length)) {
                            return;
                        }
                    }
                }
            }
            to.shutdownOutput();
        } catch (IOException e) {
            relay.close();
        }
    }

    /** Writes what the fault allows; false once the fault struck (the connection is cut or stalled). */
    private boolean forward(Relay relay, Direction direction, OutputStream out, byte[] bytes, int length) throws IOException {
        AtomicLong counter = relay.counter(direction);
        Fault fault = relayFaults.get(relay, direction);
        int allowed = length;
        if (fault != null) {
            allowed = (int) Math.max(0, Math.min(length, fault.afterBytes() - counter.get()));
        }
        if (allowed < length && dataConnections.contains(relay) && !nextDataFault.compareAndSet(fault, null)) {
            allowed = length; // another data connection triggered this fault already
        }
        synchronized (relay) {
            out.write(bytes, 0, allowed);
            out.flush();
        }
        counter.addAndGet(allowed);
        if (allowed == length) {
            return true;
        }
        relay.faulted = true;
        if (!fault.stall()) {
            relay.close();
        }
        return false;
    }

    private String rewrite(String reply) throws IOException {
        Matcher pasv = PASV.matcher(reply);
        if (pasv.find()) {
            int port = relayData(Integer.parseInt(pasv.group(5)) * 256 + Integer.parseInt(pasv.group(6)));
            return "227 Entering Passive Mode (127,0,0,1," + (port >> 8) + "," + (port & 0xff) + ").\r\n";
        }
        Matcher epsv = EPSV.matcher(reply);
        if (epsv.find()) {
            int port = relayData(Integer.parseInt(epsv.group(1)));
            return "229 Entering Extended Passive Mode (|||" + port + "|)\r\n";
        }
        return reply;
    }

    /** Listens for the client's data connection and relays it to the server's {@code serverDataPort}. */
    private int relayData(int serverDataPort) throws IOException {
        ServerSocket dataListener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        resources.add(dataListener);
        dataListener.setSoTimeout(30_000);
        daemon("fault-proxy-data", () -> {
            try (dataListener) {
                Socket client = dataListener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(serverHost, serverDataPort), 5000);
                Relay relay = new Relay(client, server);
                resources.add(relay::close);
                // Armed on every data connection until one of them carries enough bytes to trigger
                // it, so a short listing before the transfer does not use the fault up.
                Fault fault = nextDataFault.get();
                if (fault != null) {
                    relayFaults.put(relay, fault.direction(), fault);
                }
                dataConnections.add(relay);
                daemon("fault-proxy-data-up", () -> pump(relay, Direction.TO_SERVER, false));
                pump(relay, Direction.TO_CLIENT, false);
            } catch (IOException e) {
                // the client never came, or the proxy closed
            }
        });
        return dataListener.getLocalPort();
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        new ArrayList<>(resources).forEach(FaultProxy::closeQuietly);
    }
}
