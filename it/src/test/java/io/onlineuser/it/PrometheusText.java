package io.onlineuser.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Prometheus text exposition format (version 0.0.4) as a scraper reads it: samples with
 * labels, and the {@code # HELP} / {@code # TYPE} lines. Test-only; no library parses it in Java.
 */
final class PrometheusText {

    /** One sample line: {@code name{k="v",…} value}. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Pattern META = Pattern.compile("^# (HELP|TYPE) (\\S+) ?(.*)$");

    private final String text;
    private final List<Sample> samples;
    private final Map<String, String> help;
    private final Map<String, String> type;

    private PrometheusText(String text, List<Sample> samples, Map<String, String> help, Map<String, String> type) {
        this.text = text;
        this.samples = samples;
        this.help = help;
        this.type = type;
    }

    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> help = new HashMap<>();
        Map<String, String> type = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher meta = META.matcher(line);
            if (meta.matches()) {
                (meta.group(1).equals("HELP") ? help : type).put(meta.group(2), meta.group(3));
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample line: " + line);
            }
            samples.add(new Sample(sample.group(1), labels(sample.group(2)), Double.parseDouble(sample.group(3))));
        }
        return new PrometheusText(text, samples, help, type);
    }

    private static Map<String, String> labels(String body) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return labels;
        }
        Matcher m = LABEL.matcher(body);
        int end = 0;
        while (m.find() && m.start() == end) {
            labels.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
            end = m.end();
        }
        if (end != body.length()) {
            throw new IllegalArgumentException("bad label set: {" + body + "}");
        }
        return labels;
    }

    String text() {
        return text;
    }

    List<Sample> samples() {
        return samples;
    }

    /** Samples whose name starts with {@code prefix}. */
    List<Sample> samples(String prefix) {
        return samples.stream().filter(s -> s.name().startsWith(prefix)).collect(Collectors.toList());
    }

    /** The value of {@code name} with exactly the label {@code server_id=serverId}, if exported. */
    Optional<Double> value(String name, String serverId) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().equals(Map.of("server_id", serverId)))
                .map(Sample::value)
                .findFirst();
    }

    Optional<String> help(String name) {
        return Optional.ofNullable(help.get(name));
    }

    Optional<String> type(String name) {
        return Optional.ofNullable(type.get(name));
    }
}
