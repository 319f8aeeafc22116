package io.onlineuser.sample.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onlineuser.sample.protocol.Json;

/** Response bodies in Pomelo's usual shape: {"code":200} or {"code":500,"error":"…"}. */
final class Replies {
    private Replies() {
    }

    static ObjectNode ok() {
        return Json.object().put("code", 200);
    }

    static ObjectNode error(int code, String error) {
        return Json.object().put("code", code).put("error", error);
    }

    /** A non-empty string field of a request body, or null. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
