package io.onlineuser.sample.server;

import io.onlineuser.sample.Logging;
import io.onlineuser.sample.protocol.PackageCodec;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sample-server server --id connector-1 --port 3010}: runs until the process is stopped. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run a connector: Pomelo protocol over WebSocket and raw TCP on one port.")
public final class ServerCommand implements Callable<Integer> {
    @Option(names = "--id", defaultValue = "connector-1", description = "server id (default: ${DEFAULT-VALUE})")
    private String serverId;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind, e.g. 0.0.0.0 (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--port", defaultValue = "3010", description = "port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--backend-port", defaultValue = "-1",
            description = "also open a backend RPC port (as Pomelo's connector 'port' beside 'clientPort'); 0 picks a free one; default: none")
    private int backendPort;

    @Option(names = "--duplicate", defaultValue = "reject",
            description = "when a uid already online logs in again: reject, or kick the older session (default: ${DEFAULT-VALUE})")
    private DuplicateLoginPolicy duplicate;

    @Option(names = "--heartbeat", defaultValue = "10",
            description = "heartbeat interval in seconds; silent clients are closed after two; 0 = off (default: ${DEFAULT-VALUE})")
    private int heartbeatSeconds;

    @Option(names = "--verbose", description = "log every connection opened, closed or timed out")
    private boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (verbose) {
            Logging.verbose();
        }
        ServerSettings settings = new ServerSettings(serverId, host, port, duplicate, heartbeatSeconds,
                PackageCodec.DEFAULT_MAX_BODY_LENGTH);
        SampleServer server = new SampleServer(settings);
        int boundPort = server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sample-server-shutdown"));
        LoggerFactory.getLogger(ServerCommand.class).info("{} on {}:{}: WebSocket and TCP, heartbeat {} s, duplicate login: {}",
                serverId, host, boundPort, heartbeatSeconds, settings.duplicatePolicy().name().toLowerCase());
        if (backendPort >= 0) {
            int boundBackend = server.startBackend(backendPort);
            System.out.println("sample-server " + serverId + " backend RPC on port " + boundBackend);
        }
        System.out.println("sample-server " + serverId + " listening on port " + boundPort);
        System.out.flush();
        server.awaitClose();
        return 0;
    }
}
