package io.onlineuser.collector.dns;

import io.onlineuser.testkit.RequiredTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.onlineuser.testkit.RequiredTool;

/**
 * A real DNS server (Debian's {@code dnsmasq}, found on {@code PATH}) on 127.0.0.1 and a free port, answering only from
 * a hosts file that the test rewrites; {@link #hosts} re-reads it (SIGHUP), as a cluster's DNS
 * changes when pods come and go. Names under {@code .test} that are not listed get NXDOMAIN.
 */
public final class Dnsmasq implements AutoCloseable {

    private final Process process;
    private final Path hostsFile;
    private final Path log;
    private final int port;

    private Dnsmasq(Process process, Path hostsFile, Path log, int port) {
        this.process = process;
        this.hostsFile = hostsFile;
        this.log = log;
        this.port = port;
    }

    /** Starts dnsmasq serving {@code hostsLines} (lines of {@code ADDRESS NAME}) from {@code dir}. */
    public static Dnsmasq start(Path dir, List<String> hostsLines) throws IOException, InterruptedException {
        // dnsmasq re-reads the file after dropping to its own user: it must be able to read it
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path hosts = dir.resolve("hosts");
        writeHosts(hosts, hostsLines);
        Path log = dir.resolve("dnsmasq.log");
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freeUdpAndTcpPort();
            Process process = new ProcessBuilder(RequiredTool.onPath("dnsmasq").toString(), "--keep-in-foreground", "--no-resolv", "--no-hosts",
                    "--addn-hosts=" + hosts, "--local=/test/", "--listen-address=127.0.0.1", "--bind-interfaces",
                    "--port=" + port, "--pid-file=", "--user=" + System.getProperty("user.name"), "--log-facility=-",
                    "--log-queries")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Dnsmasq dnsmasq = new Dnsmasq(process, hosts, log, port);
            if (dnsmasq.awaitReady()) {
                return dnsmasq;
            }
            last = new IOException("dnsmasq did not start on port " + port + ":\n" + dnsmasq.log());
            dnsmasq.close();
        }
        throw last;
    }

    /** {@code 127.0.0.1:PORT}, for {@code --dns-server}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Replaces the hosts file and makes dnsmasq re-read it (it answers the new records once the signal is handled). */
    public void hosts(List<String> lines) throws IOException, InterruptedException {
        writeHosts(hostsFile, lines);
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -HUP " + process.pid() + " failed");
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private boolean awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (log().contains("read " + hostsFile)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static void writeHosts(Path hosts, List<String> lines) throws IOException {
        Path next = hosts.resolveSibling("hosts.next");
        Files.write(next, lines);
        Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(next, hosts, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static int freeUdpAndTcpPort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int i = 0; i < 20; i++) {
            try (DatagramSocket udp = new DatagramSocket(0, loopback)) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket(port, 1, loopback)) {
                    return port;
                } catch (IOException taken) {
                    // TCP side busy: try another
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
    }
}
