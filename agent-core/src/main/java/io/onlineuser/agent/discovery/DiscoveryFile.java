package io.onlineuser.agent.discovery;

import java.io.IOException;
import java.nio.file.Path;

/** The Prometheus file_sd entry announcing this connector's Jolokia endpoint. */
public final class DiscoveryFile {

    private DiscoveryFile() {
    }

    public static DiscoveryFile write(Path dir, String serverId, String serverType, String jolokiaUrl)
            throws IOException {
        return new DiscoveryFile();
    }

    public void delete() {
    }
}
