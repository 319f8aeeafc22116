package io.onlineuser.reliability.churn;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.testkit.JolokiaHttp;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's books after a churn, once every client is gone: nothing open, and its totals
 * equal to what the clients did. Shared by ChurnIT and the soak.
 */
public final class AgentBooks {

    private AgentBooks() {
    }

    /** Every way the agent's books differ from the clients' tally; empty when they balance. */
    public static List<String> mismatches(JolokiaHttp jolokia, String statsMBean, ChurnTally tally) {
        JsonNode stats = jolokia.read(statsMBean, null);
        List<String> wrong = new ArrayList<>();
        expect(wrong, stats, "TotalConnCount", 0);
        expect(wrong, stats, "SessionCount", 0);
        expect(wrong, stats, "LoginedCount", 0);
        expect(wrong, stats, "AcceptedConnTotal", tally.connectionsOpened());
        expect(wrong, stats, "ClosedConnTotal", tally.connectionsOpened());
        expect(wrong, stats, "LoginTotal", tally.logins());
        expect(wrong, stats, "LogoutTotal", tally.logins());
        expect(wrong, stats, "KickTotal", tally.jolokiaKicks());
        JsonNode left = jolokia.exec(statsMBean, "loginedList", 0, 10);
        if (left.size() != 0) {
            wrong.add("loginedList(0,10) is " + left + ", expected []");
        }
        return wrong;
    }

    private static void expect(List<String> wrong, JsonNode stats, String attribute, long expected) {
        long actual = stats.get(attribute).asLong();
        if (actual != expected) {
            wrong.add(attribute + " is " + actual + ", expected " + expected);
        }
    }
}
