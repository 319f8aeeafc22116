package io.onlineuser.collector.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what failed: one line per connector while there are few, else one line per reason with
 * its count and the first few names, so that 300 silent connectors are 1 line, not 300.
 * {@code --json} keeps every connector's error.
 */
final class ErrorLines {

    /** Up to this many failures are listed one by one. */
    static final int LISTED_ONE_BY_ONE = 10;
    private static final int NAMES_PER_REASON = 5;

    private ErrorLines() {
    }

    static boolean summarised(Map<String, String> errors) {
        return errors.size() > LISTED_ONE_BY_ONE;
    }

    /** {@code error: NAME: WHY} lines, or {@code error: REASON (COUNT): NAMES…} lines when there are many. */
    static void print(Map<String, String> errors, PrintWriter out) {
        if (!summarised(errors)) {
            errors.forEach((name, why) -> out.println("error: " + name + ": " + why));
            return;
        }
        out.println("error: " + errors.size() + " failed; by reason (--json lists each):");
        byReason(errors).forEach((why, names) -> out.println("error:   " + reasonLine(why, names)));
    }

    /** {@code why (count): first names, … and N more}. */
    static String reasonLine(String why, List<String> names) {
        List<String> shown = names.subList(0, Math.min(NAMES_PER_REASON, names.size()));
        String more = names.size() > shown.size() ? ", … and " + (names.size() - shown.size()) + " more" : "";
        return why + " (" + names.size() + "): " + String.join(", ", shown) + more;
    }

    /** The names failing for each reason, reasons in order of first appearance (errors are sorted by name). */
    static Map<String, List<String>> byReason(Map<String, String> errors) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        errors.forEach((name, why) -> grouped.computeIfAbsent(why, w -> new ArrayList<>()).add(name));
        return grouped;
    }
}
