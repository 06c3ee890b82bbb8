package org.filesync.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * A tiny scripted FTP server for replies real servers rarely give on demand (421, 452, 332, a 227
 * naming a foreign address, a listing with hostile names). Logs anyone in, offers what
 * {@link #features(String...)} says, serves passive data connections on 127.0.0.1, and answers any
 * command with the reply set by {@link #reply(String, String)}.
 */
public final class ReplyScriptServer implements FtpServerFixture {

    private final ServerSocket listener;
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile List<String> features = List.of("SIZE", "MDTM", "REST STREAM");
    private volatile String pasvAddress = "127,0,0,1";
    private volatile byte[] data = new byte[0];
    private volatile byte[] listing;

    private ReplyScriptServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Started in a field initializer by most tests, with {@code @AutoClose}: hence no checked exception. */
    public static ReplyScriptServer start() {
        ReplyScriptServer server;
        try {
            server = new ReplyScriptServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(server::acceptLoop, "reply-script-accept");
        accept.setDaemon(true);
        accept.start();
        return server;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public String username() {
        return "user";
    }

    @Override
    public String password() {
        return "any-password";
    }

    /** It serves no folder: there are only the scripted bytes. */
    @Override
    public Path localRoot() {
        throw new UnsupportedOperationException("the scripted server has no files");
    }

    @Override
    public String remoteRoot() {
        return "/";
    }

    /** From now on, answer {@code verb} (e.g. "RETR") with {@code reply} ("450 busy"; several lines joined by \r\n). */
    public ReplyScriptServer reply(String verb, String reply) {
        replies.put(verb.toUpperCase(Locale.ROOT), reply);
        return this;
    }

    /** From now on, answer {@code verb} only after {@code delay}, as a slow server would. */
    public ReplyScriptServer delay(String verb, Duration delay) {
        delays.put(verb.toUpperCase(Locale.ROOT), delay);
        return this;
    }

    /** From now on, answer {@code verb} with nothing at all, as a server that hangs on it would. */
    public ReplyScriptServer neverAnswer(String verb) {
        unanswered.add(verb.toUpperCase(Locale.ROOT));
        return this;
    }

    /** The FEAT lines to offer (default SIZE, MDTM, REST STREAM). */
    public ReplyScriptServer features(String... lines) {
        features = List.of(lines);
        return this;
    }

    /** The address the 227 reply names, as "h1,h2,h3,h4"; data connections are still served on 127.0.0.1. */
    public ReplyScriptServer pasvAddress(String address) {
        pasvAddress = address;
        return this;
    }

    /** The bytes LIST, MLSD and RETR send. */
    public ReplyScriptServer data(String text) {
        data = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** The bytes LIST and MLSD send from now on, while RETR goes on sending {@link #data(String)}'s. */
    public ReplyScriptServer listing(String text) {
        listing = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Every command received, in order, as sent. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                sockets.add(socket);
                Thread session = new Thread(() -> serve(socket), "reply-script-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            send(out, replies.getOrDefault("CONNECT", "220 scripted server ready"));
            ServerSocket dataListener = null;
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                if (unanswered.contains(verb)) {
                    continue;
                }
                Duration delay = delays.get(verb);
                if (delay != null) {
                    LockSupport.parkNanos(delay.toNanos());
                }
                String scripted = replies.get(verb);
                if (scripted != null && !scripted.startsWith("1")) {
                    send(out, scripted);
                    if (scripted.startsWith("421")) {
                        return;
                    }
                    continue;
                }
                switch (verb) {
                    case "USER" -> send(out, "331 password please");
                    case "PASS" -> send(out, "230 logged in");
                    case "FEAT" -> send(out, "211-Features:\r\n " + String.join("\r\n ", features) + "\r\n211 End");
                    case "SYST" -> send(out, "215 UNIX Type: L8");
                    case "QUIT" -> {
                        send(out, "221 bye");
                        return;
                    }
                    case "EPSV", "PASV" -> {
                        dataListener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                        int port = dataListener.getLocalPort();
                        send(out, verb.equals("EPSV") ? "229 Entering Extended Passive Mode (|||" + port + "|)"
                                : "227 Entering Passive Mode (" + pasvAddress + "," + (port >> 8) + "," + (port & 0xff) + ")");
                    }
                    case "LIST", "MLSD", "RETR", "STOR", "APPE" -> {
                        transfer(verb, dataListener, out, scripted);
                        dataListener = null;
                    }
                    default -> send(out, verb.equals("TYPE") || verb.equals("NOOP") || verb.equals("OPTS")
                            || verb.equals("MODE") ? "200 ok" : "502 not scripted");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** 150, then the data (or a scripted 1yz and what follows it, e.g. "150 go\r\n426 aborted"), then 226. */
    private void transfer(String verb, ServerSocket dataListener, Writer out, String scripted) throws IOException {
        if (dataListener == null) {
            send(out, "425 no data connection");
            return;
        }
        try (dataListener) {
            dataListener.setSoTimeout(10_000);
            try (Socket data = dataListener.accept()) {
                if (scripted != null) {
                    send(out, scripted);
                    return;
                }
                send(out, "150 here it comes");
                if (verb.equals("STOR") || verb.equals("APPE")) {
                    data.getInputStream().transferTo(OutputStream.nullOutputStream());
                } else {
                    data.getOutputStream().write(listing != null && !verb.equals("RETR") ? listing : this.data);
                }
            }
            send(out, "226 done");
        }
    }

    private static void send(Writer out, String reply) throws IOException {
        out.write(reply + "\r\n");
        out.flush();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
