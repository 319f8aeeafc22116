package io.onlineuser.collector.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.api.Json;
import io.onlineuser.collector.api.OnlineUserCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "online", description = "Connections and logged-in users per server, with a total row (the default command).")
final class OnlineCommand implements Callable<Integer> {

    @ParentCommand
    CollectorMain main;

    @Option(names = "--check-duplicates",
            description = "Also read every logged-in list to find uids online on two servers at once.")
    boolean checkDuplicates;

    @Override
    public Integer call() {
        return run(main, checkDuplicates);
    }

    int run(CollectorMain options, boolean duplicates) {
        ViaServe via = options.viaServe();
        if (via != null) {
            return printVia(options, via);
        }
        try (OnlineUserCluster cluster = options.cluster()) {
            ClusterSnapshot snapshot;
            try (TerminalProgress progress = TerminalProgress.start(cluster.progress(), options.err())) {
                snapshot = cluster.online(duplicates);
            }
            PrintWriter out = options.out();
            if (options.json) {
                out.println(Json.write(snapshot));
                out.flush();
            } else {
                OnlineTable.print(snapshot, out);
            }
            return snapshot.complete() ? ExitCodes.OK : ExitCodes.PARTIAL;
        }
    }

    /** serve's live answer: the same table (duplicates always checked there) and the age of its data. */
    static int printVia(CollectorMain options, ViaServe via) {
        JsonNode answer = via.get("api/online");
        ClusterSnapshot snapshot = via.as(answer, ClusterSnapshot.class);
        PrintWriter out = options.out();
        if (options.json) {
            out.println(answer);
            out.flush();
        } else {
            OnlineTable.print(snapshot, out);
            out.println("from the live index of " + via.base() + ", data age " + answer.path("ageMillis").asLong() + " ms");
            out.flush();
        }
        return snapshot.complete() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
