package io.onlineuser.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesPrometheusFileSdAndDeletesIt() throws Exception {
        Path sd = dir.resolve("sd/nested");

        DiscoveryFile file = DiscoveryFile.write(sd, "connector-1", "connector", "http://127.0.0.1:8778/jolokia");

        assertThat(file.path()).isEqualTo(sd.resolve("connector-1.json"));
        JsonNode groups = JSON.readTree(file.path().toFile());
        assertThat(groups.isArray()).isTrue();
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).path("targets").toString()).isEqualTo("[\"127.0.0.1:8778\"]");
        JsonNode labels = groups.get(0).path("labels");
        assertThat(labels.path("server_id").asText()).isEqualTo("connector-1");
        assertThat(labels.path("server_type").asText()).isEqualTo("connector");
        assertThat(labels.path("jolokia_url").asText()).isEqualTo("http://127.0.0.1:8778/jolokia");
        try (var listing = Files.list(sd)) {
            assertThat(listing).containsExactly(file.path());
        }

        file.delete();
        file.delete();

        assertThat(file.path()).doesNotExist();
    }

    @Test
    void rewritingReplacesTheFile() throws Exception {
        DiscoveryFile.write(dir, "c1", "connector", "http://127.0.0.1:1000/jolokia");
        DiscoveryFile file = DiscoveryFile.write(dir, "c1", "gate", "http://[::1]:2000/jolokia");

        JsonNode group = JSON.readTree(file.path().toFile()).get(0);
        assertThat(group.path("targets").get(0).asText()).isEqualTo("[::1]:2000");
        assertThat(group.path("labels").path("server_type").asText()).isEqualTo("gate");
    }

    @Test
    void refusesIdsThatAreNotPlainFileNamesAndUrlsWithoutPort() {
        assertThatThrownBy(() -> DiscoveryFile.write(dir, "../evil", "c", "http://127.0.0.1:1/jolokia"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot name a discovery file");
        assertThatThrownBy(() -> DiscoveryFile.write(dir, "..", "c", "http://127.0.0.1:1/jolokia"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiscoveryFile.write(dir, "c1", "c", "http://127.0.0.1/jolokia"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no host and port");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsAnIoError() throws Exception {
        Path blocker = Files.createFile(dir.resolve("file"));

        assertThatThrownBy(() -> DiscoveryFile.write(blocker.resolve("sd"), "c1", "c", "http://127.0.0.1:1/jolokia"))
                .isInstanceOf(java.io.IOException.class);
    }
}
