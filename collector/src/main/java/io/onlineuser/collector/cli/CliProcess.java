package io.onlineuser.collector.cli;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Netty settings of the command-line process, each only where the user set none: a one-shot
 * command has no use for Netty's Flight Recorder events (probing for JFR loaded ~100 classes and
 * generated event handlers, ~0.3 s of a fresh {@code java -jar … online}) nor for a machine id
 * taken from a network interface's hardware address (a search of every interface, and a warning
 * where there is none). Not set when the collector is used as a library: those are the host's.
 */
final class CliProcess {

    private CliProcess() {
    }

    static void setNettyDefaults() {
        setIfAbsent("io.netty.jfr.enabled", "false");
        setIfAbsent("io.netty.machineId", randomMachineId());
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** Eight random bytes as Netty reads a machine id: {@code 0a:1b:…}. */
    private static String randomMachineId() {
        byte[] id = new byte[8];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.ofDelimiter(":").formatHex(id);
    }
}
