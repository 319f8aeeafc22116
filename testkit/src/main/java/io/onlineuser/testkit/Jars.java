package io.onlineuser.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the built artifacts are, found from the repository root so tests run from any module. */
public final class Jars {

    private Jars() {
    }

    /** The directory holding the root {@code pom.xml} (the one that lists the {@code agent} module). */
    public static Path repoRoot() {
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (isRoot(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no onlineuser repository root above " + dir);
    }

    public static Path agentJar() {
        return existing("agent/target/onlineuser-agent.jar");
    }

    public static Path sampleServerJar() {
        return existing("sample-server/target/sample-server.jar");
    }

    public static Path collectorJar() {
        return existing("collector/target/onlineuser-collector.jar");
    }

    /** The collector's launcher script, beside its jar. */
    public static Path collectorLauncher() {
        return existing("collector/target/onlineuser-collector");
    }

    /** The hook description shipped with the sample server. */
    public static Path sampleServerAgentProperties() {
        return repoRoot().resolve("sample-server/onlineuser-agent.properties");
    }

    /** The {@code java} launcher of the running JVM, so child JVMs use the same Java. */
    public static String javaExecutable() {
        return Paths.get(javaHome(), "bin", "java").toString();
    }

    /** The running JVM's home, for scripts that pick their Java from {@code JAVA_HOME}. */
    public static String javaHome() {
        return System.getProperty("java.home");
    }

    private static Path existing(String relative) {
        Path jar = repoRoot().resolve(relative);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -DskipTests package)");
        }
        return jar;
    }

    private static boolean isRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            return Files.readString(pom).contains("<module>agent</module>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
