package io.onlineuser.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A secret option ({@code key}) given one of three ways: {@code key.file} (a file whose first line
 * is the secret; it should be readable by its owner only), {@code key.env} (the name of an
 * environment variable holding it), or {@code key} itself. Written in the {@code -javaagent}
 * argument the secret is on the JVM's command line, which every local user can read
 * ({@code ps}, {@code /proc/<pid>/cmdline}), so that way works but warns; in the {@code config}
 * file it is checked like a secret file.
 */
final class SecretOption {

    static final String FILE = ".file";
    static final String ENV = ".env";

    private static final Set<PosixFilePermission> OTHERS_READ = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    /** The secret, or why there is none although one was asked for. */
    static final class Value {
        final String secret;
        final String failure;

        private Value(String secret, String failure) {
            this.secret = secret;
            this.failure = failure;
        }

        boolean given() {
            return secret != null || failure != null;
        }
    }

    private final Map<String, String> raw;
    private final Set<String> inlineKeys;
    private final Path configFile;
    private final UnaryOperator<String> environment;
    private final Consumer<String> problems;

    SecretOption(Map<String, String> raw, Set<String> inlineKeys, Path configFile, UnaryOperator<String> environment,
            Consumer<String> problems) {
        this.raw = raw;
        this.inlineKeys = inlineKeys;
        this.configFile = configFile;
        this.environment = environment;
        this.problems = problems;
    }

    static List<String> keys(String key) {
        return List.of(key, key + FILE, key + ENV);
    }

    /** Keys whose values are secrets and never shown. */
    static boolean isSecret(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith("password") || lower.endsWith("passphrase") || lower.endsWith("secret");
    }

    /**
     * Reads {@code key} from the first of file, environment, inline that is set (giving more than
     * one is reported). A failure is returned, not reported: the caller says what it does instead,
     * in the same line.
     */
    Value read(String key) {
        String file = nonEmpty(key + FILE);
        String env = nonEmpty(key + ENV);
        String inline = nonEmpty(key);
        int given = (file != null ? 1 : 0) + (env != null ? 1 : 0) + (inline != null ? 1 : 0);
        if (given > 1) {
            problems.accept("options '" + key + "', '" + key + FILE + "' and '" + key + ENV
                    + "' are alternatives; using '" + (file != null ? key + FILE : key + ENV) + "'");
        }
        if (file != null) {
            return fromFile(key + FILE, file);
        }
        if (env != null) {
            String secret = environment.apply(env);
            if (secret == null || secret.isEmpty()) {
                return new Value(null, "option '" + key + ENV + "': environment variable " + env + " is "
                        + (secret == null ? "not set" : "empty"));
            }
            return new Value(secret, null);
        }
        if (inline == null) {
            return new Value(null, null);
        }
        if (inlineKeys.contains(key)) {
            problems.accept("option '" + key + "' is on the JVM's command line, where every user of this host can"
                    + " read it (ps, /proc/<pid>/cmdline); use '" + key + FILE + "' or '" + key + ENV + "' instead");
        } else if (configFile != null) {
            warnIfOthersCanRead(configFile, "option '" + RawOptions.CONFIG + "' file " + configFile + " holds '"
                    + key + "' and");
        }
        return new Value(inline, null);
    }

    private Value fromFile(String option, String location) {
        Path path;
        try {
            path = Paths.get(location);
        } catch (InvalidPathException e) {
            return new Value(null, "option '" + option + "'='" + location + "' is not a valid path");
        }
        String text;
        try {
            text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return new Value(null, "option '" + option + "': cannot read " + location + " (" + e + ")");
        }
        int end = text.indexOf('\n');
        String secret = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
        if (secret.isEmpty()) {
            return new Value(null, "option '" + option + "': " + location + " is empty");
        }
        warnIfOthersCanRead(path, "option '" + option + "': " + location);
        return new Value(secret, null);
    }

    private void warnIfOthersCanRead(Path path, String what) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.stream().anyMatch(OTHERS_READ::contains)) {
                problems.accept(what + " is readable by other users ("
                        + PosixFilePermissions.toString(permissions) + "); used anyway, but make it owner-only: chmod 600 "
                        + path);
            }
        } catch (UnsupportedOperationException | IOException | SecurityException notPosix) {
            // no POSIX permissions to check (e.g. Windows ACLs): nothing to say
        }
    }

    private String nonEmpty(String key) {
        String value = raw.get(key);
        return value == null || value.isEmpty() ? null : value;
    }
}
