package io.onlineuser.collector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.tls.ClientTls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Entry point: global options; the commands are in {@link CommandTable}, each a thin layer over
 * {@link OnlineUserCluster}.
 */
@Command(name = "onlineuser-collector", mixinStandardHelpOptions = true, version = "onlineuser-collector 0.1.0",
        description = "Asks every connector's onlineuser agent (Jolokia) at once: who is online, where.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:every connector answered (find: online; kick: sessions closed)",
                "1:find: not online; kick: nothing to kick (every connector answered)",
                "2:some connector or discovery file failed; the output names each and why",
                "3:find/kick found nothing but some connector failed, so the answer is unknown",
                "64:bad command line"})
public final class CollectorMain implements Callable<Integer> {

    @Option(names = "--target", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Jolokia URL of a connector, e.g. http://10.0.0.5:8778/jolokia (or host:port). Repeatable.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--discovery-dir", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Directory of file_sd *.json files written by the agents (discovery.dir), or one file_sd file. "
                    + "Re-read when it changes. Repeatable.")
    List<Path> discoveryPaths = new ArrayList<>();

    @Option(names = "--dns", paramLabel = "NAME:PORT", scope = ScopeType.INHERIT,
            description = "Every A/AAAA record of NAME is a connector with Jolokia on PORT (a Kubernetes headless service), "
                    + "resolved again before every question. Repeatable.")
    List<String> dnsNames = new ArrayList<>();

    @Option(names = "--dns-server", paramLabel = "HOST:PORT", scope = ScopeType.INHERIT,
            description = "Ask this DNS server for --dns names, uncached (default: the system resolver, cached by the JVM for 30 s).")
    String dnsServer;

    @Option(names = "--timeout", paramLabel = "MS", scope = ScopeType.INHERIT, defaultValue = "2000",
            description = "Deadline of every request to a connector, in milliseconds (default ${DEFAULT-VALUE}).")
    long timeoutMillis;

    @Option(names = "--concurrency", paramLabel = "N", scope = ScopeType.INHERIT, defaultValue = "256",
            description = "Connectors asked at once (default ${DEFAULT-VALUE}); the others queue. Keep it above the number "
                    + "of connectors that may be silent at once: each holds a slot until --timeout.")
    int concurrency;

    @Option(names = "--user", scope = ScopeType.INHERIT, description = "Basic-auth user for the agents' Jolokia.")
    String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, arity = "0..1", interactive = true,
            description = "Basic-auth password (prompted when given without a value).")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Read the basic-auth password from the first line of FILE (keeps it off the command line).")
    Path passwordFile;

    @Option(names = "--cacert", paramLabel = "PEM", scope = ScopeType.INHERIT,
            description = "Trust only the CA certificate(s) in this PEM file for https:// agents "
                    + "(default: the JDK's trust store).")
    Path caCert;

    @Option(names = "--cert", paramLabel = "PEM", scope = ScopeType.INHERIT,
            description = "Client certificate (PEM, chain allowed) for agents that require one (jolokia.tls.clientAuth).")
    Path clientCert;

    @Option(names = "--key", paramLabel = "PEM", scope = ScopeType.INHERIT,
            description = "Private key of --cert: unencrypted PKCS#8 PEM (BEGIN PRIVATE KEY).")
    Path clientKey;

    @Option(names = "--via", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Ask a running 'serve' (e.g. http://127.0.0.1:8089/) instead of every connector: answers from its live index.")
    String via;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return new OnlineCommand().run(this, false);
    }

    /** Builds the cluster from the global options; a usage error when nothing is given to ask. */
    OnlineUserCluster cluster() {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("--timeout must be a positive number of milliseconds, got " + timeoutMillis);
        }
        OnlineUserCluster.Builder builder = OnlineUserCluster.builder()
                .timeout(Duration.ofMillis(timeoutMillis))
                .credentials(user, password())
                .concurrency(concurrency);
        if (caCert != null || clientCert != null || clientKey != null) {
            builder.tls(ClientTls.of(caCert, clientCert, clientKey));
        }
        targets.forEach(builder::target);
        discoveryPaths.forEach(builder::discoveryDir);
        dnsNames.forEach(builder::dns);
        if (dnsServer != null) {
            builder.dnsServer(dnsServer);
        }
        return builder.build();
    }

    private String password() {
        if (passwordFile == null) {
            return password;
        }
        if (password != null) {
            throw new IllegalArgumentException("--password and --password-file are alternatives: give one");
        }
        try {
            String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
            if (line.isEmpty()) {
                throw new IllegalArgumentException("--password-file " + passwordFile + " is empty");
            }
            return line;
        } catch (IOException e) {
            throw new IllegalArgumentException("--password-file " + passwordFile + " cannot be read (" + e + ")", e);
        }
    }

    /** The running {@code serve} named by {@code --via}; null when the connectors are asked directly. */
    ViaServe viaServe() {
        return via == null ? null : new ViaServe(via, timeoutMillis);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The command line with every command. */
    public static CommandLine commandLine() {
        return commandLine(CommandTable.all());
    }

    /** The command line with {@code commands} only (see {@link CommandTable#named}). */
    static CommandLine commandLine(List<Class<?>> commands) {
        CommandLine commandLine = new CommandLine(new CollectorMain());
        commands.forEach(commandLine::addSubcommand);
        commandLine.setExitCodeExceptionMapper(failure -> ExitCodes.USAGE);
        commandLine.setExecutionExceptionHandler((failure, line, parseResult) -> {
            if (failure instanceof IllegalArgumentException) {
                line.getErr().println("onlineuser-collector: " + failure.getMessage());
                return ExitCodes.USAGE;
            }
            if (failure instanceof ViaServe.ViaFailure) {
                line.getErr().println("onlineuser-collector: " + failure.getMessage());
                return ExitCodes.PARTIAL;
            }
            throw failure;
        });
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        CliProcess.setNettyDefaults();
        int status = commandLine(CommandTable.named(args)).execute(args);
        System.exit(status);
    }
}
