package io.onlineuser.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An external program a test drives for real (chromium, prometheus, promtool, dnsmasq), found on
 * {@code PATH} as {@code run-tests} finds it. A missing program fails the test: {@code run-tests}
 * installs every one, so a skip would only hide a broken set-up.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    /**
     * The executable named {@code name} on {@code PATH}.
     *
     * @throws AssertionError when it is not there, saying how to get it
     */
    public static Path onPath(String name) {
        return find(name).orElseThrow(() -> new AssertionError(name + " is not on PATH (" + System.getenv("PATH")
                + "); ./run-tests installs it (as root: apt-get install " + debianPackage(name) + ")"));
    }

    private static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String debianPackage(String tool) {
        return "promtool".equals(tool) ? "prometheus" : tool;
    }
}
