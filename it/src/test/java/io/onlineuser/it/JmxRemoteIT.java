package io.onlineuser.it;

import io.onlineuser.testkit.ConnectorProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.tools.attach.VirtualMachine;
import io.onlineuser.sample.client.PomeloClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our MBeans seen the way JConsole sees them: attach to the connector's pid, start its local
 * management agent, connect with the JMX remote API, and read what the MBeans tab shows.
 */
class JmxRemoteIT {

    private static final String SERVER_ID = "connector-jmx-1";
    private static final List<String> UIDS = List.of("jmx-alice", "jmx-bob", "jmx-carol");
    /** The descriptions the JDK fills in when an MBean says nothing about itself. */
    private static final List<String> JDK_DEFAULT_DESCRIPTIONS = List.of(
            "Attribute exposed for management", "Operation exposed for management",
            "Information on the management interface of the MBean", "");

    private static ConnectorProcess connector;
    private static final List<PomeloClient> clients = new ArrayList<>();
    private static JMXConnector jmx;
    private static MBeanServerConnection mbeans;
    private static ObjectName stats;
    private static ObjectName session;

    @BeforeAll
    static void connectLikeJConsole() throws Exception {
        connector = AgentConnector.start(SERVER_ID, Map.of(), List.of());
        for (String uid : UIDS) {
            PomeloClient client = PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort());
            clients.add(client);
            assertThat(client.login(uid)).as("login of %s", uid).isEqualTo(200);
        }
        VirtualMachine vm = VirtualMachine.attach(Long.toString(connector.pid()));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
        mbeans = jmx.getMBeanServerConnection();
        stats = new ObjectName(OnlineuserMetric.CONNECTION_STATS + SERVER_ID);
        session = new ObjectName("onlineuser:type=Session,serverId=" + SERVER_ID);
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (jmx != null) {
            jmx.close();
        }
        clients.forEach(PomeloClient::abort);
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void theTreeShowsOneBeanOfEachTypeUnderTheServerId() throws Exception {
        ObjectName agent = new ObjectName("onlineuser:type=Agent,serverId=" + SERVER_ID);
        assertThat(mbeans.queryNames(new ObjectName("onlineuser:*"), null))
                .containsExactlyInAnyOrder(stats, session, agent);
        assertThat(mbeans.queryNames(new ObjectName("onlineuser:type=ConnectionStats,*"), null)).containsExactly(stats);
    }

