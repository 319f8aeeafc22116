package io.onlineuser.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BootstrapBridgeTest {

    @Test
    void theClassListNamesEveryCompiledBridgeClassAndEachHasItsBytesResource() throws IOException {
        Path bridgeClasses = Path.of("target/classes/io/onlineuser/agent/bridge");
        try (Stream<Path> files = Files.list(bridgeClasses)) {
            assertThat(files.map(file -> file.getFileName().toString().replace(".class", "")).collect(Collectors.toList()))
                    .containsExactlyInAnyOrderElementsOf(BootstrapBridge.CLASS_NAMES);
        }
        for (String name : BootstrapBridge.CLASS_NAMES) {
            assertThat(getClass().getClassLoader().getResource(BootstrapBridge.RESOURCE_DIR + name + ".bytes"))
                    .as(name).isNotNull();
        }
    }
}
