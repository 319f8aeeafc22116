package io.onlineuser.sample.backend;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The backend RPC wire format, the same both ways: a 4-byte big-endian length, then that many
 * bytes of UTF-8 JSON, e.g. {@code {"id":7,"route":"sys.ping"}} answered by {@code {"id":7,"code":200}}.
 */
final class RpcFraming {

    static final int MAX_FRAME = 64 * 1024;

    private RpcFraming() {
    }

    static void install(ChannelPipeline pipeline) {
        pipeline.addLast("rpc-frame-decoder", new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4));
        pipeline.addLast("rpc-frame-encoder", new LengthFieldPrepender(4));
        pipeline.addLast("rpc-text-decoder", new StringDecoder(StandardCharsets.UTF_8));
        pipeline.addLast("rpc-text-encoder", new StringEncoder(StandardCharsets.UTF_8));
    }
}
