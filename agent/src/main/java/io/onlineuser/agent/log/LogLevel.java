package io.onlineuser.agent.log;

import java.util.Locale;
import org.slf4j.event.Level;

/**
 * The agent's log threshold, set once from option {@code log.level} (already validated by
 * {@code AgentOptions}); read on every log call. Info until set.
 */
public final class LogLevel {

    private static volatile int threshold = Level.INFO.toInt();

    private LogLevel() {
    }

    /** Sets the threshold: trace, debug, info, warn or error; anything else means info. */
    public static void set(String value) {
        Level level = Level.INFO;
        if (value != null) {
            try {
                level = Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                level = Level.INFO;
            }
        }
        threshold = level.toInt();
    }

    static boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }
}
