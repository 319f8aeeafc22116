package io.onlineuser.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.testkit.Jars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What ships inside a host JVM: our packages, unrelocated Jolokia, and nothing that could clash. */
class ShadedJarContentsIT {

    /** Jolokia reads these by these exact names; they cannot move (and do not clash with ours). */
    private static final List<String> JOLOKIA_ROOT_RESOURCES = List.of("version.properties",
            "jolokia-agent-version.properties", "default-jolokia-agent.properties", "jolokia-restrictor.xsd");

    @Test
    void holdsOnlyOurPackagesJolokiaAndTheBridgeJar() throws IOException {
        try (JarFile jar = new JarFile(Jars.agentJar().toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).filter(name -> !name.endsWith("/"))
                    .collect(Collectors.toList());

            assertThat(names).allSatisfy(name -> assertThat(
                    name.startsWith("io/onlineuser/") || name.startsWith("org/jolokia/") || name.startsWith("META-INF/")
                            || name.startsWith("onlineuser/") || JOLOKIA_ROOT_RESOURCES.contains(name))
                    .as(name).isTrue());
            assertThat(names).noneMatch(name -> name.startsWith("net/bytebuddy/") || name.startsWith("org/slf4j/")
                    || name.startsWith("io/netty/") || name.startsWith("META-INF/versions/")
                    || name.startsWith("org/jolokia/service/jsr160/") || name.startsWith("org/jolokia/service/history/")
                    || name.startsWith("org/jolokia/service/discovery/") || name.startsWith("org/jolokia/service/notif/"));
            assertThat(names).contains(
                    "io/onlineuser/agent/OnlineUserAgent.class",
                    "io/onlineuser/agent/track/OnlineTracker.class",
                    "io/onlineuser/agent/shaded/net/bytebuddy/agent/builder/AgentBuilder.class",
                    "io/onlineuser/agent/shaded/org/slf4j/LoggerFactory.class",
                    "org/jolokia/jvmagent/JolokiaServer.class",
                    "META-INF/jolokia/services-default",
                    "META-INF/services/io.onlineuser.agent.shaded.org.slf4j.spi.SLF4JServiceProvider",
                    "onlineuser/bridge.jar");
            // the bridge must exist on the bootstrap path only, never as a class of the agent jar
            assertThat(names).noneMatch(name -> name.startsWith("io/onlineuser/agent/bridge/"));
        }
    }

    @Test
    void servicesFilesAreMergedAndRelocated() throws IOException {
        try (JarFile jar = new JarFile(Jars.agentJar().toFile())) {
            String services = new String(jar.getInputStream(jar.getEntry("META-INF/jolokia/services-default"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            String slf4j = new String(jar.getInputStream(jar.getEntry(
                    "META-INF/services/io.onlineuser.agent.shaded.org.slf4j.spi.SLF4JServiceProvider")).readAllBytes(),
                    StandardCharsets.UTF_8);

            assertThat(services).contains("org.jolokia.service.serializer.JolokiaSerializer")
                    .contains("org.jolokia.service.jmx.LocalRequestHandler").doesNotContain("jsr160");
            assertThat(slf4j.trim()).isEqualTo("io.onlineuser.agent.log.AgentLogProvider");
        }
    }

    @Test
    void manifestMakesItAnAgentAndACommand() throws IOException {
        try (JarFile jar = new JarFile(Jars.agentJar().toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();

            assertThat(manifest.getValue("Premain-Class")).isEqualTo("io.onlineuser.agent.OnlineUserAgent");
            assertThat(manifest.getValue("Agent-Class")).isEqualTo("io.onlineuser.agent.OnlineUserAgent");
            assertThat(manifest.getValue("Main-Class")).isEqualTo("io.onlineuser.agent.OnlineUserAgent");
            assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(manifest.getValue("Can-Redefine-Classes")).isEqualTo("true");
        }
    }
}
