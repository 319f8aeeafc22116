package io.onlineuser.agent.jolokia;

import io.onlineuser.agent.config.AgentOptions;
import java.util.function.Consumer;

/** The embedded Jolokia HTTP endpoint. */
public final class JolokiaEndpoint {

    private JolokiaEndpoint() {
    }

    public static JolokiaEndpoint start(AgentOptions options, Consumer<String> onUrl) {
        return new JolokiaEndpoint();
    }

    public void stop() {
    }
}
