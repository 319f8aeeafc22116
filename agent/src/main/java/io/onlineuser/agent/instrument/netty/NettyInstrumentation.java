package io.onlineuser.agent.instrument.netty;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Where connections are counted: the two pipeline events every Netty transport (NIO, epoll,
 * kqueue, local) fires once per channel, the same in Netty 4.1 and 4.2. Advice is named, not
 * referenced, so Netty never has to load in the agent's own class loader.
 */
public final class NettyInstrumentation {

    public static final String PIPELINE = "io.netty.channel.DefaultChannelPipeline";

    private NettyInstrumentation() {
    }

    public static AgentBuilder apply(AgentBuilder builder, ClassLoader agentLoader) {
        return builder.type(named(PIPELINE)).transform(new AgentBuilder.Transformer.ForAdvice()
                .include(agentLoader)
                .advice(named("fireChannelActive").and(takesNoArguments()).and(isPublic()),
                        ChannelActiveAdvice.class.getName())
                .advice(named("fireChannelInactive").and(takesNoArguments()).and(isPublic()),
                        ChannelInactiveAdvice.class.getName()));
    }
}
