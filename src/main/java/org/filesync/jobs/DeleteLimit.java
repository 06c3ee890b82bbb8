package org.filesync.jobs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many target files one run with {@code delete: true} may delete: a count ({@code 500}) or a
 * share of the files the target holds ({@code 50%}).
 */
public record DeleteLimit(long value, boolean share) {

    public static final DeleteLimit DEFAULT = new DeleteLimit(50, true);
    /** Every file of the target: {@code run --allow-deletes}. */
    public static final DeleteLimit NONE = new DeleteLimit(100, true);

    private static final Pattern TEXT = Pattern.compile("(\\d{1,18})\\s*(%?)");

    /** @throws IllegalArgumentException when the text is neither a count nor a share up to 100% */
    public static DeleteLimit parse(String text) {
        Matcher matcher = TEXT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a count or a share: '" + text + "' (examples: 500, 50%)");
        }
        long value = Long.parseLong(matcher.group(1));
        boolean share = !matcher.group(2).isEmpty();
        if (share && value > 100) {
            throw new IllegalArgumentException("a share is at most 100%, not " + text.trim());
        }
        return new DeleteLimit(value, share);
    }

    /** The most files a run may delete from a target that holds {@code targetFiles}. */
    public long allowed(long targetFiles) {
        return share ? targetFiles * value / 100 : value;
    }

    @Override
    public String toString() {
        return share ? value + "%" : Long.toString(value);
    }
}
