package io.onlineuser.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The option table of agent/README.md against {@link AgentOptions}: every option the agent knows is
 * documented there, nothing else is, and a documented default is the code's.
 */
class OptionTableTest {

    private static final Path README = Path.of("..", "agent", "README.md");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (`[^|]*?(?:\\\\\\|[^|]*?)*) \\| ([^|]*) \\|");
    private static final Pattern KEY = Pattern.compile("`([a-zA-Z][\\w.]*)((?:\\[[^\\]]*\\])?)`");

    /** Documented key -> its default column. */
    private static Map<String, String> documented() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        String text = Files.readString(README);
        int section = text.indexOf("## Agent options");
        int next = text.indexOf("\n## ", section + 1);
        assertThat(section).as("the section 'Agent options' of " + README).isGreaterThanOrEqualTo(0);
        Matcher row = ROW.matcher(text.substring(section, next < 0 ? text.length() : next));
        while (row.find()) {
            Matcher key = KEY.matcher(row.group(1));
            while (key.find()) {
                String name = key.group(1);
                keys.put(name, row.group(2).trim());
                String variants = key.group(2);
                if (!variants.isEmpty()) {
                    for (String variant : variants.substring(1, variants.length() - 1).split("\\\\\\|")) {
                        keys.put(name + variant, row.group(2).trim());
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void everyOptionIsDocumentedOnceAndNothingElse() throws IOException {
        assertThat(new TreeSet<>(documented().keySet())).as("options in agent/README.md's table")
                .isEqualTo(new TreeSet<>(AgentOptions.KNOWN_KEYS));
    }

    @Test
    void aDocumentedDefaultIsTheCodesDefault() throws IOException {
        Map<String, String> defaults = AgentOptions.parse(null, null).asMap();
        Map<String, String> documented = documented();
        int compared = 0;
        for (Map.Entry<String, String> entry : documented.entrySet()) {
            String column = entry.getValue();
            if (!column.matches("`[^`<]*`") || !defaults.containsKey(entry.getKey())) {
                continue;
            }
            assertThat(column).as("default of %s", entry.getKey()).isEqualTo("`" + defaults.get(entry.getKey()) + "`");
            compared++;
        }
        assertThat(compared).as("defaults compared").isGreaterThanOrEqualTo(8);
    }
}
