package io.onlineuser.collector.live;

/**
 * An IPv4 {@code a.b.c.d:port} in a long instead of a String (8 bytes instead of ~56): the index
 * holds one address per session, and the target is ≤ 200 bytes of index per session.
 * Anything else (IPv6, host names, odd spellings) keeps its text: only exact round trips pack.
 */
final class AddressPacking {

    private static final long PRESENT = 1L << 48;

    private AddressPacking() {
    }

    /** The packed form, or 0 when {@code address} is not exactly what {@link #unpack} would print. */
    static long pack(String address) {
        if (address == null || address.length() > 21) {
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
        long packed = PRESENT | (ip << 16) | value;
        return address.equals(unpack(packed)) ? packed : 0;
    }

    static String unpack(long packed) {
        long ip = (packed >>> 16) & 0xFFFF_FFFFL;
        return ((ip >>> 24) & 0xFF) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF) + ":" + (packed & 0xFFFF);
    }
}
