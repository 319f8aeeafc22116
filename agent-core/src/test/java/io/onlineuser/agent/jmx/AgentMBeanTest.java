package io.onlineuser.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.status.AgentView;
import io.onlineuser.agent.status.HookState;
import io.onlineuser.agent.track.ListeningPort;
import io.onlineuser.agent.track.ListeningPorts;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/** The Agent MBean as JConsole sees it: open types only, every attribute described, secrets masked. */
class AgentMBeanTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void showsVersionOptionsListenersHooksAndJolokiaUrlWithDescriptions() throws Exception {
        AgentOptions options = AgentOptions.parse("serverId=agent-mbean-1,netty.ports=3010,jolokia.user=ops,"
                + "jolokia.password=secret", null);
        ListeningPorts listeners = new ListeningPorts(options.nettyPorts());
        ListeningPort game = listeners.register(new Object(), "127.0.0.1:3010", 3010, "io.netty.channel.socket.nio.NioServerSocketChannel");
        ListeningPort broker = listeners.register(new Object(), "127.0.0.1:4000", 4000, "io.netty.channel.epoll.EpollServerSocketChannel");
        game.opened();
        game.opened();
        game.closed();
        Object link = new Object();
        broker.openedUncounted(link);
        broker.openedUncounted(link);
        List<HookState> hooks = List.of(new HookState("hook.bind", "a.B#bind/2 session=arg0 uid=arg1", HookState.INSTALLED,
                1, 12, null), new HookState("hook.unbind", "a.B#unbind/1 session=arg0", HookState.FAILED, 0, 0,
                "hook.unbind: a.B has no method unbind with 1 parameter(s); hook skipped"));
        ObjectName name = MBeanPublisher.objectName("Agent", "agent-mbean-1");
        try (AutoCloseable published = MBeanPublisher.publishAgent(view(options, listeners, hooks), "agent-mbean-1")) {
            assertThat(server.getAttribute(name, "Version")).isEqualTo("1.2.3");
            assertThat(server.getAttribute(name, "JolokiaUrl")).isEqualTo("http://127.0.0.1:8778/jolokia");
            TabularData optionTable = (TabularData) server.getAttribute(name, "Options");
            assertThat(optionTable.get(new Object[] {"netty.ports"}).get("value")).isEqualTo("3010");
            assertThat(optionTable.get(new Object[] {"jolokia.password"}).get("value")).isNotEqualTo("secret");

            CompositeData[] rows = (CompositeData[]) server.getAttribute(name, "Listeners");
            assertThat(rows).hasSize(2);
            assertThat(rows[0].get("address")).isEqualTo("127.0.0.1:3010");
            assertThat(rows[0].get("counted")).isEqualTo(true);
            assertThat(rows[0].get("openConnections")).isEqualTo(1);
            assertThat(rows[0].get("acceptedTotal")).isEqualTo(2L);
            assertThat(rows[1].get("serverChannelClass")).isEqualTo("io.netty.channel.epoll.EpollServerSocketChannel");
            assertThat(rows[1].get("counted")).isEqualTo(false);
            assertThat(rows[1].get("openConnections")).isEqualTo(1);

            CompositeData[] hookRows = (CompositeData[]) server.getAttribute(name, "Hooks");
            assertThat(hookRows[0].get("state")).isEqualTo("installed");
            assertThat(hookRows[0].get("calls")).isEqualTo(12L);
            assertThat(hookRows[0].get("lastError")).isEqualTo("");
            assertThat(hookRows[1].get("role")).isEqualTo("hook.unbind");
            assertThat(hookRows[1].get("state")).isEqualTo("failed");
            assertThat((String) hookRows[1].get("lastError")).contains("has no method unbind");

            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                assertThat(attribute.isWritable()).as(attribute.getName()).isFalse();
                assertThat(attribute.getDescription()).as(attribute.getName()).doesNotStartWith("Attribute exposed");
            }
            assertThat(server.getMBeanInfo(name).getOperations()).isEmpty();
        }
        assertThat(server.isRegistered(name)).isFalse();
    }

    private static AgentView view(AgentOptions options, ListeningPorts listeners, List<HookState> hooks) {
        return new AgentView() {
            @Override
            public String version() {
                return "1.2.3";
            }

            @Override
            public Map<String, String> options() {
                return options.asMap();
            }

            @Override
            public List<ListeningPort> listeners() {
                return listeners.all();
            }

            @Override
            public List<HookState> hooks() {
                return hooks;
            }

            @Override
            public String jolokiaUrl() {
                return "http://127.0.0.1:8778/jolokia";
            }
        };
    }
}
