package io.onlineuser.sample.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** JSON bodies of handshake, kick and data messages; one shared, thread-safe mapper. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON for " + value, e);
        }
    }

    /** Parses a body sent by a peer; bad JSON is a protocol error, so the peer is dropped. */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MAPPER.nullNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("bad JSON body: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProtocolException("unreadable JSON body: " + e.getMessage(), e);
        }
    }
}
