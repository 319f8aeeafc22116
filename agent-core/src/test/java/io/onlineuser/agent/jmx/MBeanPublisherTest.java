package io.onlineuser.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.track.OnlineTracker;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MBeanPublisherTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final OnlineTracker tracker = new OnlineTracker(() -> 42_000L);
    private final String serverId = "jmx-test-" + IDS.incrementAndGet();
    private final ObjectName stats = MBeanPublisher.objectName("ConnectionStats", serverId);
    private final ObjectName session = MBeanPublisher.objectName("Session", serverId);
    private AutoCloseable published;

    private void publish(String extraOptions) {
        published = MBeanPublisher.publish(tracker,
                AgentOptions.parse("serverId=" + serverId + ",serverType=gate" + extraOptions, null));
    }

    @AfterEach
    void unpublish() throws Exception {
        if (published != null) {
            published.close();
        }
        assertThat(server.isRegistered(stats)).isFalse();
        assertThat(server.isRegistered(session)).isFalse();
    }

    @Test
    void attributesAreTheTrackerCounts() throws Exception {
        publish("");
        Object channel = new Object();
        tracker.connectionActive(channel, "10.0.0.7:4000");
        tracker.sessionBound(new Object(), "u1", channel, null);
        tracker.sessionBound(new Object(), "u1", null, null);

        assertThat(server.getAttribute(stats, "ServerId")).isEqualTo(serverId);
        assertThat(server.getAttribute(stats, "ServerType")).isEqualTo("gate");
        assertThat(server.getAttribute(stats, "TotalConnCount")).isEqualTo(1);
        assertThat(server.getAttribute(stats, "LoginedCount")).isEqualTo(1);
        assertThat(server.getAttribute(stats, "SessionCount")).isEqualTo(2);
        assertThat(server.getAttribute(stats, "PeakConnCount")).isEqualTo(1);
        assertThat(server.getAttribute(stats, "PeakLoginedCount")).isEqualTo(1);
        assertThat(server.getAttribute(stats, "AcceptedConnTotal")).isEqualTo(1L);
        assertThat(server.getAttribute(stats, "ClosedConnTotal")).isEqualTo(0L);
        assertThat(server.getAttribute(stats, "LoginTotal")).isEqualTo(2L);
        assertThat(server.getAttribute(stats, "LogoutTotal")).isEqualTo(0L);
        assertThat(server.getAttribute(stats, "KickTotal")).isEqualTo(0L);
        assertThat(server.getAttribute(stats, "StartTime")).isEqualTo(42_000L);
    }

    @Test
    void statisticsInfoIsPomelosObjectAsOpenTypes() throws Exception {
        publish("");
        tracker.connectionActive("channel", "10.0.0.7:4000");
        tracker.sessionBound(new Object(), "u1", "channel", null);
        tracker.sessionBound(new Object(), "u2", null, null);

        CompositeData info = (CompositeData) server.invoke(stats, "statisticsInfo", new Object[] {1},
                new String[] {"int"});

        assertThat(info.get("serverId")).isEqualTo(serverId);
        assertThat(info.get("totalConnCount")).isEqualTo(1);
        assertThat(info.get("loginedCount")).isEqualTo(2);
        CompositeData[] list = (CompositeData[]) info.get("loginedList");
        assertThat(list).hasSize(1);
        assertThat(list[0].get("uid")).isEqualTo("u1");
        assertThat(list[0].get("loginTime")).isEqualTo(42_000L);
        assertThat(list[0].get("address")).isEqualTo("10.0.0.7:4000");
        assertThat(list[0].get("sessionCount")).isEqualTo(1);

        CompositeData[] page = (CompositeData[]) server.invoke(stats, "loginedList", new Object[] {1, 10},
                new String[] {"int", "int"});
        assertThat(page).extracting(row -> row.get("uid")).containsExactly("u2");
    }

    @Test
    void sessionDurationsAreOpenTypesWithCumulativeBucketsPerWayOfEnding() throws Exception {
        publish("");
        Object loggedOut = new Object();
        tracker.connectionActive("channel", "10.0.0.7:4000");
        tracker.sessionBound(loggedOut, "u1", null, null);
        tracker.sessionBound(new Object(), "u2", "channel", null);
        tracker.sessionUnbound(loggedOut);
        tracker.connectionInactive("channel");

        CompositeData durations = (CompositeData) server.getAttribute(stats, "SessionDurations");
        assertThat(durations.getCompositeType().keySet()).containsExactlyInAnyOrder("logout", "closed", "kick");
        CompositeData logout = (CompositeData) durations.get("logout");
        assertThat(logout.get("count")).isEqualTo(1L);
        assertThat(logout.get("sum")).isEqualTo(0.0);
        TabularData buckets = (TabularData) logout.get("buckets");
        assertThat(buckets.getTabularType().getIndexNames()).containsExactly("key");
        Map<Object, Object> byBound = new TreeMap<>();
        for (Object row : buckets.values()) {
            byBound.put(((CompositeData) row).get("key"), ((CompositeData) row).get("value"));
        }
        assertThat(byBound).containsOnlyKeys("10", "30", "60", "300", "900", "1800", "3600", "7200", "14400", "28800", "+Inf")
                .allSatisfy((bound, count) -> assertThat(count).as("sessions <= %s s", bound).isEqualTo(1L));
        assertThat(((CompositeData) durations.get("closed")).get("count")).isEqualTo(1L);
        assertThat(((CompositeData) durations.get("kick")).get("count")).isEqualTo(0L);

        MBeanAttributeInfo info = Arrays.stream(server.getMBeanInfo(stats).getAttributes())
                .filter(a -> a.getName().equals("SessionDurations")).findFirst().orElseThrow();
        assertThat(info.getDescription()).contains("logout, closed, kick").contains("+Inf");
    }

    @Test
    void getByUidGivesPomelosSessionRows() throws Exception {
        publish("");
        tracker.sessionBound(new Object(), "u1", null, "10.1.1.1:1");

        CompositeData[] rows = (CompositeData[]) server.invoke(session, "getByUid", new Object[] {"u1"},
                new String[] {String.class.getName()});

        assertThat(rows).hasSize(1);
        CompositeType type = rows[0].getCompositeType();
        assertThat(type.keySet()).containsExactlyInAnyOrder("sessionId", "uid", "frontendId", "loginTime", "address");
        assertThat(rows[0].get("frontendId")).isEqualTo(serverId);
        assertThat((Long) rows[0].get("sessionId")).isPositive();
        assertThat(server.invoke(session, "isOnline", new Object[] {"u1"}, new String[] {String.class.getName()}))
                .isEqualTo(true);
        assertThat(server.invoke(session, "getByUid", new Object[] {"nobody"}, new String[] {String.class.getName()}))
                .isEqualTo(new CompositeData[0]);
    }

    @Test
    void listThenWatchOperationsAnswerTheContractsShapes() throws Exception {
        publish("");
        String[] stringInt = {String.class.getName(), "int"};
        CompositeData start = (CompositeData) server.invoke(session, "changes", new Object[] {"", 0}, stringInt);
        tracker.sessionBound(new Object(), "u1", null, "10.1.1.1:1");
        tracker.sessionBound(new Object(), "u2", null, null);

        CompositeData changes = (CompositeData) server.invoke(session, "changes",
                new Object[] {start.get("cursor"), 10}, stringInt);
        CompositeData sessions = (CompositeData) server.invoke(session, "sessions", new Object[] {"", 1}, stringInt);
        CompositeData logins = (CompositeData) server.invoke(stats, "loginedPage",
                new Object[] {sessions.get("next"), 10}, stringInt);

        assertThat(changes.getCompositeType().keySet()).containsExactlyInAnyOrder("cursor", "gap", "events");
        assertThat(changes.get("gap")).isEqualTo(false);
        CompositeData[] events = (CompositeData[]) changes.get("events");
        assertThat(events[0].getCompositeType().keySet())
                .containsExactlyInAnyOrder("seq", "kind", "sessionId", "uid", "address", "time");
        assertThat(events).extracting(e -> e.get("kind"), e -> e.get("uid"), e -> e.get("address"), e -> e.get("time"))
                .containsExactly(tuple("LOGIN", "u1", "10.1.1.1:1", 42_000L),
                        tuple("LOGIN", "u2", null, 42_000L));
        assertThat(sessions.getCompositeType().keySet()).containsExactlyInAnyOrder("rows", "next");
        CompositeData[] rows = (CompositeData[]) sessions.get("rows");
        assertThat(rows[0].getCompositeType().keySet()).containsExactlyInAnyOrder("sessionId", "uid", "loginTime", "address");
        assertThat(rows).extracting(row -> row.get("uid")).containsExactly("u1");
        assertThat((CompositeData[]) logins.get("rows")).extracting(row -> row.get("uid")).containsExactly("u2");
        assertThat(logins.get("next")).isNull();
        assertThat(server.getMBeanInfo(session).getOperations()).extracting(MBeanOperationInfo::getName,
                MBeanOperationInfo::getImpact).contains(
                        tuple("changes", MBeanOperationInfo.INFO),
                        tuple("sessions", MBeanOperationInfo.INFO));
    }

    @Test
    void mxbeanProxiesRebuildTheRows() {
        publish("");
        tracker.sessionBound(new Object(), "u1", null, "10.1.1.1:1");

        SessionMBean proxy = JMX.newMXBeanProxy(server, session, SessionMBean.class);
        ConnectionStatsMBean statsProxy = JMX.newMXBeanProxy(server, stats, ConnectionStatsMBean.class);

        assertThat(proxy.getByUid("u1")[0].getAddress()).isEqualTo("10.1.1.1:1");
        assertThat(statsProxy.statisticsInfo(10).getLoginedList()[0].getUid()).isEqualTo("u1");
    }

    @Test
    void everyAttributeOperationAndParameterIsDescribedForJConsole() throws Exception {
        publish("");
        for (ObjectName name : new ObjectName[] {stats, session}) {
            MBeanInfo info = server.getMBeanInfo(name);
            assertThat(info.getDescriptor().getFieldValue("mxbean")).isEqualTo("true");
            assertThat(info.getDescription()).contains(serverId);
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                assertThat(attribute.getDescription()).as(attribute.getName()).isNotEqualTo(attribute.getName()).hasSizeGreaterThan(15);
                assertThat(attribute.isWritable()).isFalse();
            }
            for (MBeanOperationInfo operation : info.getOperations()) {
                assertThat(operation.getDescription()).as(operation.getName()).hasSizeGreaterThan(15);
                for (MBeanParameterInfo parameter : operation.getSignature()) {
                    assertThat(parameter.getName()).as(operation.getName()).doesNotMatch("p\\d+");
                    assertThat(parameter.getDescription()).isNotEqualTo(parameter.getName());
                }
            }
        }
        assertThat(impacts(stats)).containsEntry("statisticsInfo", MBeanOperationInfo.INFO)
                .containsEntry("loginedList", MBeanOperationInfo.INFO)
                .containsEntry("resetPeaks", MBeanOperationInfo.ACTION);
        assertThat(impacts(session)).containsEntry("isOnline", MBeanOperationInfo.INFO)
                .containsEntry("getByUid", MBeanOperationInfo.INFO)
                .containsEntry("kick", MBeanOperationInfo.ACTION)
                .containsEntry("kickBySessionId", MBeanOperationInfo.ACTION);
        MBeanOperationInfo kick = Arrays.stream(server.getMBeanInfo(session).getOperations())
                .filter(op -> op.getName().equals("kick")).findFirst().orElseThrow();
        assertThat(kick.getSignature()).extracting(MBeanParameterInfo::getName).containsExactly("uid", "reason");
        assertThat(Arrays.stream(server.getMBeanInfo(stats).getAttributes()).map(MBeanAttributeInfo::getName))
                .containsExactlyInAnyOrder("ServerId", "ServerType", "TotalConnCount", "LoginedCount",
                        "SessionCount", "PeakConnCount", "PeakLoginedCount", "AcceptedConnTotal",
                        "ClosedConnTotal", "LoginTotal", "LogoutTotal", "KickTotal", "SessionDurations", "StartTime");
    }

    private Map<String, Integer> impacts(ObjectName name) throws Exception {
        Map<String, Integer> impacts = new TreeMap<>();
        for (MBeanOperationInfo operation : server.getMBeanInfo(name).getOperations()) {
            impacts.put(operation.getName(), operation.getImpact());
        }
        return impacts;
    }

    @Test
    void kickIsRefusedWhenDisabled() {
        publish("");
        tracker.setKicker((s, c, r) -> true);
        tracker.sessionBound(new Object(), "u1", null, null);

        assertThatThrownBy(() -> server.invoke(session, "kick", new Object[] {"u1", "r"},
                new String[] {String.class.getName(), String.class.getName()}))
                .isInstanceOf(RuntimeMBeanException.class)
                .hasRootCauseInstanceOf(SecurityException.class)
                .hasRootCauseMessage("kick is disabled; start the agent with kick.enabled=true");
        assertThatThrownBy(() -> server.invoke(session, "kickBySessionId", new Object[] {1L, "r"},
                new String[] {"long", String.class.getName()}))
                .hasRootCauseInstanceOf(SecurityException.class);
        assertThat(tracker.kickTotal()).isZero();
    }

    @Test
    void kickWorksWhenEnabled() throws Exception {
        publish(",kick.enabled=true");
        tracker.setKicker((s, c, r) -> "bye".equals(r));
        tracker.sessionBound(new Object(), "u1", null, null);
        SessionMBean proxy = JMX.newMXBeanProxy(server, session, SessionMBean.class);

        assertThat(proxy.kick("u1", "bye")).isEqualTo(1);
        assertThat(proxy.kickBySessionId(proxy.getByUid("u1")[0].getSessionId(), "bye")).isTrue();
        assertThat(proxy.kickBySessionId(999_999, "bye")).isFalse();
        assertThat(server.getAttribute(stats, "KickTotal")).isEqualTo(2L);
    }

    @Test
    void badArgumentsGetAClearMessage() {
        publish(",kick.enabled=true");
        SessionMBean sessions = JMX.newMXBeanProxy(server, session, SessionMBean.class);
        ConnectionStatsMBean statsProxy = JMX.newMXBeanProxy(server, stats, ConnectionStatsMBean.class);
        String hugeUid = "x".repeat(1 << 20);

        assertBadArgument(() -> sessions.isOnline(null), "uid must not be empty");
        assertBadArgument(() -> sessions.isOnline(""), "uid must not be empty");
        assertBadArgument(() -> sessions.getByUid(hugeUid), "uid is 1048576 characters long; at most 1024 are allowed");
        assertBadArgument(() -> sessions.kick(hugeUid, "r"), "uid is 1048576 characters long");
        assertBadArgument(() -> sessions.kick("u1", hugeUid), "reason is 1048576 characters long");
        assertBadArgument(() -> sessions.kickBySessionId(0, "r"), "sessionId must be greater than 0, was 0");
        assertBadArgument(() -> statsProxy.loginedList(-1, 10), "offset must be 0 or more, was -1");
        assertBadArgument(() -> statsProxy.loginedList(0, -1), "limit must be between 0 and 10000, was -1");
        assertBadArgument(() -> statsProxy.loginedList(0, Integer.MAX_VALUE), "limit must be between 0 and 10000");
        assertBadArgument(() -> statsProxy.statisticsInfo(20_000), "limit must be between 0 and 10000, was 20000");
    }

    private static void assertBadArgument(Runnable call, String message) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isNotNull();
        while (thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void resetPeaksThroughJmx() throws Exception {
        publish("");
        tracker.connectionActive("a", null);
        tracker.connectionInactive("a");

        server.invoke(stats, "resetPeaks", new Object[0], new String[0]);

        assertThat(server.getAttribute(stats, "PeakConnCount")).isEqualTo(0);
    }

    @Test
    void aSecondPublishForTheSameServerIdLeavesTheFirstInPlace() throws Exception {
        publish("");
        AutoCloseable second = MBeanPublisher.publish(new OnlineTracker(() -> 7L),
                AgentOptions.parse("serverId=" + serverId, null));
        second.close();

        assertThat(server.getAttribute(stats, "StartTime")).isEqualTo(42_000L);
    }

    @Test
    void objectNamesQuoteIdsThatNeedIt() {
        assertThat(MBeanPublisher.objectName("Session", "connector-1").toString())
                .isEqualTo("onlineuser:type=Session,serverId=connector-1");
        assertThat(MBeanPublisher.objectName("Session", "a,b=c").getKeyProperty("serverId"))
                .isEqualTo(ObjectName.quote("a,b=c"));
    }
}
