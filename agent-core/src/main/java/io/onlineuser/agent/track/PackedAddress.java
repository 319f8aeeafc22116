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

    /**
     * Drops a {@code host/} prefix, as in {@code InetSocketAddress.toString()}; null stays null.
     * Only for addresses {@link #pack} cannot pack, which keep their text.
     */
    static String normalize(String address) {
        if (address == null) {
            return null;
        }
        int slash = address.lastIndexOf('/');
        String text = slash >= 0 ? address.substring(slash + 1) : address;
        return text.isEmpty() ? null : text;
    }

    /**
     * The packed form of an IPv4 {@code a.b.c.d:port}, after an optional {@code host/} prefix, or 0
     * when it is not one. One pass and no allocation: it runs for every accepted connection. A
     * {@code '/'} starts the parse afresh, so only the text after the last one counts.
     */
    static long pack(String address) {
        if (address == null) {
            return 0;
        }
        long ip = 0;
        int octets = 0;
        int value = -1;
        boolean valid = true;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == '/') {
                ip = 0;
                octets = 0;
                value = -1;
                valid = true;
            } else if (!valid) {
                continue;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                valid = value <= 65535;
            } else if ((c == '.' && octets < 3) || (c == ':' && octets == 3)) {
                valid = value >= 0 && value <= 255;
                ip = (ip << 8) | value;
                octets++;
                value = -1;
            } else {
                valid = false;
            }
        }
        if (!valid || octets != 4 || value < 0) {
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
