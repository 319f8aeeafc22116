package io.onlineuser.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class BootstrapBridgeTest {

    @Test
    void theBridgeJarHoldsEveryCompiledBridgeClass() throws IOException {
        Path bridgeClasses = Path.of("target/classes/io/onlineuser/agent/bridge");
        List<String> compiled;
        try (Stream<Path> files = Files.list(bridgeClasses)) {
            compiled = files.map(file -> "io/onlineuser/agent/bridge/" + file.getFileName()).collect(Collectors.toList());
        }
        List<String> packed = new ArrayList<>();
        try (InputStream resource = getClass().getClassLoader().getResourceAsStream(BootstrapBridge.RESOURCE);
             ZipInputStream jar = new ZipInputStream(resource)) {
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                if (entry.getName().endsWith(".class")) {
                    packed.add(entry.getName());
                }
            }
        }
        assertThat(compiled).isNotEmpty();
        assertThat(packed).containsExactlyInAnyOrderElementsOf(compiled);
    }
}
