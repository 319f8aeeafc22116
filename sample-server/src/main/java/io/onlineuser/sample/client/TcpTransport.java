package io.onlineuser.sample.client;

import io.onlineuser.sample.protocol.PackageCodec;
import io.onlineuser.sample.protocol.PackageType;
import io.onlineuser.sample.protocol.PomeloPackage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Raw TCP packages over a blocking socket, read by one daemon thread. */
final class TcpTransport implements Transport {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final Socket socket;
    private final OutputStream out;

    TcpTransport(String host, int port, PackageListener listener) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        Thread reader = new Thread(() -> readLoop(in, listener), "pomelo-client-tcp-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    private static void readLoop(DataInputStream in, PackageListener listener) {
        try {
            byte[] header = new byte[PackageCodec.HEADER_LENGTH];
            while (true) {
                in.readFully(header);
                int length = (header[1] & 0xFF) << 16 | (header[2] & 0xFF) << 8 | header[3] & 0xFF;
                if (length > MAX_BODY) {
                    throw new IOException("server sent a package of " + length + " bytes");
                }
                byte[] body = new byte[length];
                in.readFully(body);
                listener.onPackage(new PomeloPackage(PackageType.fromCode(header[0] & 0xFF), body));
            }
        } catch (IOException | RuntimeException e) {
            listener.onClosed();
        }
    }

    @Override
    public synchronized void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed: nothing left to release
        }
    }

    @Override
    public void abort() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closed already; close() below is then a no-op
        }
        close();
    }
}
