package io.onlineuser.collector.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

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
        try (OnlineUserCluster cluster = options.cluster()) {
            ClusterSnapshot snapshot = cluster.online(duplicates);
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
}
