package org.filesync.ftp;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * IP addresses as text the way servers expect them: IPv6 in the canonical form of RFC 5952
 * ({@code ::1}, not Java's {@code 0:0:0:0:0:0:0:1}), because servers such as pyftpdlib compare
 * EPRT's address with the control connection's as text and answer 501 to any other spelling.
 */
public final class AddressText {

    private AddressText() {
    }

    /** Dotted quad for IPv4; RFC 5952 for IPv6, without a zone id (which means nothing to the server). */
    public static String of(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        // RFC 5952 4.2: "::" replaces the longest run of two or more zero groups, the first of equal ones.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** {@code host:port}, with an IPv6 host in brackets as URLs write it: {@code [::1]:2121}. */
    public static String hostAndPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