    @Test
    void attributesCountTheLoggedInClients() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mbeans.getAttribute(stats, "TotalConnCount")).isEqualTo(3);
            assertThat(mbeans.getAttribute(stats, "LoginedCount")).isEqualTo(3);
        });
        assertThat(mbeans.getAttribute(stats, "ServerId")).isEqualTo(SERVER_ID);
        assertThat(mbeans.getAttribute(stats, "SessionCount")).isEqualTo(3);
        assertThat(mbeans.getAttribute(stats, "LoginTotal")).isEqualTo(3L);
        assertThat((Long) mbeans.getAttribute(stats, "StartTime")).isPositive().isLessThanOrEqualTo(System.currentTimeMillis());
    }

    @Test
    void isOnlineAndGetByUidAnswerForAPlayer() throws Exception {
        assertThat(invoke(session, "isOnline", "jmx-bob")).isEqualTo(true);
        assertThat(invoke(session, "isOnline", "nobody-here")).isEqualTo(false);

        CompositeData[] sessions = (CompositeData[]) invoke(session, "getByUid", "jmx-bob");
        assertThat(sessions).singleElement().satisfies(s -> {
            assertThat(s.get("uid")).isEqualTo("jmx-bob");
            assertThat(s.get("frontendId")).isEqualTo(SERVER_ID);
            assertThat((String) s.get("address")).startsWith("127.0.0.1:");
            assertThat((Long) s.get("loginTime")).isPositive();
        });
        assertThat((CompositeData[]) invoke(session, "getByUid", "nobody-here")).isEmpty();
    }

    @Test
    void loginedListPagesThroughEveryPlayerOnce() throws Exception {
        CompositeData[] first = (CompositeData[]) mbeans.invoke(stats, "loginedList", new Object[] {0, 2}, new String[] {"int", "int"});
        CompositeData[] second = (CompositeData[]) mbeans.invoke(stats, "loginedList", new Object[] {2, 2}, new String[] {"int", "int"});
        CompositeData[] beyond = (CompositeData[]) mbeans.invoke(stats, "loginedList", new Object[] {3, 2}, new String[] {"int", "int"});
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(beyond).isEmpty();
        List<String> uids = new ArrayList<>();
        for (CompositeData entry : concat(first, second)) {
            uids.add((String) entry.get("uid"));
            assertThat((Long) entry.get("loginTime")).isPositive();
            assertThat((String) entry.get("address")).startsWith("127.0.0.1:");
        }
        assertThat(uids).containsExactlyInAnyOrderElementsOf(UIDS);
        List<Long> times = Arrays.stream(concat(first, second)).map(e -> (Long) e.get("loginTime")).collect(Collectors.toList());
        assertThat(times).as("ordered by loginTime").isSorted();
    }

    @Test
    void everyAttributeAndOperationIsDescribedForJConsole() throws Exception {
        for (ObjectName name : List.of(stats, session)) {
            MBeanInfo info = mbeans.getMBeanInfo(name);
            assertThat(info.getDescriptor().getFieldValue("mxbean")).as("%s is an MXBean", name).isEqualTo("true");
            assertThat(info.getDescription()).as("description of %s", name).isNotIn(JDK_DEFAULT_DESCRIPTIONS);
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                assertThat(attribute.getDescription()).as("description of %s.%s", name, attribute.getName()).isNotIn(JDK_DEFAULT_DESCRIPTIONS);
                assertThat(attribute.isWritable()).as("%s.%s is read-only", name, attribute.getName()).isFalse();
            }
            for (MBeanOperationInfo operation : info.getOperations()) {
                String op = name.getKeyProperty("type") + "." + operation.getName();
                assertThat(operation.getDescription()).as("description of %s", op).isNotIn(JDK_DEFAULT_DESCRIPTIONS);
                for (MBeanParameterInfo parameter : operation.getSignature()) {
                    assertThat(parameter.getName()).as("parameter name in %s", op).doesNotMatch("p\\d+");
                    assertThat(parameter.getDescription()).as("parameter %s of %s", parameter.getName(), op).isNotBlank();
                }
            }
        }
        Map<String, Integer> impacts = impacts(stats);
        impacts.putAll(impacts(session));
        assertThat(impacts).containsEntry("isOnline", MBeanOperationInfo.INFO)
                .containsEntry("getByUid", MBeanOperationInfo.INFO)
                .containsEntry("loginedList", MBeanOperationInfo.INFO)
                .containsEntry("statisticsInfo", MBeanOperationInfo.INFO)
                .containsEntry("resetPeaks", MBeanOperationInfo.ACTION)
                .containsEntry("kick", MBeanOperationInfo.ACTION)
                .containsEntry("kickBySessionId", MBeanOperationInfo.ACTION);
        assertThat(parameterNames(session, "isOnline")).containsExactly("uid");
        assertThat(parameterNames(session, "kick")).containsExactly("uid", "reason");
        assertThat(parameterNames(stats, "loginedList")).containsExactly("offset", "limit");
    }

    private static List<String> parameterNames(ObjectName name, String operation) throws Exception {
        MBeanOperationInfo info = Arrays.stream(mbeans.getMBeanInfo(name).getOperations())
                .filter(o -> o.getName().equals(operation)).findFirst().orElseThrow();
        return Arrays.stream(info.getSignature()).map(MBeanParameterInfo::getName).collect(Collectors.toList());
    }

    private static Map<String, Integer> impacts(ObjectName name) throws Exception {
        return Arrays.stream(mbeans.getMBeanInfo(name).getOperations())
                .collect(Collectors.toMap(MBeanOperationInfo::getName, MBeanOperationInfo::getImpact, (a, b) -> a, HashMap::new));
    }

    private static Object invoke(ObjectName name, String operation, String uid) throws Exception {
        return mbeans.invoke(name, operation, new Object[] {uid}, new String[] {String.class.getName()});
    }

    private static CompositeData[] concat(CompositeData[] a, CompositeData[] b) {
        CompositeData[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
