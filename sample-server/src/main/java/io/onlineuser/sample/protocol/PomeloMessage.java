package io.onlineuser.sample.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message of the Pomelo message layer. {@code id} is 0 for notify and push, {@code route} is
 * null for a response. The body is JSON here (route dictionaries and protobuf are not supported).
 */
public final class PomeloMessage {
    private final MessageType type;
    private final long id;
    private final String route;
    private final byte[] body;

    private PomeloMessage(MessageType type, long id, String route, byte[] body) {
        this.type = type;
        this.id = id;
        this.route = route;
        this.body = Objects.requireNonNull(body, "body");
    }

    public static PomeloMessage request(long id, String route, byte[] body) {
        return new PomeloMessage(MessageType.REQUEST, id, Objects.requireNonNull(route, "route"), body);
    }

    public static PomeloMessage notify(String route, byte[] body) {
        return new PomeloMessage(MessageType.NOTIFY, 0, Objects.requireNonNull(route, "route"), body);
    }

    public static PomeloMessage response(long id, byte[] body) {
        return new PomeloMessage(MessageType.RESPONSE, id, null, body);
    }

    public static PomeloMessage push(String route, byte[] body) {
        return new PomeloMessage(MessageType.PUSH, 0, Objects.requireNonNull(route, "route"), body);
    }

    static PomeloMessage of(MessageType type, long id, String route, byte[] body) {
        return new PomeloMessage(type, id, route, body);
    }

    public MessageType type() {
        return type;
    }

    public long id() {
        return id;
    }

    public String route() {
        return route;
    }

    public byte[] body() {
        return body;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof PomeloMessage)) {
            return false;
        }
        PomeloMessage that = (PomeloMessage) other;
        return type == that.type && id == that.id && Objects.equals(route, that.route)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, id, route) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return type + "#" + id + (route == null ? "" : " " + route) + " " + new String(body, StandardCharsets.UTF_8);
    }
}
