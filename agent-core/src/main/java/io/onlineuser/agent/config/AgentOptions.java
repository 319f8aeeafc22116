package io.onlineuser.agent.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The agent's settings, parsed once from the {@code -javaagent} argument
 * ({@code key=value,key=value}) and, when it names one, a properties file
 * ({@code config=/path/agent.properties}; inline values win).
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>config</td><td>none</td><td>properties file with more options</td></tr>
 * <tr><td>serverId</td><td>{@code <hostname>-<pid>}</td><td>id in MBean names, discovery file
 *     and Jolokia agentId; 1-128 letters, digits, '.', '_' or '-'</td></tr>
 * <tr><td>serverType</td><td>connector</td><td>same character rules as serverId</td></tr>
 * <tr><td>jolokia.enabled</td><td>true</td><td>start the embedded Jolokia HTTP endpoint</td></tr>
 * <tr><td>jolokia.host</td><td>127.0.0.1</td><td>address Jolokia binds to</td></tr>
 * <tr><td>jolokia.port</td><td>8778</td><td>0-65535; 0 picks any free port</td></tr>
 * <tr><td>jolokia.user</td><td>none</td><td>basic-auth user; needs jolokia.password</td></tr>
 * <tr><td>jolokia.password</td><td>none</td><td>basic-auth password; needs jolokia.user</td></tr>
 * <tr><td>jolokia.maxConnections</td><td>128</td><td>requests Jolokia reads or answers at once
 *     (one thread each); one more connection is closed at once</td></tr>
 * <tr><td>jolokia.readTimeoutMillis</td><td>10000</td><td>a request (TLS handshake, line, headers,
 *     body) not read within this time is dropped</td></tr>
 * <tr><td>netty.enabled</td><td>true</td><td>count accepted Netty connections</td></tr>
 * <tr><td>kick.enabled</td><td>false</td><td>allow kick / kickBySessionId (JMX and Jolokia)</td></tr>
 * <tr><td>discovery.dir</td><td>none</td><td>directory for the Prometheus file_sd file
 *     {@code <serverId>.json}</td></tr>
 * <tr><td>hook.bind, hook.unbind, hook.kick</td><td>none</td><td>hook descriptions, read by
 *     the instrumentation; any other {@code hook.*} key is accepted for it too</td></tr>
 * <tr><td>journal.size</td><td>65536</td><td>logins and logouts kept for {@code Session.changes},
 *     16-4194304 (about 56 bytes each)</td></tr>
 * <tr><td>log.level</td><td>info</td><td>error, warn, info, debug or trace</td></tr>
 * </table>
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
    public static final String JOLOKIA_MAX_CONNECTIONS = "jolokia.maxConnections";
    public static final String JOLOKIA_READ_TIMEOUT_MILLIS = "jolokia.readTimeoutMillis";
    public static final String NETTY_ENABLED = "netty.enabled";
    public static final String KICK_ENABLED = "kick.enabled";
    public static final String DISCOVERY_DIR = "discovery.dir";
    public static final String HOOK_PREFIX = "hook.";
    public static final String HOOK_BIND = "hook.bind";
    public static final String HOOK_UNBIND = "hook.unbind";
    public static final String HOOK_KICK = "hook.kick";
    public static final String LOG_LEVEL = "log.level";
    public static final String JOURNAL_SIZE = "journal.size";

    static final List<String> KNOWN_KEYS = Collections.unmodifiableList(Arrays.asList(
            RawOptions.CONFIG, SERVER_ID, SERVER_TYPE, JOLOKIA_ENABLED, JOLOKIA_HOST, JOLOKIA_PORT,
            JOLOKIA_USER, JOLOKIA_PASSWORD, JOLOKIA_MAX_CONNECTIONS, JOLOKIA_READ_TIMEOUT_MILLIS, NETTY_ENABLED, KICK_ENABLED, DISCOVERY_DIR,
            HOOK_BIND, HOOK_UNBIND, HOOK_KICK, LOG_LEVEL, JOURNAL_SIZE));

    private static final String DEFAULT_SERVER_TYPE = "connector";
    private static final String DEFAULT_HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 8778;
    private static final String DEFAULT_LOG_LEVEL = "info";
    private static final int DEFAULT_MAX_CONNECTIONS = 128;
    private static final int DEFAULT_READ_TIMEOUT_MILLIS = 10_000;
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
    private final int jolokiaMaxConnections;
    private final int jolokiaReadTimeoutMillis;
    private final boolean nettyEnabled;
    private final boolean kickEnabled;
    private final Path discoveryDir;
    private final String logLevel;
    private final int journalSize;

    private AgentOptions(Map<String, String> raw, Consumer<String> problems) {
        this.raw = raw;
        OptionValues values = new OptionValues(raw, problems);
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
        nettyEnabled = values.bool(NETTY_ENABLED, true);
        kickEnabled = values.bool(KICK_ENABLED, false);
        discoveryDir = directory(values, problems);
        logLevel = values.oneOf(LOG_LEVEL, LOG_LEVELS, DEFAULT_LOG_LEVEL);
        journalSize = values.intBetween(JOURNAL_SIZE, MIN_JOURNAL_SIZE, MAX_JOURNAL_SIZE, DEFAULT_JOURNAL_SIZE);
        String user = values.text(JOLOKIA_USER);
        String password = values.text(JOLOKIA_PASSWORD);
        boolean enabled = values.bool(JOLOKIA_ENABLED, true);
        if ((user == null) != (password == null)) {
            String missing = user == null ? JOLOKIA_USER : JOLOKIA_PASSWORD;
            problems.accept("option '" + missing + "' is missing while '"
                    + (user == null ? JOLOKIA_PASSWORD : JOLOKIA_USER)
                    + "' is set; Jolokia stays off rather than start without authentication");
            enabled = false;
            user = null;
            password = null;
        }
        jolokiaEnabled = enabled;
        jolokiaUser = user;
        jolokiaPassword = password;
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
        Consumer<String> sink = safe(problems);
        try {
            return new AgentOptions(Collections.unmodifiableMap(RawOptions.read(agentArgs, sink)), sink);
        } catch (RuntimeException unexpected) {
            sink.accept("agent options '" + agentArgs + "' could not be read (" + unexpected
                    + "); using the defaults");
            return new AgentOptions(Collections.emptyMap(), sink);
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

    /** Requests read or answered at once; one more connection is closed at once. */
    public int jolokiaMaxConnections() {
        return jolokiaMaxConnections;
    }

    /** A request not read within this time (handshake, line, headers, body) is dropped. */
    public int jolokiaReadTimeoutMillis() {
        return jolokiaReadTimeoutMillis;
    }

    public boolean nettyEnabled() {
        return nettyEnabled;
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

    /** One of error, warn, info, debug, trace. */
    public String logLevel() {
        return logLevel;
    }

    /** Logins and logouts the journal keeps for Session.changes. */
    public int journalSize() {
        return journalSize;
    }

    /** The raw text of any key as given (inline or file), or null. */
    public String raw(String key) {
        return raw.get(key);
    }

    /** Effective values of every option that is set or has a default; the password masked. */
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
        map.put(JOLOKIA_MAX_CONNECTIONS, String.valueOf(jolokiaMaxConnections));
        map.put(JOLOKIA_READ_TIMEOUT_MILLIS, String.valueOf(jolokiaReadTimeoutMillis));
        map.put(NETTY_ENABLED, String.valueOf(nettyEnabled));
        map.put(KICK_ENABLED, String.valueOf(kickEnabled));
        if (discoveryDir != null) {
            map.put(DISCOVERY_DIR, discoveryDir.toString());
        }
        map.put(LOG_LEVEL, logLevel);
        map.put(JOURNAL_SIZE, String.valueOf(journalSize));
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
