package org.filesync.settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.filesync.jobs.Secret;
import org.filesync.jobs.YamlMapping;

/** The settings file's {@code users:}: who may log in to the console. A hash is never part of a message. */
final class ConsoleUsersParser {

    static final Set<String> KEYS = Set.of("name", "passwordHash", "role");
    /** Modular crypt format of bcrypt: version, cost 4-31, 22 characters of salt and 31 of hash. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    private static final Pattern NAME = Pattern.compile("[^\\s\\p{Cntrl}]+");

    private ConsoleUsersParser() {
    }

    static List<ConsoleUser> parse(YamlMapping top) {
        List<ConsoleUser> users = new ArrayList<>();
        // the login ignores the case of a name, so "Ops" and "ops" would be one user
        Map<String, Integer> firstLineOfName = new HashMap<>();
        for (YamlMapping entry : top.mappingList("users", KEYS).orElse(List.of())) {
            Optional<String> name = required(entry, "name").filter(text -> isName(entry, text))
                    .filter(text -> isFirst(entry, text, firstLineOfName));
            Optional<Secret> hash = required(entry, "passwordHash").filter(text -> isBcrypt(entry, text)).map(Secret::new);
            Optional<ConsoleRole> role = required(entry, "role").flatMap(text -> role(entry, text));
            if (name.isPresent() && hash.isPresent() && role.isPresent()) {
                users.add(new ConsoleUser(name.get(), hash.get(), role.get()));
            }
        }
        return users;
    }

    private static Optional<String> required(YamlMapping entry, String key) {
        if (!entry.has(key)) {
            entry.missing(key);
        }
        return entry.string(key);
    }

    private static boolean isName(YamlMapping entry, String text) {
        if (!NAME.matcher(text).matches()) {
            entry.error("name", "must be one word without spaces or control characters");
            return false;
        }
        return true;
    }

    private static boolean isFirst(YamlMapping entry, String name, Map<String, Integer> firstLineOfName) {
        Integer first = firstLineOfName.putIfAbsent(name.toLowerCase(Locale.ROOT), entry.lineOf("name"));
        if (first != null) {
            entry.error("name", "'" + name + "' is given twice (first at line " + first + "; names ignore case)");
            return false;
        }
        return true;
    }

    private static boolean isBcrypt(YamlMapping entry, String text) {
        if (!BCRYPT.matcher(text).matches()) {
            entry.error("passwordHash", "is not a bcrypt hash ($2a$12$ and 53 characters; filesync passwd prints one)");
            return false;
        }
        return true;
    }

    private static Optional<ConsoleRole> role(YamlMapping entry, String text) {
        for (ConsoleRole role : ConsoleRole.values()) {
            if (role.name().equalsIgnoreCase(text)) {
                return Optional.of(role);
            }
        }
        entry.error("role", "must be viewer or operator, not '" + text + "'");
        return Optional.empty();
    }
}
