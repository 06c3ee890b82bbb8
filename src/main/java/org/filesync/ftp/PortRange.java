package org.filesync.ftp;

/** An inclusive range of local TCP ports for active-mode data connections. */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("port range must be within 1-65535 and ascending: " + first + "-" + last);
        }
    }

    public int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
