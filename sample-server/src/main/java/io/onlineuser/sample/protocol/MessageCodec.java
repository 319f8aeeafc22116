package io.onlineuser.sample.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Message layer of the Pomelo wire protocol, the body of a data package: a flag byte
 * ({@code type << 1 | routeCompressed}, bit 4 = gzip), for requests and responses an id in
 * base-128 groups (lowest 7 bits first, high bit set on all bytes but the last), for
 * request/notify/push a route (1 length byte + UTF-8), then the body. Route dictionaries
 * (compressed routes) and gzip are not supported: such messages are refused.
 */
public final class MessageCodec {
    private static final int FLAG_ROUTE_COMPRESSED = 0x01;
    private static final int FLAG_TYPE_MASK = 0x0E;
    private static final int FLAG_GZIP = 0x10;
    /** 5 groups of 7 bits hold any id a JavaScript client can count to in practice (2^35). */
    private static final int MAX_ID_BYTES = 5;
    private static final int MAX_ROUTE_BYTES = 255;

    private MessageCodec() {
    }

    /** Writes into one exactly sized array: this runs for every response and push. */
    public static byte[] encode(PomeloMessage message) {
        MessageType type = message.type();
        byte[] route = type.hasRoute() ? message.route().getBytes(StandardCharsets.UTF_8) : null;
        if (route != null && route.length > MAX_ROUTE_BYTES) {
            throw new IllegalArgumentException("route longer than " + MAX_ROUTE_BYTES + " bytes: " + message.route());
        }
        long id = message.id();
        if (type.hasId() && (id < 0 || id >= 1L << (7 * MAX_ID_BYTES))) {
            throw new IllegalArgumentException("message id out of range: " + id);
        }
        byte[] body = message.body();
        int length = 1 + (type.hasId() ? idLength(id) : 0) + (route == null ? 0 : 1 + route.length) + body.length;
        byte[] out = new byte[length];
        int offset = 0;
        out[offset++] = (byte) (type.code() << 1);
        if (type.hasId()) {
            long rest = id;
            do {
                int group = (int) (rest & 0x7F);
                rest >>>= 7;
                out[offset++] = (byte) (rest == 0 ? group : group | 0x80);
            } while (rest != 0);
        }
        if (route != null) {
            out[offset++] = (byte) route.length;
            System.arraycopy(route, 0, out, offset, route.length);
            offset += route.length;
        }
        System.arraycopy(body, 0, out, offset, body.length);
        return out;
    }

    public static PomeloMessage decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ProtocolException("empty message");
        }
        int flag = bytes[0] & 0xFF;
        if ((flag & ~(FLAG_TYPE_MASK | FLAG_ROUTE_COMPRESSED | FLAG_GZIP)) != 0) {
            throw new ProtocolException("bad message flag 0x" + Integer.toHexString(flag));
        }
        if ((flag & FLAG_GZIP) != 0) {
            throw new ProtocolException("gzip-compressed messages are not supported");
        }
        if ((flag & FLAG_ROUTE_COMPRESSED) != 0) {
            throw new ProtocolException("compressed routes are not supported (no route dictionary)");
        }
        MessageType type = MessageType.fromCode((flag & FLAG_TYPE_MASK) >> 1);
        int offset = 1;
        long id = 0;
        if (type.hasId()) {
            int shift = 0;
            int b;
            do {
                if (offset >= bytes.length) {
                    throw new ProtocolException("truncated message id");
                }
                if (shift == 7 * MAX_ID_BYTES) {
                    throw new ProtocolException("message id longer than " + MAX_ID_BYTES + " bytes");
                }
                b = bytes[offset++] & 0xFF;
                id |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
        }
        String route = null;
        if (type.hasRoute()) {
            if (offset >= bytes.length) {
                throw new ProtocolException("truncated route length");
            }
            int length = bytes[offset++] & 0xFF;
            if (offset + length > bytes.length) {
                throw new ProtocolException("truncated route: " + length + " bytes announced, " + (bytes.length - offset) + " present");
            }
            route = new String(bytes, offset, length, StandardCharsets.UTF_8);
            offset += length;
        }
        byte[] body = new byte[bytes.length - offset];
        System.arraycopy(bytes, offset, body, 0, body.length);
        return PomeloMessage.of(type, id, route, body);
    }

    private static int idLength(long id) {
        int bytes = 1;
        for (long rest = id >>> 7; rest != 0; rest >>>= 7) {
            bytes++;
        }
        return bytes;
    }
}
