package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.netty.NettyChannels;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class SessionChannelsTest {

    static class Session {
        private final long id = 1;
        private final String uid = "u1";
        private final Channel channel;

        Session(Channel channel) {
            this.channel = channel;
        }
    }

    static final class SubSession extends Session {
        private final Object attachment = "not a channel";

        SubSession(Channel channel) {
            super(channel);
        }
    }

    static final class ContextSession {
        private final ChannelHandlerContext context;

        ContextSession(ChannelHandlerContext context) {
            this.context = context;
        }
    }

    @Test
    void findsTheChannelFieldInTheClassOrItsSuperclass() {
        EmbeddedChannel channel = new EmbeddedChannel();

        assertThat(SessionChannels.channelOf(new Session(channel))).isSameAs(channel);
        assertThat(SessionChannels.channelOf(new SubSession(channel))).isSameAs(channel);
        channel.finishAndReleaseAll();
    }

    @Test
    void followsAHandlerContextToItsChannel() {
        ChannelHandlerContext[] context = new ChannelHandlerContext[1];
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                context[0] = ctx;
            }
        });

        assertThat(SessionChannels.channelOf(new ContextSession(context[0]))).isSameAs(channel);
        channel.finishAndReleaseAll();
    }

    @Test
    void aSessionWithoutChannelGivesNull() {
        assertThat(SessionChannels.channelOf(new Session(null))).isNull();
        assertThat(SessionChannels.channelOf("a string session")).isNull();
        assertThat(SessionChannels.channelOf(null)).isNull();
        assertThat(NettyChannels.remoteAddress(null)).isNull();
        assertThat(NettyChannels.close(null)).isFalse();
    }

    @Test
    void readsTheRemoteAddressAndClosesThroughTheChannelInterface() {
        EmbeddedChannel channel = new EmbeddedChannel();

        assertThat(NettyChannels.remoteAddress(channel)).isEqualTo(channel.remoteAddress());
        assertThat(NettyChannels.close(channel)).isTrue();
        assertThat(channel.isOpen()).isFalse();
    }
}
