package io.onlineuser.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Turns the {@code -javaagent} argument and the optional {@code config=} properties file into
 * one map of raw strings, inline values winning. Syntax problems are reported, never thrown.
 */
final class RawOptions {

    static final String CONFIG = "config";

    private RawOptions() {
    }

    static Map<String, String> read(String agentArgs, Consumer<String> problems) {
        Map<String, String> inline = parseInline(agentArgs, problems);
        Map<String, String> merged = new LinkedHashMap<>();
        String config = inline.get(CONFIG);
        if (config != null && !config.isEmpty()) {
            merged.putAll(readFile(config, problems));
        }
        merged.putAll(inline);
        return merged;
    }

    /**
     * Splits "k=v,k=v". A piece without '=' continues the previous value (so a hook description
     * like {@code A#bind(Session,String)} survives), and "\," is a literal comma.
     */
    static Map<String, String> parseInline(String agentArgs, Consumer<String> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        if (agentArgs == null || agentArgs.trim().isEmpty()) {
            return result;
        }
        String lastKey = null;
        for (String piece : splitOnUnescapedCommas(agentArgs)) {
            int eq = piece.indexOf('=');
            if (eq < 0) {
                if (lastKey != null) {
                    result.put(lastKey, result.get(lastKey) + "," + piece);
                } else if (!piece.trim().isEmpty()) {
                    problems.accept("option '" + piece.trim() + "' has no '=value'; ignored");
                }
                continue;
            }
            String key = piece.substring(0, eq).trim();
            String value = piece.substring(eq + 1).trim();
            if (key.isEmpty()) {
                problems.accept("option '" + piece.trim() + "' has no key before '='; ignored");
                lastKey = null;
                continue;
            }
            if (result.containsKey(key)) {
                problems.accept("option '" + key + "' is given twice; using the last value '"
                        + value + "'");
                result.remove(key);
            }
            result.put(key, value);
            lastKey = key;
        }
        return result;
    }

    private static List<String> splitOnUnescapedCommas(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
                current.append(',');
                i++;
            } else if (c == ',') {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }

    private static Map<String, String> readFile(String location, Consumer<String> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        Path file;
        try {
            file = Paths.get(location);
        } catch (InvalidPathException e) {
            problems.accept("option 'config'='" + location + "' is not a valid path ("
                    + e.getReason() + "); using inline options only");
            return result;
        }
        if (!Files.exists(file)) {
            problems.accept("option 'config'='" + location
                    + "': file not found; using inline options only");
            return result;
        }
        if (!Files.isRegularFile(file)) {
            problems.accept("option 'config'='" + location
                    + "' is not a regular file; using inline options only");
            return result;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            problems.accept("option 'config'='" + location + "' cannot be read (" + e
                    + "); using inline options only");
            return result;
        }
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (CONFIG.equals(key)) {
                problems.accept("option 'config' inside " + location
                        + " is ignored: config files do not nest");
                continue;
            }
            result.put(key.trim(), properties.getProperty(key).trim());
        }
        return result;
    }
}
