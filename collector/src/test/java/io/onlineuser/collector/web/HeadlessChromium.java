package io.onlineuser.collector.web;

import io.onlineuser.testkit.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, used the way a user's browser loads the dashboard. {@code --virtual-time-budget}
 * lets the page's fetches and timers run before the DOM is dumped.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** The DOM after the page ran its scripts for a while ({@code chromium} from {@code PATH}; missing, the test fails). */
    public static String dumpDom(String url) throws IOException, InterruptedException {
        Path chromium = RequiredTool.onPath("chromium");
        Path profile = Files.createTempDirectory("collector-chromium");
        Path output = Files.createTempFile("collector-chromium", ".html");
        try {
            Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                    "--virtual-time-budget=15000", "--dump-dom", url)
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    throw new IOException("chromium did not finish loading " + url + " within 120 s");
                }
            } finally {
                process.destroyForcibly();
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
