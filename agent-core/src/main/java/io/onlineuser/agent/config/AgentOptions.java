package io.onlineuser.agent.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The agent's settings, parsed once from the {@code -javaagent} argument
 * ({@code key=value,key=value}) and, when it names one, a properties file
 * ({@code config=/path/agent.properties}; inline values win).
 *
 * What each option means and its default is documented once, in agent/README.md "Agent options";
 * {@code OptionTableTest} fails when that table and {@link #KNOWN_KEYS} or the defaults here differ.
 *
 * <p>Nothing here throws: each bad value is reported once through {@code problems} and
 * replaced by its default. Jolokia authentication needs both user and password; when only one
 * of them is set the agent cannot know what the operator meant, and starting an open endpoint
 * could expose data they meant to protect, so Jolokia stays off (one problem line says so).
 */
public final class AgentOptions {

    public static final String SERVER_ID = "serverId";
    public static final String SERVER_TYPE = "serverType";
    public static final String JOLOKIA_ENABLED = "jolokia.enabled";
    public static final String JOLOKIA_HOST = "jolokia.host";
    public static final String JOLOKIA_PORT = "jolokia.port";
    public static final String JOLOKIA_USER = "jolokia.user";
    public static final String JOLOKIA_PASSWORD = "jolokia.password";
    public static final String JOLOKIA_PASSWORD_FILE = JOLOKIA_PASSWORD + SecretOption.FILE;
    public static final String JOLOKIA_PASSWORD_ENV = JOLOKIA_PASSWORD + SecretOption.ENV;
    public static final String JOLOKIA_POLICY = "jolokia.policy";
    public static final String JOLOKIA_MAX_CONNECTIONS = "jolokia.maxConnections";
    public static final String JOLOKIA_READ_TIMEOUT_MILLIS = "jolokia.readTimeoutMillis";
    public static final String JOLOKIA_WARM_UP_MILLIS = "jolokia.warmUpMillis";
    public static final String NETTY_ENABLED = "netty.enabled";
    public static final String LISTEN_PORTS = "listen.ports";
    /** The older name of {@link #LISTEN_PORTS}, read when that is not given. */
    public static final String NETTY_PORTS = "netty.ports";
    public static final String NETTY_RELOCATED = "netty.relocated";
    public static final String KICK_ENABLED = "kick.enabled";
    public static final String DISCOVERY_DIR = "discovery.dir";
    public static final String HOOK_PREFIX = "hook.";
    public static final String HOOK_BIND = "hook.bind";
    public static final String HOOK_UNBIND = "hook.unbind";
    public static final String HOOK_KICK = "hook.kick";
    public static final String LOG_LEVEL = "log.level";
    public static final String JOURNAL_SIZE = "journal.size";
    public static final String SESSIONS_REGISTRY = "sessions.registry";

    static final List<String> KNOWN_KEYS = Collections.unmodifiableList(Arrays.asList(
            RawOptions.CONFIG, SERVER_ID, SERVER_TYPE, JOLOKIA_ENABLED, JOLOKIA_HOST, JOLOKIA_PORT,
            JOLOKIA_USER, JOLOKIA_PASSWORD, JOLOKIA_PASSWORD_FILE, JOLOKIA_PASSWORD_ENV, JOLOKIA_POLICY,
            JolokiaTls.CERT, JolokiaTls.KEY, JolokiaTls.CA, JolokiaTls.KEYSTORE, JolokiaTls.KEYSTORE_PASSWORD,
            JolokiaTls.KEYSTORE_PASSWORD + SecretOption.FILE, JolokiaTls.KEYSTORE_PASSWORD + SecretOption.ENV,
            JolokiaTls.CLIENT_AUTH, JolokiaTls.CLIENT_PRINCIPAL, JOLOKIA_MAX_CONNECTIONS, JOLOKIA_READ_TIMEOUT_MILLIS, JOLOKIA_WARM_UP_MILLIS, NETTY_ENABLED, LISTEN_PORTS, NETTY_PORTS, NETTY_RELOCATED, KICK_ENABLED, DISCOVERY_DIR,
            HOOK_BIND, HOOK_UNBIND, HOOK_KICK, LOG_LEVEL, JOURNAL_SIZE, SESSIONS_REGISTRY));

    private static final String DEFAULT_SERVER_TYPE = "connector";
    private static final String DEFAULT_HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 8778;
    private static final String DEFAULT_LOG_LEVEL = "info";
    private static final int DEFAULT_MAX_CONNECTIONS = 128;
    private static final int DEFAULT_READ_TIMEOUT_MILLIS = 10_000;
    private static final int DEFAULT_WARM_UP_MILLIS = 300;
    private static final int DEFAULT_JOURNAL_SIZE = 65_536;
    private static final int MIN_JOURNAL_SIZE = 16;
    private static final int MAX_JOURNAL_SIZE = 4_194_304;
    private static final List<String> LOG_LEVELS =
            Arrays.asList("error", "warn", "info", "debug", "trace");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final String MASK = "****";

    private final Map<String, String> raw;
    private final String serverId;
    private final String serverType;
    private final boolean jolokiaEnabled;
    private final String jolokiaHost;
    private final int jolokiaPort;
    private final String jolokiaUser;
    private final String jolokiaPassword;
    private final JolokiaTls jolokiaTls;
    private final String jolokiaPolicy;
    private final int jolokiaMaxConnections;
    private final int jolokiaReadTimeoutMillis;
    private final int jolokiaWarmUpMillis;
    private final boolean nettyEnabled;
    private final PortScope nettyPorts;
    private final String portsOption;
    private final List<String> nettyRelocated;
    private final boolean kickEnabled;
    private final Path discoveryDir;
    private final String logLevel;
    private final int journalSize;

    private AgentOptions(Map<String, String> raw, Set<String> inlineKeys, UnaryOperator<String> environment,
            Consumer<String> problems) {
        this.raw = raw;
        OptionValues values = new OptionValues(raw, problems);
        String config = raw.get(RawOptions.CONFIG);
        SecretOption secrets = new SecretOption(raw, inlineKeys, config == null || config.isEmpty() ? null
                : Paths.get(config), environment, problems);
        values.text(RawOptions.CONFIG);
        serverId = values.matching(SERVER_ID, ID, "1-128 letters, digits, '.', '_' or '-'",
                HostIdentity.defaultServerId());
        serverType = values.matching(SERVER_TYPE, ID, "1-128 letters, digits, '.', '_' or '-'",
                DEFAULT_SERVER_TYPE);
        jolokiaHost = values.matching(JOLOKIA_HOST, Pattern.compile("[^\\s,/]+"),
                "a host name or IP address", DEFAULT_HOST);
        jolokiaPort = values.port(JOLOKIA_PORT, DEFAULT_PORT);
        jolokiaMaxConnections = values.intBetween(JOLOKIA_MAX_CONNECTIONS, 1, 10_000, DEFAULT_MAX_CONNECTIONS);
        jolokiaReadTimeoutMillis = values.intBetween(JOLOKIA_READ_TIMEOUT_MILLIS, 100, 3_600_000,
                DEFAULT_READ_TIMEOUT_MILLIS);
        jolokiaWarmUpMillis = values.intBetween(JOLOKIA_WARM_UP_MILLIS, 0, 60_000, DEFAULT_WARM_UP_MILLIS);
        nettyEnabled = values.bool(NETTY_ENABLED, true);
        portsOption = raw.containsKey(LISTEN_PORTS) || !raw.containsKey(NETTY_PORTS) ? LISTEN_PORTS : NETTY_PORTS;
        if (raw.containsKey(LISTEN_PORTS) && raw.containsKey(NETTY_PORTS)) {
            problems.accept("options 'listen.ports' and its older name 'netty.ports' are both given; using listen.ports="
                    + raw.get(LISTEN_PORTS));
        }
        nettyPorts = values.ports(portsOption);
        nettyRelocated = packages(values.text(NETTY_RELOCATED), problems);
        boolean kick = values.bool(KICK_ENABLED, false);
        discoveryDir = directory(values, problems);
        logLevel = values.oneOf(LOG_LEVEL, LOG_LEVELS, DEFAULT_LOG_LEVEL);
        journalSize = values.intBetween(JOURNAL_SIZE, MIN_JOURNAL_SIZE, MAX_JOURNAL_SIZE, DEFAULT_JOURNAL_SIZE);
        jolokiaPolicy = values.text(JOLOKIA_POLICY);
        String user = values.text(JOLOKIA_USER);
        SecretOption.Value secret = secrets.read(JOLOKIA_PASSWORD);
        String password = secret.secret;
        boolean enabled = values.bool(JOLOKIA_ENABLED, true);
        if (secret.failure != null) {
            problems.accept(secret.failure + "; Jolokia stays off rather than start without authentication");
            enabled = false;
            user = null;
        } else if ((user == null) != (password == null)) {
            String missing = user == null ? JOLOKIA_USER : JOLOKIA_PASSWORD;
            problems.accept("option '" + missing + "' is missing while '"
                    + (user == null ? JOLOKIA_PASSWORD : JOLOKIA_USER)
                    + "' is set; Jolokia stays off rather than start without authentication"
                    + (user == null ? "" : " (give the password as '" + JOLOKIA_PASSWORD_FILE + "')"));
            enabled = false;
            user = null;
            password = null;
        }
        JolokiaTls.Parsed tls = JolokiaTls.parse(values, secrets, problems);
        if (tls.failure != null) {
            problems.accept(tls.failure);
            enabled = false;
        }
        boolean clientCertificates = tls.tls != null && tls.tls.clientAuth();
        if (kick && enabled && !isLoopback(jolokiaHost) && user == null && !clientCertificates) {
            problems.accept("option 'kick.enabled=true' is refused: Jolokia listens on " + jolokiaHost
                    + ", beyond this host, without authentication (set '" + JOLOKIA_USER + "' with '"
                    + JOLOKIA_PASSWORD_FILE + "', or '" + JolokiaTls.CLIENT_AUTH + "=true'); kick stays off");
            kick = false;
        }
        kickEnabled = kick;
        jolokiaEnabled = enabled;
        jolokiaUser = user;
        jolokiaPassword = password;
        jolokiaTls = tls.tls;
        for (String key : raw.keySet()) {
            if (key.startsWith(HOOK_PREFIX) && raw.get(key).isEmpty()) {
                problems.accept("option '" + key + "' is empty; that hook is not installed");
            } else if (!KNOWN_KEYS.contains(key) && !key.startsWith(HOOK_PREFIX)) {
                problems.accept("unknown option '" + key + "' (did you mean '"
                        + Similarity.closestIgnoringCase(key, KNOWN_KEYS) + "'?); ignored");
            }
        }
    }

    /**
     * Parses the agent argument (may be null or empty) and the config file it names.
     * Never throws; {@code problems} (may be null) receives one line per problem.
     */
    public static AgentOptions parse(String agentArgs, Consumer<String> problems) {
        return parse(agentArgs, problems, System::getenv);
    }

    /** As {@link #parse(String, Consumer)}, with {@code environment} giving environment variables. */
    static AgentOptions parse(String agentArgs, Consumer<String> problems, UnaryOperator<String> environment) {
        Consumer<String> sink = safe(problems);
        try {
            Set<String> inlineKeys = RawOptions.parseInline(agentArgs, ignored -> { }).keySet();
            return new AgentOptions(Collections.unmodifiableMap(RawOptions.read(agentArgs, sink)), inlineKeys,
                    environment, sink);
        } catch (RuntimeException unexpected) {
            sink.accept("agent options could not be read (" + unexpected + "); using the defaults");
            return new AgentOptions(Collections.emptyMap(), Collections.emptySet(), environment, sink);
        }
    }

    private static Consumer<String> safe(Consumer<String> problems) {
        return message -> {
            if (problems == null) {
                return;
            }
            try {
                problems.accept(message);
            } catch (RuntimeException ignored) {
                // a failing reporter must not stop the options from being parsed
            }
        };
    }

    /** Loopback by its text alone (no name lookup in premain): 127.x.x.x, ::1 or localhost. */
    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.startsWith("127.") || "::1".equals(bare) || "0:0:0:0:0:0:0:1".equals(bare)
                || "localhost".equalsIgnoreCase(bare);
    }

    private static Path directory(OptionValues values, Consumer<String> problems) {
        String text = values.text(DISCOVERY_DIR);
        if (text == null) {
            return null;
        }
        try {
            return Paths.get(text);
        } catch (InvalidPathException e) {
            problems.accept("option '" + DISCOVERY_DIR + "'='" + text + "' is not a valid path ("
                    + e.getReason() + "); no discovery file is written");
            return null;
        }
    }

    public String serverId() {
        return serverId;
    }

    public String serverType() {
        return serverType;
    }

    /** False when disabled, or when only one of user and password is set. */
    public boolean jolokiaEnabled() {
        return jolokiaEnabled;
    }

    public String jolokiaHost() {
        return jolokiaHost;
    }

    /** 0 means any free port. */
    public int jolokiaPort() {
        return jolokiaPort;
    }

    /** Null means no authentication. */
    public String jolokiaUser() {
        return jolokiaUser;
    }

    public String jolokiaPassword() {
        return jolokiaPassword;
    }

    /** HTTPS settings, or null for plain HTTP. */
    public JolokiaTls jolokiaTls() {
        return jolokiaTls;
    }

    /** The operator's own Jolokia policy file, or null for the bundled one. */
    public String jolokiaPolicy() {
        return jolokiaPolicy;
    }

    /** Requests read or answered at once; one more connection is closed at once. */
    public int jolokiaMaxConnections() {
        return jolokiaMaxConnections;
    }

    /** A request not read within this time (handshake, line, headers, body) is dropped. */
    public int jolokiaReadTimeoutMillis() {
        return jolokiaReadTimeoutMillis;
    }

    /** CPU time the agent may spend asking its own Jolokia before the first client does; 0: none. */
    public int jolokiaWarmUpMillis() {
        return jolokiaWarmUpMillis;
    }

    public boolean nettyEnabled() {
        return nettyEnabled;
    }

    /** Which listeners' connections count, whatever their transport; {@link PortScope#ALL} by default. */
    public PortScope nettyPorts() {
        return nettyPorts;
    }

    /** Packages holding a relocated Netty copy ({@code <package>.io.netty.*}); empty by default. */
    public List<String> nettyRelocated() {
        return nettyRelocated;
    }

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

    private static List<String> packages(String value, Consumer<String> problems) {
        List<String> found = new ArrayList<>();
        if (value == null) {
            return found;
        }
        for (String piece : value.split(",")) {
            String name = piece.trim();
            if (name.endsWith(".io.netty")) {
                name = name.substring(0, name.length() - ".io.netty".length());
            }
            if (PACKAGE.matcher(name).matches()) {
                found.add(name);
            } else {
                problems.accept("option 'netty.relocated' has '" + piece + "', which is not a package name"
                        + " (e.g. io.grpc.netty.shaded); that entry is ignored");
            }
        }
        return Collections.unmodifiableList(found);
    }

    /** The name the listener scope was given under: {@code listen.ports}, or its older name {@code netty.ports}. */
    public String portsOption() {
        return portsOption;
    }

    public boolean kickEnabled() {
        return kickEnabled;
    }

    /** Null means no discovery file. */
    public Path discoveryDir() {
        return discoveryDir;
    }

    public String hookBind() {
        return nonEmpty(HOOK_BIND);
    }

    public String hookUnbind() {
        return nonEmpty(HOOK_UNBIND);
    }

    public String hookKick() {
        return nonEmpty(HOOK_KICK);
    }

    /** Where the application keeps its sessions (read by the instrumentation after a late attach), or null. */
    public String sessionsRegistry() {
        return nonEmpty(SESSIONS_REGISTRY);
    }

    /** One of error, warn, info, debug, trace. */
    public String logLevel() {
        return logLevel;
    }

    /** Logins and logouts the journal keeps for Session.changes. */
    public int journalSize() {
        return journalSize;
    }

    /** The raw text of any key as given (inline or file), or null; a secret's value is masked. */
    public String raw(String key) {
        String value = raw.get(key);
        return value != null && isSecret(key) ? MASK : value;
    }

    /** True for keys whose values are secrets: {@link #asMap()} and {@link #raw} never show them. */
    public static boolean isSecret(String key) {
        return SecretOption.isSecret(key);
    }

    /**
     * Effective values of every option that is set or has a default, every secret masked
     * ({@code ****}; files and environment variable names are shown): the one view of the options to
     * log or publish (the Agent MBean's {@code Options}).
     */
    public Map<String, String> asMap() {
        Map<String, String> map = new TreeMap<>();
        map.put(SERVER_ID, serverId);
        map.put(SERVER_TYPE, serverType);
        map.put(JOLOKIA_ENABLED, String.valueOf(jolokiaEnabled));
        map.put(JOLOKIA_HOST, jolokiaHost);
        map.put(JOLOKIA_PORT, String.valueOf(jolokiaPort));
        if (jolokiaUser != null) {
            map.put(JOLOKIA_USER, jolokiaUser);
            map.put(JOLOKIA_PASSWORD, MASK);
        }
        if (jolokiaPolicy != null) {
            map.put(JOLOKIA_POLICY, jolokiaPolicy);
        }
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String key = entry.getKey();
            if ((key.startsWith(JolokiaTls.PREFIX) || key.startsWith(JOLOKIA_PASSWORD + "."))
                    && !entry.getValue().isEmpty()) {
                map.put(key, isSecret(key) ? MASK : entry.getValue());
            }
        }
        map.put(JOLOKIA_MAX_CONNECTIONS, String.valueOf(jolokiaMaxConnections));
        map.put(JOLOKIA_READ_TIMEOUT_MILLIS, String.valueOf(jolokiaReadTimeoutMillis));
        map.put(JOLOKIA_WARM_UP_MILLIS, String.valueOf(jolokiaWarmUpMillis));
        map.put(NETTY_ENABLED, String.valueOf(nettyEnabled));
        if (!nettyPorts.all()) {
            map.put(portsOption, nettyPorts.toString());
        }
        if (!nettyRelocated.isEmpty()) {
            map.put(NETTY_RELOCATED, String.join(",", nettyRelocated));
        }
        map.put(KICK_ENABLED, String.valueOf(kickEnabled));
        if (discoveryDir != null) {
            map.put(DISCOVERY_DIR, discoveryDir.toString());
        }
        map.put(LOG_LEVEL, logLevel);
        map.put(JOURNAL_SIZE, String.valueOf(journalSize));
        if (sessionsRegistry() != null) {
            map.put(SESSIONS_REGISTRY, sessionsRegistry());
        }
        String config = raw.get(RawOptions.CONFIG);
        if (config != null && !config.isEmpty()) {
            map.put(RawOptions.CONFIG, config);
        }
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            if (entry.getKey().startsWith(HOOK_PREFIX) && !entry.getValue().isEmpty()) {
                map.put(entry.getKey(), entry.getValue());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return "AgentOptions" + asMap();
    }

    private String nonEmpty(String key) {
        String value = raw.get(key);
        return value == null || value.isEmpty() ? null : value;
    }

}
