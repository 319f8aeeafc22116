package io.onlineuser.sample.protocol;

/** The first byte of every Pomelo package. */
public enum PackageType {
    HANDSHAKE(1),
    HANDSHAKE_ACK(2),
    HEARTBEAT(3),
    DATA(4),
    KICK(5);

    private final int code;

    PackageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static PackageType fromCode(int code) {
        for (PackageType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new ProtocolException("unknown package type " + code);
    }
}
