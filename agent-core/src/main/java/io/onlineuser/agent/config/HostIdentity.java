package io.onlineuser.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The default server id, {@code <hostname>-<pid>}. The host name comes from the environment or
 * the kernel, never from DNS: a reverse lookup inside {@code premain} could hang the host's start.
 */
final class HostIdentity {

    private static final Path KERNEL_HOSTNAME = Paths.get("/proc/sys/kernel/hostname");

    private HostIdentity() {
    }

    static String defaultServerId() {
        String id = hostName() + "-" + ProcessHandle.current().pid();
        String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() <= 128 ? safe : safe.substring(safe.length() - 128);
    }

    private static String hostName() {
        String fromEnvironment = firstNonBlank(System.getenv("HOSTNAME"), System.getenv("COMPUTERNAME"));
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        try {
            String fromKernel = new String(Files.readAllBytes(KERNEL_HOSTNAME), StandardCharsets.UTF_8).trim();
            if (!fromKernel.isEmpty()) {
                return fromKernel;
            }
        } catch (IOException | SecurityException unavailable) {
            // not Linux, or no access: fall through to a neutral name
        }
        return "localhost";
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.trim().isEmpty()) {
            return first.trim();
        }
        if (second != null && !second.trim().isEmpty()) {
            return second.trim();
        }
        return null;
    }
}
