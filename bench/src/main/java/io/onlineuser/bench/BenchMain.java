package io.onlineuser.bench;

import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Table;
import io.onlineuser.bench.fleet.FleetCommand;
import io.onlineuser.bench.scale.ScaleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs the benchmark suites and prints one Markdown table of min / median / max per figure.
 * Progress goes to stderr, the table to stdout, so {@code > table.md} keeps only the table.
 */
@Command(name = "onlineuser-bench", mixinStandardHelpOptions = true,
        description = "Runs the onlineuser benchmarks and prints one table (Markdown) on stdout.",
        subcommands = {ScaleCommand.class, FleetCommand.class})
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--quick", description = "fewer and shorter repetitions (a few minutes in all)")
    boolean quick;

    @Parameters(arity = "0..*", paramLabel = "SUITE",
            description = "suites to run (default all, in this order): ${COMPLETION-CANDIDATES}")
    List<Suite> only = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() {
        List<Suite> suites = only.isEmpty() ? List.of(Suite.values()) : only;
        Table table = new Table();
        for (Suite suite : suites) {
            System.err.println("== " + suite.name().toLowerCase(Locale.ROOT) + ": " + suite.description());
            long start = System.nanoTime();
            try {
                table.addAll(suite.run(quick));
            } catch (Exception | Error e) {
                String why = e.toString().split("\n")[0].replace('|', '/');
                table.add(Row.failed(suite.name().toLowerCase(Locale.ROOT), why));
                e.printStackTrace();
            }
            System.err.printf("   done in %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
        table.print(System.out);
        return table.rows().stream().anyMatch(r -> r.stats() == null) ? 1 : 0;
    }
}
