package io.onlineuser.sample.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One package of the Pomelo wire protocol: a type and an opaque body (JSON for handshake and
 * kick, an encoded {@link PomeloMessage} for data, empty for ack and heartbeat).
 * The body array is shared, never copied: do not change it after construction.
 */
public final class PomeloPackage {
    private static final byte[] EMPTY = new byte[0];
    private static final PomeloPackage HEARTBEAT = new PomeloPackage(PackageType.HEARTBEAT, EMPTY);
    private static final PomeloPackage HANDSHAKE_ACK = new PomeloPackage(PackageType.HANDSHAKE_ACK, EMPTY);

    private final PackageType type;
    private final byte[] body;

    public PomeloPackage(PackageType type, byte[] body) {
        this.type = Objects.requireNonNull(type, "type");
        this.body = body == null ? EMPTY : body;
    }

    public static PomeloPackage heartbeat() {
        return HEARTBEAT;
    }

    public static PomeloPackage handshakeAck() {
        return HANDSHAKE_ACK;
    }

    public static PomeloPackage handshake(byte[] json) {
        return new PomeloPackage(PackageType.HANDSHAKE, json);
    }

    public static PomeloPackage data(PomeloMessage message) {
        return new PomeloPackage(PackageType.DATA, MessageCodec.encode(message));
    }

    public static PomeloPackage kick(byte[] json) {
        return new PomeloPackage(PackageType.KICK, json);
    }

    public PackageType type() {
        return type;
    }

    public byte[] body() {
        return body;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PomeloPackage
                && ((PomeloPackage) other).type == type
                && Arrays.equals(((PomeloPackage) other).body, body);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return type + "(" + new String(body, StandardCharsets.UTF_8) + ")";
    }
}
