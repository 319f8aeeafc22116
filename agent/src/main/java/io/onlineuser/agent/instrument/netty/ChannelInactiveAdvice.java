package io.onlineuser.agent.instrument.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ServerChannel;
import io.onlineuser.agent.bridge.OnlineUserBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of {@code DefaultChannelPipeline#fireChannelInactive()}, after the
 * application's handlers had their chance to unbind the session themselves; sessions still bound
 * to the channel are logged out by the tracker. Runs even when a handler threw.
 */
public final class ChannelInactiveAdvice {

    private ChannelInactiveAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void onExit(@Advice.This ChannelPipeline pipeline) {
        Channel channel = pipeline.channel();
        if (channel.parent() instanceof ServerChannel) {
            OnlineUserBridge.channelInactive(channel);
        }
    }
}
