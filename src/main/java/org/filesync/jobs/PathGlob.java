package org.filesync.jobs;

import java.util.regex.Pattern;

/**
 * A glob over {@code /}-separated paths relative to a job's root, as in Ant and .gitignore:
 * {@code *} and {@code ?} stay within one name, {@code **} crosses folders, and a leading
 * {@code **}{@code /} also matches at the root ({@code **}{@code /*.gz} matches {@code a.gz}).
 * {@code {a,b}} alternates and {@code [abc]} is a character class.
 */
public final class PathGlob {

    private final String glob;
    private final Pattern pattern;

    private PathGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException with a message saying what is wrong with the glob */
    public static PathGlob compile(String glob) {
        if (glob.isEmpty()) {
            throw new IllegalArgumentException("empty glob");
        }
        return new PathGlob(glob, Pattern.compile(toRegex(glob)));
    }

    public boolean matches(String relativePath) {
        return pattern.matcher(relativePath).matches();
    }

    @Override
    public String toString() {
        return glob;
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                        regex.append(slashFollows ? "(?:.*/)?" : ".*");
                        i += slashFollows ? 2 : 1;
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '{' -> {
                    braces++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw new IllegalArgumentException("'}' without '{' in glob '" + glob + "'");
                    }
                    braces--;
                    regex.append(')');
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("'[' without ']' in glob '" + glob + "'");
                    }
                    String body = glob.substring(i + 1, close);
                    regex.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
                    i = close;
                }
                case '\\' -> {
                    if (i + 1 == glob.length()) {
                        throw new IllegalArgumentException("trailing '\\' in glob '" + glob + "'");
                    }
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces != 0) {
            throw new IllegalArgumentException("'{' without '}' in glob '" + glob + "'");
        }
        return regex.toString();
    }
}
