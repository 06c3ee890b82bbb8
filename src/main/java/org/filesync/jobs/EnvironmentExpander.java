package org.filesync.jobs;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${NAME}} with the environment's value; {@code $$} stands for a literal {@code $}. */
public final class EnvironmentExpander {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Function<String, String> environment;

    public EnvironmentExpander(Function<String, String> environment) {
        this.environment = environment;
    }

    /** @throws MissingVariableException naming the first variable that is not set */
    String expand(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "$";
            } else {
                replacement = environment.apply(matcher.group(1));
                if (replacement == null) {
                    throw new MissingVariableException(matcher.group(1));
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static final class MissingVariableException extends RuntimeException {
        private final String variable;

        MissingVariableException(String variable) {
            super("environment variable " + variable + " is not set", null, false, false);
            this.variable = variable;
        }

        String variable() {
            return variable;
        }
    }
}
