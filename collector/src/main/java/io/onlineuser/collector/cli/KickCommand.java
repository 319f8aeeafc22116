package io.onlineuser.collector.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.onlineuser.collector.api.Json;
import io.onlineuser.collector.api.KickResult;
import io.onlineuser.collector.api.OnlineUserCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "kick", description = "Close every session of UID on every server (agents need kick.enabled=true).")
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
        try (OnlineUserCluster cluster = main.cluster()) {
            result = cluster.kick(uid, reason);
        }
        PrintWriter out = main.out();
        if (main.json) {
            out.println(Json.write(result));
        } else {
            result.kicked().forEach((server, count) -> out.println(server + ": " + count + " session(s) closed"));
            result.errors().forEach((server, why) -> out.println("error: " + server + ": " + why));
            out.println("total: " + result.total() + " session(s) of " + uid + " closed");
        }
        out.flush();
        if (!result.errors().isEmpty()) {
            return result.total() > 0 ? ExitCodes.PARTIAL : ExitCodes.UNKNOWN;
        }
        return result.total() > 0 ? ExitCodes.OK : ExitCodes.NO;
    }
}
