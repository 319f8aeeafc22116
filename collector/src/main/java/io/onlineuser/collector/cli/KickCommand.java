package io.onlineuser.collector.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.collector.api.ApiJson;
import io.onlineuser.collector.api.KickResult;
import io.onlineuser.collector.api.OnlineUserCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "kick", mixinStandardHelpOptions = true, description = "Close every session of UID on every server (agents need kick.enabled=true).")
final class KickCommand implements Callable<Integer> {

    @ParentCommand
    CollectorMain main;

    @Parameters(paramLabel = "UID")
    String uid;

    @Option(names = "--reason", defaultValue = "kicked by operator", description = "Sent to the client in the kick package.")
    String reason;

    @Override
    public Integer call() {
        KickResult result;
        ViaServe via = main.viaServe();
        if (via != null) {
            result = viaKick(via);
        } else {
            try (OnlineUserCluster cluster = main.cluster();
                 TerminalProgress progress = TerminalProgress.start(cluster.progress(), main.err())) {
                result = cluster.kick(uid, reason);
            }
        }
        PrintWriter out = main.out();
        if (main.json) {
            out.println(ApiJson.write(result));
        } else {
            result.kicked().forEach((server, count) -> out.println(server + ": " + count + " session(s) closed"));
            ErrorLines.print(result.errors(), out);
            out.println("total: " + result.total() + " session(s) of " + uid + " closed");
        }
        out.flush();
        if (!result.errors().isEmpty()) {
            return result.total() > 0 ? ExitCodes.PARTIAL : ExitCodes.UNKNOWN;
        }
        return result.total() > 0 ? ExitCodes.OK : ExitCodes.NO;
    }

    /** serve kicks per server: every server its index shows the uid on (serve needs --allow-kick, the agents kick.enabled). */
    private KickResult viaKick(ViaServe via) {
        Map<String, Integer> kicked = new TreeMap<>();
        Map<String, String> errors = new TreeMap<>();
        for (JsonNode server : via.get("api/users/" + ViaServe.encode(uid)).path("servers")) {
            String serverId = server.asText();
            try {
                KickResult one = via.as(via.post("api/kick?server=" + ViaServe.encode(serverId) + "&uid=" + ViaServe.encode(uid)
                        + "&reason=" + ViaServe.encode(reason)), KickResult.class);
                kicked.putAll(one.kicked());
                errors.putAll(one.errors());
            } catch (ViaServe.ViaFailure e) {
                errors.put(serverId, e.getMessage());
            }
        }
        return new KickResult(uid, kicked, errors);
    }
}
