package org.filesync.jobs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes written as {@code 4MB}, {@code 512K}, {@code 1GiB} or plain bytes; K, M and G are powers of 1024. */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(I?B)?", Pattern.CASE_INSENSITIVE);

    private ByteSize() {
    }

    /** @throws IllegalArgumentException when the text is not a size */
    public static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches() || (matcher.group(3) != null && matcher.group(3).equalsIgnoreCase("ib") && matcher.group(2).isEmpty())) {
            throw new IllegalArgumentException("not a size: '" + text + "' (examples: 65536, 512KB, 4MB, 1GB)");
        }
        int shift = switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        try {
            long value = Long.parseLong(matcher.group(1));
            if (value > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size too large: '" + text + "'");
        }
    }

    /** People-readable form: {@code 1.5 MiB}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
