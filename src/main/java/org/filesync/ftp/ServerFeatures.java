package org.filesync.ftp;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a server offers, from its FEAT reply (RFC 2389), read once per session.
 *
 * @param lines the FEAT lines, upper-cased, without leading spaces
 * @param system the SYST reply text, or null
 */
public record ServerFeatures(Set<String> lines, String system) {

    public ServerFeatures {
        lines = Set.copyOf(lines);
    }

    public boolean has(String feature) {
        String wanted = feature.toUpperCase(Locale.ROOT);
        return lines.stream().anyMatch(line -> line.equals(wanted) || line.startsWith(wanted + " "));
    }

    /** What FEAT lists after the feature's name ("SHA-1*;SHA-256;" for "HASH SHA-1*;SHA-256;"); empty when absent. */
    public Optional<String> arguments(String feature) {
        String prefix = feature.toUpperCase(Locale.ROOT) + " ";
        return lines.stream().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> line.substring(prefix.length()).strip())
                .or(() -> has(feature) ? Optional.of("") : Optional.empty());
    }

    /** MLST in FEAT, which also stands for MLSD: RFC 3659 §7.8 gives the pair one feature line. */
    public boolean mlst() {
        return has("MLST");
    }

    public boolean size() {
        return has("SIZE");
    }

    public boolean mdtm() {
        return has("MDTM");
    }

    public boolean utf8() {
        return has("UTF8");
    }
}
