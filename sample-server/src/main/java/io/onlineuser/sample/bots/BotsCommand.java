package io.onlineuser.sample.bots;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the bots land in the next commit. */
@Command(name = "bots", description = "Load generator (coming next).")
public final class BotsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("bots: not built yet");
        return 2;
    }
}
