package org.filesync.ftp;

/**
 * One whole reply on the control connection (all lines of a multi-line reply). What kind of reply
 * it is comes from the first digit of its code (RFC 959 §4.2).
 *
 * @param text the reply without its code: single-line replies as they are, multi-line ones with
 *             their lines joined by newlines
 */
record Reply(int code, String text) {

    static Reply of(int code, String[] lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean coded = (i == 0 || i == lines.length - 1) && line.length() >= 3 && line.startsWith(String.valueOf(code));
            if (i > 0) {
                text.append('\n');
            }
            text.append(coded ? line.substring(Math.min(4, line.length())) : line);
        }
        return new Reply(code, text.toString().strip());
    }

    boolean isPreliminary() {
        return code / 100 == 1;
    }

    boolean isCompletion() {
        return code / 100 == 2;
    }

    boolean isTransientNegative() {
        return code / 100 == 4;
    }

    boolean isPermanentNegative() {
        return code / 100 == 5;
    }

    /** The text's lines, for replies that carry data (FEAT). */
    String[] lines() {
        return text.split("\n");
    }
}
