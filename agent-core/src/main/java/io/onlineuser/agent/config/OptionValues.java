package io.onlineuser.agent.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Typed reads of raw option strings: a bad value is reported and its default used instead. */
final class OptionValues {

    private final Map<String, String> raw;
    private final Consumer<String> problems;

    OptionValues(Map<String, String> raw, Consumer<String> problems) {
        this.raw = raw;
        this.problems = problems;
    }

    /** The value, or null when absent; an empty value is reported and treated as absent. */
    String text(String key) {
        String value = raw.get(key);
        if (value != null && value.isEmpty()) {
            problems.accept("option '" + key + "' is empty; ignored");
            return null;
        }
        return value;
    }

    String matching(String key, Pattern pattern, String expectation, String fallback) {
        String value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        if (!pattern.matcher(value).matches()) {
            reject(key, value, "is not " + expectation, fallback);
            return fallback;
        }
        return value;
    }

    boolean bool(String key, boolean fallback) {
        String value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if ("true".equals(lower)) {
            return true;
        }
        if ("false".equals(lower)) {
            return false;
        }
        reject(key, value, "is not true or false", String.valueOf(fallback));
        return fallback;
    }

    int port(String key, int fallback) {
        String value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like an out-of-range number
        }
        reject(key, value, "is not a port 0-65535", String.valueOf(fallback));
        return fallback;
    }

    int intBetween(String key, int min, int max, int fallback) {
        String value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like an out-of-range number
        }
        reject(key, value, "is not a whole number " + min + "-" + max, String.valueOf(fallback));
        return fallback;
    }

    /** A bad list counts every listener: the host's players stay counted, with the broker's too, rather than none. */
    PortScope ports(String key) {
        String value = text(key);
        if (value == null) {
            return PortScope.ALL;
        }
        try {
            return PortScope.parse(value);
        } catch (IllegalArgumentException e) {
            problems.accept("option '" + key + "'='" + value + "' " + e.getMessage()
                    + " (expected ports and ranges such as 3010,3100-3199); counting the connections of every listener");
            return PortScope.ALL;
        }
    }

    String oneOf(String key, List<String> allowed, String fallback) {
        String value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (allowed.contains(lower)) {
            return lower;
        }
        reject(key, value, "is not one of " + String.join(", ", allowed), fallback);
        return fallback;
    }

    private void reject(String key, String value, String why, String fallback) {
        problems.accept("option '" + key + "'='" + value + "' " + why + "; using " + fallback);
    }
}
