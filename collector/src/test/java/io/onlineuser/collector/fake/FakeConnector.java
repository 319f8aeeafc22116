package io.onlineuser.collector.fake;

import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Stand-in MBeans for one server id, registered in this JVM under the agent's names, so that the
 * real Jolokia of {@link FakeAgent} serves them. Users are kept sorted by login time like the agent does.
 */
public final class FakeConnector implements StatsMXBean, AutoCloseable {

    private static final AtomicLong SESSION_IDS = new AtomicLong();

    private final String serverId;
    private final ConcurrentSkipListMap<String, LoginRow> users = new ConcurrentSkipListMap<>();
    private final ObjectName statsName;
    private final ObjectName sessionName;

    public FakeConnector(String serverId) throws JMException {
        this.serverId = serverId;
        this.statsName = new ObjectName("onlineuser:type=ConnectionStats,serverId=" + ObjectName.quote(serverId));
        this.sessionName = new ObjectName("onlineuser:type=Session,serverId=" + ObjectName.quote(serverId));
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        server.registerMBean(new StandardMBean(this, StatsMXBean.class, true), statsName);
        server.registerMBean(new StandardMBean(new SessionsView(), SessionsMXBean.class, true), sessionName);
    }

    public FakeConnector login(String uid) {
        users.put(uid, new LoginRow(uid, 1_700_000_000_000L + users.size(), "10.0.0.1:" + (40000 + users.size())));
        return this;
    }

    public FakeConnector loginMany(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            login(prefix + i);
        }
        return this;
    }

    @Override
    public String getServerId() {
        return serverId;
    }

    @Override
    public String getServerType() {
        return "connector";
    }

    @Override
    public int getTotalConnCount() {
        return users.size() + 1;
    }

    @Override
    public int getLoginedCount() {
        return users.size();
    }

    @Override
    public int getSessionCount() {
        return users.size();
    }

    @Override
    public long getStartTime() {
        return 1_700_000_000_000L;
    }

    @Override
    public List<LoginRow> loginedList(int offset, int limit) {
        return users.values().stream().skip(offset).limit(limit).toList();
    }

    public Map<String, LoginRow> users() {
        return users;
    }

    @Override
    public void close() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        server.unregisterMBean(statsName);
        server.unregisterMBean(sessionName);
    }

    /** A second object: the MXBean machinery refuses one object under two names. */
    private final class SessionsView implements SessionsMXBean {
        @Override
        public boolean isOnline(String uid) {
            return users.containsKey(uid);
        }

        @Override
        public List<SessionRow> getByUid(String uid) {
            LoginRow row = users.get(uid);
            return row == null ? List.of() : List.of(new SessionRow(SESSION_IDS.incrementAndGet(), row, serverId));
        }

        @Override
        public int kick(String uid, String reason) {
            return users.remove(uid) == null ? 0 : 1;
        }
    }
}
