package io.onlineuser.bench.scale;

import io.onlineuser.bench.report.Table;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scale}: the long, heavy run, kept out of the main table. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Connectors holding many players with the agent (counts exact, heap and CPU beside the same"
                + " without it), and the tracker alone driven to a million sessions.")
public final class ScaleCommand implements Callable<Integer> {

    @Option(names = "--connections", defaultValue = "15000",
            description = "players held per connector (one process may open at most ~19,900 sockets here; default ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--connectors", defaultValue = "1", description = "connectors, each with its own bots process (default ${DEFAULT-VALUE})")
    int connectors;

    @Option(names = "--tracker-sessions", defaultValue = "1000000", description = "sessions for the tracker-alone run (default ${DEFAULT-VALUE})")
    int trackerSessions;

    @Option(names = "--hold", defaultValue = "10", description = "seconds the players are held idle while CPU is measured (default ${DEFAULT-VALUE})")
    int holdSeconds;

    @Override
    public Integer call() throws Exception {
        Table table = new Table();
        table.addAll(new ScaleBench(connections, connectors, trackerSessions, Duration.ofSeconds(holdSeconds)).run());
        table.print(System.out);
        return table.rows().stream().anyMatch(row -> "MISSED".equals(row.verdict())) ? 1 : 0;
    }
}
