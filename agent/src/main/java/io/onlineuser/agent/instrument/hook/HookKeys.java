package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.config.Similarity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks the {@code hook.*} option keys: option parsing accepts the whole {@code hook.} family,
 * so a typo would otherwise go unnoticed.
 */
public final class HookKeys {

    private HookKeys() {
    }

    /** One problem line per {@code hook.*} key that is none of the hooks. */
    public static List<String> unknown(Collection<String> optionKeys) {
        List<String> known = new ArrayList<>();
        for (HookRole role : HookRole.values()) {
            known.add(role.optionKey());
        }
        List<String> problems = new ArrayList<>();
        for (String key : optionKeys) {
            if (key.startsWith("hook.") && !known.contains(key)) {
                String closest = Similarity.closest(key, known, 2);
                problems.add("unknown option '" + key + "'" + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                        + "; ignored");
            }
        }
        return problems;
    }
}
