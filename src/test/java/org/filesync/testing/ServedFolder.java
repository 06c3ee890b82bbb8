package org.filesync.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The folder a {@link BlockModeFtpServer} serves: virtual paths ("/a/b") mapped inside it, and listings of it. */
final class ServedFolder {

    static final DateTimeFormatter MDTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LIST_RECENT = DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LIST_OLD = DateTimeFormatter.ofPattern("MMM dd  yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Path root;

    ServedFolder(Path root) {
        this.root = root;
    }

    /** The absolute virtual path {@code argument} names from {@code cwd}; ".." never climbs above "/". */
    static String virtualPath(String cwd, String argument) {
        String joined = argument.startsWith("/") ? argument : cwd + "/" + argument;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    Path real(String virtualPath) {
        Path path = root.resolve(virtualPath.substring(1)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("outside the served folder: " + virtualPath);
        }
        return path;
    }

    /** LIST, NLST or MLSD output for a folder (or, for LIST and NLST, one file), lines ending in CRLF. */
    byte[] listing(String command, Path target) throws IOException {
        List<Path> entries;
        if (Files.isDirectory(target)) {
            try (Stream<Path> children = Files.list(target)) {
                entries = children.sorted().toList();
            }
        } else {
            entries = List.of(target);
        }
        StringBuilder text = new StringBuilder();
        for (Path entry : entries) {
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
            String name = entry.getFileName().toString();
            text.append(switch (command) {
                case "MLSD" -> mlsdLine(name, attributes);
                case "NLST" -> name;
                default -> listLine(name, attributes);
            }).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String mlsdLine(String name, BasicFileAttributes attributes) {
        String modify = MDTM.format(attributes.lastModifiedTime().toInstant());
        return attributes.isDirectory()
                ? "type=dir;modify=" + modify + "; " + name
                : "type=file;size=" + attributes.size() + ";modify=" + modify + "; " + name;
    }

    private static String listLine(String name, BasicFileAttributes attributes) {
        Instant modified = attributes.lastModifiedTime().toInstant();
        boolean recent = modified.isAfter(Instant.now().minusSeconds(180L * 24 * 3600));
        String time = (recent ? LIST_RECENT : LIST_OLD).format(modified);
        return attributes.isDirectory()
                ? "drwxr-xr-x 2 ftp ftp 4096 " + time + " " + name
                : String.format("-rw-r--r-- 1 ftp ftp %d %s %s", attributes.size(), time, name);
    }
}
