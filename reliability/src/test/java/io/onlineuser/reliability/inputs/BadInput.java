package io.onlineuser.reliability.inputs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;

/**
 * One malformed call of an agent operation, as an operator could send it with curl, and a
 * fragment of the error text that tells them what was wrong.
 */
record BadInput(String what, Bean bean, String operation, ArrayNode arguments, String errorSays) {

    enum Bean { STATS, SESSION }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Large, yet within the agent's 1 MB request body limit, so that Jolokia and the MXBean see it. */
    private static final String HUGE_UID = "u".repeat(1 << 19);

    String requestFor(String serverId) {
        String type = bean == Bean.STATS ? "ConnectionStats" : "Session";
        ObjectNode request = JSON.createObjectNode().put("type", "exec")
                .put("mbean", "onlineuser:type=" + type + ",serverId=" + serverId)
                .put("operation", operation);
        request.set("arguments", arguments);
        return request.toString();
    }

    /** Jolokia's status: 403 for what its policy refuses, 400 for a bad argument. */
    int status() {
        return errorSays.equals("forbidden") ? 403 : 400;
    }

    @Override
    public String toString() {
        return what;
    }

    /** Every operation, with each kind of bad value its parameters can get. */
    static Stream<BadInput> all() {
        return Stream.of(
            session("isOnline(null)", "isOnline", "uid must not be empty", (Object) null),
            session("isOnline(\"\")", "isOnline", "uid must not be empty", ""),
            session("isOnline(512 KB uid)", "isOnline", "at most 1024", HUGE_UID),
            session("isOnline() with no argument", "isOnline", "argument", new Object[0]),
            session("getByUid(null)", "getByUid", "uid must not be empty", (Object) null),
            session("getByUid(\"\")", "getByUid", "uid must not be empty", ""),
            session("getByUid(512 KB uid)", "getByUid", "at most 1024", HUGE_UID),
            session("kick(null, reason)", "kick", "uid must not be empty", null, "r"),
            session("kick(\"\", reason)", "kick", "uid must not be empty", "", "r"),
            session("kick(512 KB uid, reason)", "kick", "at most 1024", HUGE_UID, "r"),
            session("kick(uid, 512 KB reason)", "kick", "at most 1024", "holder", HUGE_UID),
            session("kick(uid) without reason", "kick", "argument", "holder"),
            session("kickBySessionId(-1, reason)", "kickBySessionId", "greater than 0", -1, "r"),
            session("kickBySessionId(0, reason)", "kickBySessionId", "greater than 0", 0, "r"),
            session("kickBySessionId(\"abc\", reason)", "kickBySessionId", "abc", "abc", "r"),
            session("kickBySessionId(2^64, reason)", "kickBySessionId", "Cannot convert",
                    new java.math.BigInteger("18446744073709551616"), "r"),
            stats("statisticsInfo(-1)", "statisticsInfo", "limit must be between 0 and 10000", -1),
            stats("statisticsInfo(10001)", "statisticsInfo", "limit must be between 0 and 10000", 10_001),
            stats("statisticsInfo(2^31-1)", "statisticsInfo", "limit must be between 0 and 10000", Integer.MAX_VALUE),
            stats("statisticsInfo(2^31): does not fit an int", "statisticsInfo", "Cannot convert", 2_147_483_648L),
            stats("statisticsInfo(\"ten\")", "statisticsInfo", "ten", "ten"),
            stats("statisticsInfo(null)", "statisticsInfo", "limit must be an int, not null", (Object) null),
            stats("loginedList(-1, 10)", "loginedList", "offset must be 0 or more", -1, 10),
            stats("loginedList(-2^31, 10)", "loginedList", "offset must be 0 or more", Integer.MIN_VALUE, 10),
            stats("loginedList(0, -1)", "loginedList", "limit must be between 0 and 10000", 0, -1),
            stats("loginedList(0, 2^31-1)", "loginedList", "limit must be between 0 and 10000", 0, Integer.MAX_VALUE),
            stats("loginedList(0): one argument missing", "loginedList", "argument", 0),
            stats("loginedList(\"a\", \"b\")", "loginedList", "For input string: \"a\"", "a", "b"),
            session("changes(\"not-a-cursor\", 10)", "changes", "is not a cursor of this agent", "not-a-cursor", 10),
            session("changes(\"12-34\", 10)", "changes", "is not a cursor of this agent", "12-34", 10),
            session("changes(65-character cursor, 10)", "changes", "at most 64", "c".repeat(65), 10),
            session("changes(\"\", -1)", "changes", "limit must be between 0 and 10000", "", -1),
            session("changes(\"\", 10001)", "changes", "limit must be between 0 and 10000", "", 10_001),
            session("changes(\"\"): one argument missing", "changes", "argument", ""),
            session("sessions(\"x\", 10)", "sessions", "is not a page key", "x", 10),
            session("sessions(\"1-2-3\", 10)", "sessions", "is not a page key", "1-2-3", 10),
            session("sessions(\"\", 10001)", "sessions", "limit must be between 0 and 10000", "", 10_001),
            session("sessions(\"\", -1)", "sessions", "limit must be between 0 and 10000", "", -1),
            stats("loginedPage(\"1-\", 10)", "loginedPage", "is not a page key", "1-", 10),
            stats("loginedPage(\"\", 10001)", "loginedPage", "limit must be between 0 and 10000", "", 10_001),
            stats("loginedPage(65-character key, 10)", "loginedPage", "at most 64", "1".repeat(65), 10),
            stats("resetPeaks(1): not allowed over Jolokia at all", "resetPeaks", "forbidden", 1),
            stats("noSuchOperation()", "noSuchOperation", "forbidden"));
    }

    private static BadInput session(String what, String operation, String errorSays, Object... arguments) {
        return new BadInput(what, Bean.SESSION, operation, array(arguments), errorSays);
    }

    private static BadInput stats(String what, String operation, String errorSays, Object... arguments) {
        return new BadInput(what, Bean.STATS, operation, array(arguments), errorSays);
    }

    private static ArrayNode array(Object... values) {
        ArrayNode array = JSON.createArrayNode();
        for (Object value : values) {
            array.add(JSON.valueToTree(value));
        }
        return array;
    }
}
