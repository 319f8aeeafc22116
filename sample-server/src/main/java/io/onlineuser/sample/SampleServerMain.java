package io.onlineuser.sample;

import io.onlineuser.sample.backend.BackendCommand;
import io.onlineuser.sample.bots.BotsCommand;
import io.onlineuser.sample.server.ServerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar sample-server.jar server …} or {@code … bots …}. */
@Command(name = "sample-server", mixinStandardHelpOptions = true, version = "sample-server 0.1.0",
        description = "A Netty connector speaking Pomelo's client protocol (WebSocket and TCP on one port), a bot load generator,"
                + " and backend links to the connector's RPC port.",
        subcommands = {ServerCommand.class, BotsCommand.class, BackendCommand.class})
public final class SampleServerMain implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Logging.configureDefaults();
        CommandLine commandLine = new CommandLine(new SampleServerMain())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((error, command, parsed) -> {
                    command.getErr().println("error: " + (error.getMessage() != null ? error.getMessage() : error));
                    return 2;
                });
        System.exit(commandLine.execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which command: server, bots or backend");
    }
}
