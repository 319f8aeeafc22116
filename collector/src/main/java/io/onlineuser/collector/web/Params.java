package io.onlineuser.collector.web;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The query parameters of one API request; a missing or malformed one is a {@link BadRequest} naming it. */
final class Params {

    private final Map<String, String> values;

    private Params(Map<String, String> values) {
        this.values = values;
    }

    static Params of(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return new Params(values);
    }

    String text(String name, String otherwise) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? otherwise : value;
    }

    String required(String name) {
        String value = text(name, null);
        if (value == null) {
            throw new BadRequest(name + " is required");
        }
        return value;
    }

    int number(String name, int otherwise) {
        String value = text(name, null);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a number, got " + value);
        }
    }

    boolean flag(String name) {
        return "true".equals(values.get(name));
    }
}
