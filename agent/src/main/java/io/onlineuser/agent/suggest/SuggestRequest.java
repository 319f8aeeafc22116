package io.onlineuser.agent.suggest;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code suggest} asks of the agent it loads into the target JVM, as the agent argument
 * {@code suggest;dir=…;watchMillis=…;all=…}: where to write the answer (a directory only the
 * operator's user can write, made by the command), how long to watch (0: propose only), and
 * whether frameworks' and libraries' classes count.
 */
final class SuggestRequest {

    static final String PREFIX = "suggest;";
    /** The longest watch: probes must not stay in a server because an operator forgot one. */
    static final Duration MAX_WATCH = Duration.ofMinutes(10);

    final Path answerDir;
    final Duration watch;
    final boolean all;

    SuggestRequest(Path answerDir, Duration watch, boolean all) {
        this.answerDir = answerDir;
        this.watch = watch;
        this.all = all;
    }

    static boolean isRequest(String agentArgs) {
        return agentArgs != null && agentArgs.startsWith(PREFIX);
    }

    String toAgentArgs() {
        return PREFIX + "dir=" + URLEncoder.encode(answerDir.toString(), StandardCharsets.UTF_8)
                + ";watchMillis=" + watch.toMillis() + ";all=" + all;
    }

    /** @throws IllegalArgumentException when the argument is not one {@link #toAgentArgs} wrote */
    static SuggestRequest parse(String agentArgs) {
        Map<String, String> values = new HashMap<>();
        for (String pair : agentArgs.substring(PREFIX.length()).split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String dir = values.get("dir");
        if (dir == null || dir.isEmpty()) {
            throw new IllegalArgumentException("suggest: no answer directory in '" + agentArgs + "'");
        }
        long millis = Long.parseLong(values.getOrDefault("watchMillis", "0"));
        Duration watch = Duration.ofMillis(Math.max(0, Math.min(millis, MAX_WATCH.toMillis())));
        return new SuggestRequest(Path.of(dir), watch, Boolean.parseBoolean(values.get("all")));
    }
}
