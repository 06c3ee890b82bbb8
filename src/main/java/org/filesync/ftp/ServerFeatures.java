package org.filesync.ftp;

import java.util.Locale;
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

    public boolean mlsd() {
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
