package io.onlineuser.collector.jolokia;

import java.util.List;
import java.util.Map;

import io.onlineuser.collector.failure.ConnectorException;
import io.onlineuser.collector.failure.FailureKind;

/** Reads typed fields out of the maps and lists jolokia-json gives back; a wrong shape is a clear error. */
final class JolokiaValues {

    private JolokiaValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) throws ConnectorException {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw shape(what + " is not a JSON object", value);
    }

    static List<?> list(Object value, String what) throws ConnectorException {
        if (value instanceof List<?> list) {
            return list;
        }
        throw shape(what + " is not a JSON array", value);
    }

    static long number(Map<String, Object> map, String key) throws ConnectorException {
        Object value = map.get(key);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw shape(key + " is not a number", value);
            }
        }
        throw shape(key + " is missing or not a number", value);
    }

    static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    private static ConnectorException shape(String problem, Object value) {
        String seen = value == null ? "null" : value.getClass().getSimpleName();
        return new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT, problem + " (got " + seen + ")");
    }
}
