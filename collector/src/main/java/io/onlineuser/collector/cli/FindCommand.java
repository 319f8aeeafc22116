package io.onlineuser.collector.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.collector.api.ApiJson;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.api.UserLookup;
import io.onlineuser.collector.model.SessionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "find", mixinStandardHelpOptions = true, description = "Where UID is online: every session on every server. Exit 0 online, 1 not, 3 unknown.")
final class FindCommand implements Callable<Integer> {

    private static final String ROW = "%-20s %10s  %-21s %s%n";

    @ParentCommand
    CollectorMain main;

    @Parameters(paramLabel = "UID")
    String uid;

    @Override
    public Integer call() {
        ViaServe via = main.viaServe();
        UserLookup lookup;
        JsonNode viaAnswer = null;
        if (via != null) {
            viaAnswer = via.get("api/users/" + ViaServe.encode(uid));
            lookup = via.as(viaAnswer, UserLookup.class);
        } else {
            try (OnlineUserCluster cluster = main.cluster();
                 TerminalProgress progress = TerminalProgress.start(cluster.progress(), main.err())) {
                lookup = cluster.find(uid);
            }
        }
        PrintWriter out = main.out();
        if (main.json) {
            out.println(viaAnswer != null ? viaAnswer.toString() : ApiJson.write(lookup));
        } else {
            printTable(lookup, out);
            if (viaAnswer != null) {
                for (JsonNode seen : viaAnswer.path("lastSeen")) {
                    out.println("last seen on " + seen.path("serverId").asText() + " (lost, not counted): session "
                            + seen.path("sessionId").asLong() + " from " + seen.path("address").asText());
                }
                out.println("from the live index of " + via.base() + ", data age " + viaAnswer.path("ageMillis").asLong() + " ms");
            }
        }
        out.flush();
        if (lookup.online()) {
            return ExitCodes.OK;
        }
        return lookup.errors().isEmpty() ? ExitCodes.NO : ExitCodes.UNKNOWN;
    }

    private static void printTable(UserLookup lookup, PrintWriter out) {
        if (lookup.online()) {
            out.printf(ROW, "serverId", "sessionId", "address", "loginTime");
            for (SessionInfo session : lookup.sessions()) {
                out.printf(ROW, session.serverId(), session.sessionId(), session.address(),
                        LoginsCommand.TIME.format(Instant.ofEpochMilli(session.loginTime())));
            }
            out.println(lookup.uid() + " is online on " + String.join(", ", lookup.serverIds()));
            if (lookup.serverIds().size() > 1) {
                out.println("warning: duplicate login, " + lookup.uid() + " is online on " + lookup.serverIds().size() + " servers");
            }
        } else {
            out.println(lookup.uid() + " is not online" + (lookup.errors().isEmpty() ? "" : " on the servers that answered"));
        }
        ErrorLines.print(lookup.errors(), out);
    }
}
