package io.onlineuser.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which listeners' connections count: the agent option {@code netty.ports}, ports and ranges such as
 * {@code 3010,3100-3199}; {@link #ALL} when the option is absent. Inline on the {@code -javaagent}
 * line the list is written as is: a piece without {@code =} continues the previous option.
 */
public final class PortScope {

    /** Every listener counts. */
    public static final PortScope ALL = new PortScope(Collections.emptyList());

    private static final int MAX_PORT = 65535;

    private final List<int[]> ranges;

    private PortScope(List<int[]> ranges) {
        this.ranges = ranges;
    }

    /**
     * Parses {@code 3010,3100-3199}.
     *
     * @throws IllegalArgumentException with the part that is wrong and why, for the option's one line
     */
    public static PortScope parse(String text) {
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String item = part.trim();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("has an empty entry");
            }
            int dash = item.indexOf('-', 1);
            int low = port(dash < 0 ? item : item.substring(0, dash), item);
            int high = dash < 0 ? low : port(item.substring(dash + 1), item);
            if (high < low) {
                throw new IllegalArgumentException("has the range '" + item + "', whose end is below its start");
            }
            ranges.add(new int[] {low, high});
        }
        return new PortScope(Collections.unmodifiableList(ranges));
    }

    private static int port(String text, String item) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= MAX_PORT) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // said below, like a number out of range
        }
        throw new IllegalArgumentException("has '" + item + "', which is not a port 1-" + MAX_PORT
                + " or a range of them");
    }

    public boolean all() {
        return ranges.isEmpty();
    }

    /** True when connections accepted on {@code port} count; a listener without a port (-1) counts only under {@link #ALL}. */
    public boolean includes(int port) {
        if (ranges.isEmpty()) {
            return true;
        }
        for (int[] range : ranges) {
            if (port >= range[0] && port <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** The entries ({@code 3010}, {@code 3100-3199}) none of {@code listening} falls in; empty under {@link #ALL}. */
    public List<String> entriesWithoutAny(List<Integer> listening) {
        List<String> unheard = new ArrayList<>();
        for (int[] range : ranges) {
            boolean heard = false;
            for (int port : listening) {
                heard |= port >= range[0] && port <= range[1];
            }
            if (!heard) {
                unheard.add(text(range));
            }
        }
        return unheard;
    }

    private static String text(int[] range) {
        return range[0] == range[1] ? Integer.toString(range[0]) : range[0] + "-" + range[1];
    }

    @Override
    public String toString() {
        if (ranges.isEmpty()) {
            return "all";
        }
        StringBuilder text = new StringBuilder();
        for (int[] range : ranges) {
            text.append(text.length() == 0 ? "" : ",").append(text(range));
        }
        return text.toString();
    }
}
