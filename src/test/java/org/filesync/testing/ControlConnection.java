package org.filesync.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.filesync.testing.BlockModeFtpServer.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One control connection of a {@link BlockModeFtpServer}: reads commands, answers them, runs the data transfers. */
final class ControlConnection implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ControlConnection.class);

    private final BlockModeFtpServer server;
    private final Options options;
    private final Socket socket;
    private final ServedFolder folder;
    private final PassiveDataPort dataPort = new PassiveDataPort();
    private final TransferCommands transfers;
    private Writer out;
    private String user;
    private boolean loggedIn;
    private String cwd = "/";
    private boolean blockMode;
    private String restart;
    private Path renameFrom;

    ControlConnection(BlockModeFtpServer server, Socket socket) {
        this.server = server;
        this.options = server.options();
        this.socket = socket;
        this.folder = new ServedFolder(options.root());
        this.transfers = new TransferCommands(server, folder, dataPort, this::reply);
    }

    @Override
    public void run() {
        try (socket; dataPort) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            reply("220 BlockModeFtpServer ready");
            String line;
            while ((line = in.readLine()) != null) {
                int space = line.indexOf(' ');
                String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
                String argument = space < 0 ? "" : line.substring(space + 1);
                log.debug("<- {}", verb.equals("PASS") ? "PASS ****" : line);
                server.received(verb);
                // RFC 959 §4.1.3: REST must be immediately followed by the transfer it restarts.
                String pendingRestart = restart;
                restart = null;
                if (!handle(verb, argument, pendingRestart)) {
                    return;
                }
            }
        } catch (IOException e) {
            log.debug("control connection ended: {}", e.toString());
        }
    }

    private boolean handle(String verb, String argument, String pendingRestart) throws IOException {
        if (!loggedIn && !Set.of("USER", "PASS", "QUIT", "FEAT", "SYST", "NOOP").contains(verb)) {
            reply("530 Please login with USER and PASS");
            return true;
        }
        switch (verb) {
            case "USER" -> {
                user = argument;
                loggedIn = false;
                reply("331 Password required for " + argument);
            }
            case "PASS" -> login(argument);
            case "SYST" -> reply("215 UNIX Type: L8");
            case "FEAT" -> reply("211-Features:\r\n MDTM\r\n SIZE\r\n EPSV\r\n PASV\r\n REST STREAM\r\n MLST type*;size*;modify*;\r\n UTF8\r\n211 End");
            case "OPTS" -> reply("200 OK");
            case "TYPE" -> reply(argument.toUpperCase(Locale.ROOT).startsWith("I") || argument.toUpperCase(Locale.ROOT).startsWith("A")
                    ? "200 Type set to " + argument : "504 Type not supported");
            case "STRU" -> reply(argument.equalsIgnoreCase("F") ? "200 Structure set to F" : "504 Only file structure");
            case "MODE" -> mode(argument);
            case "PWD", "XPWD" -> reply("257 \"" + cwd + "\" is the current directory");
            case "CWD", "XCWD" -> changeDirectory(argument);
            case "CDUP", "XCUP" -> changeDirectory("..");
            case "EPSV" -> reply("229 Entering Extended Passive Mode (|||" + dataPort.listen() + "|)");
            case "PASV" -> {
                int port = dataPort.listen();
                reply("227 Entering Passive Mode (127,0,0,1," + (port >> 8) + "," + (port & 0xFF) + ")");
            }
            case "REST" -> rest(argument);
            case "SIZE" -> size(argument);
            case "MDTM" -> modificationTime(argument);
            case "LIST", "NLST", "MLSD" -> listing(verb, argument);
            case "RETR" -> retrieve(argument, pendingRestart);
            case "STOR", "APPE" -> store(verb, argument, pendingRestart);
            case "RNFR" -> renameFrom(argument);
            case "RNTO" -> renameTo(argument);
            case "DELE" -> fileAction(argument, path -> Files.isRegularFile(path), Files::delete, "250 Deleted");
            case "RMD", "XRMD" -> fileAction(argument, path -> Files.isDirectory(path), Files::delete, "250 Removed");
            case "MKD", "XMKD" -> makeDirectory(argument);
            case "NOOP" -> reply("200 NOOP ok");
            case "QUIT" -> {
                reply("221 Goodbye");
                return false;
            }
            default -> reply("502 Command not implemented");
        }
        return true;
    }

    private void login(String password) throws IOException {
        if (user == null) {
            reply("503 Login with USER first");
        } else if (user.equals(options.username()) && password.equals(options.password())) {
            loggedIn = true;
            reply("230 User logged in");
        } else {
            user = null;
            reply("530 Login incorrect");
        }
    }

    private void mode(String argument) throws IOException {
        switch (argument.toUpperCase(Locale.ROOT)) {
            case "S" -> {
                blockMode = false;
                reply("200 Mode set to S");
            }
            case "B" -> {
                if (options.refuseBlockMode()) {
                    reply("504 Block mode not supported");
                } else {
                    blockMode = true;
                    reply("200 Mode set to B");
                }
            }
            default -> reply("504 Mode not supported");
        }
    }

    private void rest(String argument) throws IOException {
        boolean byteOffset = !argument.isEmpty() && argument.length() <= 18 && argument.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean serverMarker = RestartOffset.isServerMarker(argument);
        if (byteOffset && blockMode && options.refuseByteOffsetRestInBlockMode()) {
            reply("504 Block mode restarts at a restart marker, not a byte offset");
        } else if (byteOffset || blockMode && serverMarker) {
            restart = argument;
            reply("350 Restarting at " + argument + ". Send RETR or STOR");
        } else {
            reply("501 Bad restart point " + argument);
        }
    }

    private void size(String argument) throws IOException {
        Path path = resolve(argument);
        reply(path != null && Files.isRegularFile(path) ? "213 " + Files.size(path) : "550 No such file");
    }

    private void modificationTime(String argument) throws IOException {
        Path path = resolve(argument);
        reply(path != null && Files.exists(path)
                ? "213 " + ServedFolder.MDTM.format(Files.getLastModifiedTime(path).toInstant()) : "550 No such file");
    }

    private void changeDirectory(String argument) throws IOException {
        String target = ServedFolder.virtualPath(cwd, argument);
        Path path = resolve(target);
        if (path != null && Files.isDirectory(path)) {
            cwd = target;
            reply("250 Directory changed to " + cwd);
        } else {
            reply("550 No such directory");
        }
    }

    private void makeDirectory(String argument) throws IOException {
        Path path = resolve(argument);
        if (path == null || Files.exists(path) || !Files.isDirectory(path.getParent())) {
            reply("550 Cannot create " + argument);
        } else {
            Files.createDirectory(path);
            reply("257 \"" + ServedFolder.virtualPath(cwd, argument) + "\" created");
        }
    }

    private void renameFrom(String argument) throws IOException {
        Path path = resolve(argument);
        if (path != null && Files.exists(path)) {
            renameFrom = path;
            reply("350 Ready for RNTO");
        } else {
            reply("550 No such file");
        }
    }

    private void renameTo(String argument) throws IOException {
        Path from = renameFrom;
        renameFrom = null;
        Path to = resolve(argument);
        if (from == null) {
            reply("503 RNFR first");
        } else if (to == null) {
            reply("553 Name not allowed");
        } else {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            reply("250 Renamed");
        }
    }

    private interface PathAction {
        void apply(Path path) throws IOException;
    }

    private void fileAction(String argument, Predicate<Path> applies, PathAction action, String done)
            throws IOException {
        Path path = resolve(argument);
        if (path == null || !applies.test(path)) {
            reply("550 Not found");
            return;
        }
        try {
            action.apply(path);
            reply(done);
        } catch (IOException e) {
            reply("550 " + e.getClass().getSimpleName());
        }
    }

    private void listing(String verb, String argument) throws IOException {
        String virtual = ServedFolder.virtualPath(cwd, argument.startsWith("-") ? "" : argument);
        transfers.listing(verb, virtual, resolve(virtual), blockMode);
    }

    private void retrieve(String argument, String pendingRestart) throws IOException {
        String virtual = ServedFolder.virtualPath(cwd, argument);
        transfers.retrieve(virtual, resolve(virtual), pendingRestart, blockMode);
    }

    private void store(String verb, String argument, String pendingRestart) throws IOException {
        String virtual = ServedFolder.virtualPath(cwd, argument);
        transfers.store(verb, virtual, resolve(virtual), pendingRestart, blockMode);
    }

    private Path resolve(String argument) {
        try {
            return folder.real(ServedFolder.virtualPath(cwd, argument));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void reply(String text) throws IOException {
        log.debug("-> {}", text);
        out.write(text + "\r\n");
        out.flush();
    }
}
