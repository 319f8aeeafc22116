package io.onlineuser.agent.track;

/**
 * Keeps an IPv4 {@code ip:port} in a long instead of a String (8 bytes instead of ~56), since
 * the tracker holds one per connection. Other forms (IPv6, host names) stay text.
 */
final class PackedAddress {

    /** Marks a packed value, so that 0 always means "no address". */
    private static final long PRESENT = 1L << 48;

    private PackedAddress() {
    }

    /** Drops a {@code host/} prefix, as in {@code InetSocketAddress.toString()}; null stays null. */
    static String normalize(String address) {
        if (address == null) {
            return null;
        }
        int slash = address.lastIndexOf('/');
        String text = slash >= 0 ? address.substring(slash + 1) : address;
        return text.isEmpty() ? null : text;
    }

    /** The packed form of a normalized IPv4 {@code a.b.c.d:port}, or 0 when it is not one. */
    static long pack(String address) {
        if (address == null) {
            return 0;
        }
        long ip = 0;
        int octets = 0;
        int value = -1;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 65535) {
                    return 0;
                }
            } else if ((c == '.' && octets < 3) || (c == ':' && octets == 3)) {
                if (value < 0 || value > 255) {
                    return 0;
                }
                ip = (ip << 8) | value;
                octets++;
                value = -1;
            } else {
                return 0;
            }
        }
        if (octets != 4 || value < 0) {
            return 0;
        }
        return PRESENT | (ip << 16) | value;
    }

    static String unpack(long packed) {
        if (packed == 0) {
            return null;
        }
        long ip = (packed >>> 16) & 0xFFFF_FFFFL;
        return ((ip >>> 24) & 0xFF) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "."
                + (ip & 0xFF) + ":" + (packed & 0xFFFF);
    }
}
