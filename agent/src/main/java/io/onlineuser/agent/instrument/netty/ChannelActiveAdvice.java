package io.onlineuser.agent.instrument.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ServerChannel;
import io.onlineuser.agent.bridge.OnlineUserBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of {@code DefaultChannelPipeline#fireChannelActive()}: reports channels
 * accepted by a server channel (outbound clients and server channels have no such parent), before
 * any handler of the application can bind a session to it.
 */
public final class ChannelActiveAdvice {

    private ChannelActiveAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void onEnter(@Advice.This ChannelPipeline pipeline) {
        Channel channel = pipeline.channel();
        if (channel.parent() instanceof ServerChannel) {
            OnlineUserBridge.channelActive(channel, channel.remoteAddress());
        }
    }
}
