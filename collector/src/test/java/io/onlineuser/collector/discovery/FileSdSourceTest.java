package io.onlineuser.collector.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import io.onlineuser.collector.jolokia.ConnectorTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSdSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsTheAgentsFilesAndPrefersJolokiaUrl() throws IOException {
        write("connector-1.json", agentFile("connector-1", 8778));
        write("connector-2.json", "[{\"targets\":[\"10.0.0.7:8779\"],\"labels\":{\"server_id\":\"connector-2\"}}]");
        write("notes.txt", "ignored: not *.json");

        Discovery discovery = new FileSdSource(dir).discover();

        assertThat(discovery.problems()).isEmpty();
        assertThat(discovery.targets()).extracting(t -> t.url().toString())
                .containsExactly("http://127.0.0.1:8778/jolokia", "http://10.0.0.7:8779/jolokia");
        assertThat(discovery.targets()).extracting(ConnectorTarget::name).containsExactly("connector-1", "connector-2");
    }

    @Test
    void aBadFileIsNamedAndLosesNothingElse() throws IOException {
        write("good.json", agentFile("connector-1", 8778));
        write("broken.json", "[{\"targets\": [");
        write("wrong-shape.json", "{\"targets\":[]}");

        Discovery discovery = new FileSdSource(dir).discover();

        assertThat(discovery.targets()).hasSize(1);
        assertThat(discovery.problems()).containsOnlyKeys(
                dir.resolve("broken.json").toString(), dir.resolve("wrong-shape.json").toString());
        assertThat(discovery.problems().get(dir.resolve("wrong-shape.json").toString())).contains("JSON array");
    }

    @Test
    void seesConnectorsThatStartStopOrMove() throws IOException {
        FileSdSource source = new FileSdSource(dir);
        assertThat(source.discover().targets()).isEmpty();

        Path file = write("connector-1.json", agentFile("connector-1", 8778));
        assertThat(source.discover().targets()).hasSize(1);

        write("connector-1.json", agentFile("connector-1", 18778));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(source.discover().targets()).extracting(t -> t.url().getPort()).containsExactly(18778);

        Files.delete(file);
        assertThat(source.discover().targets()).isEmpty();
    }

    @Test
    void aSingleFileAndAMissingPathWork() throws IOException {
        Path file = write("sd.json", agentFile("connector-1", 8778));
        assertThat(new FileSdSource(file).discover().targets()).hasSize(1);

        Discovery missing = new FileSdSource(dir.resolve("nope")).discover();
        assertThat(missing.targets()).isEmpty();
        assertThat(missing.problems().values()).containsExactly("cannot read discovery path: no such file or directory");
    }

    private static String agentFile(String serverId, int port) {
        return "[{\"targets\":[\"127.0.0.1:" + port + "\"],\"labels\":{\"server_id\":\"" + serverId
                + "\",\"server_type\":\"connector\",\"jolokia_url\":\"http://127.0.0.1:" + port + "/jolokia\"}}]";
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
