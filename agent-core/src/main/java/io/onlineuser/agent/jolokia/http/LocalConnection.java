package io.onlineuser.agent.jolokia.http;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.embedded.EmbeddedChannel;

/**
 * One connection of {@link NettyHttpServer#localConnection()}: each request runs through the
 * server's handlers (its limits, codec, authentication and Jolokia) in the calling thread.
 * Its remote address is the loopback address, port 0.
 */
public final class LocalConnection implements AutoCloseable {

    private final EmbeddedChannel channel;

    LocalConnection(EmbeddedChannel channel) {
        this.channel = channel;
    }

    /**
     * Serves {@code request} (one whole HTTP/1.1 request, as a client sends it) and drops the answer;
     * returns its status code, or -1 when nothing was answered.
     */
    public int serve(byte[] request) {
        channel.writeInbound(Unpooled.wrappedBuffer(request));
        channel.runPendingTasks();
        int status = -1;
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            if (out instanceof ByteBuf) {
                ByteBuf bytes = (ByteBuf) out;
                if (status == -1) {
                    status = status(bytes);
                }
                bytes.release();
            }
        }
        return status;
    }

    /** The status code of an answer's first bytes, {@code HTTP/1.1 200 OK}; -1 when they are not one. */
    private static int status(ByteBuf answer) {
        int at = answer.readerIndex();
        if (answer.readableBytes() < 12 || answer.getByte(at + 8) != ' ') {
            return -1;
        }
        int code = 0;
        for (int i = 9; i < 12; i++) {
            byte digit = answer.getByte(at + i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            code = code * 10 + (digit - '0');
        }
        return code;
    }

    /** Whether the server kept the connection open (it closes one it refused). */
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
