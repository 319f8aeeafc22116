package io.onlineuser.collector.fake;

import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final ObjectName agentName;
    private final FakeJournal journal = new FakeJournal();
    private final Map<String, Long> sessionIds = new ConcurrentHashMap<>();
    private volatile boolean kickEnabled;
    private volatile long startTime = 1_700_000_000_000L;
    private volatile int notLoggedIn = 1;

    public FakeConnector(String serverId) throws JMException {
        this.serverId = serverId;
        this.statsName = new ObjectName("onlineuser:type=ConnectionStats,serverId=" + ObjectName.quote(serverId));
        this.sessionName = new ObjectName("onlineuser:type=Session,serverId=" + ObjectName.quote(serverId));
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        server.registerMBean(new StandardMBean(this, StatsMXBean.class, true), statsName);
        server.registerMBean(new StandardMBean(new SessionsView(), SessionsMXBean.class, true), sessionName);
        this.agentName = new ObjectName("onlineuser:type=Agent,serverId=" + ObjectName.quote(serverId));
        server.registerMBean(new StandardMBean((AgentMXBean) () -> Map.of("serverId", serverId,
                "kick.enabled", String.valueOf(kickEnabled)), AgentMXBean.class, true), agentName);
    }

    /** Logs {@code uid} in (a second login of an online uid is ignored: one session per uid here). */
    public synchronized FakeConnector login(String uid) {
        if (users.containsKey(uid)) {
            return this;
        }
        LoginRow row = new LoginRow(uid, 1_700_000_000_000L + journal.nextSeq(), "10.0.0.1:" + (40000 + users.size()));
        long sessionId = SESSION_IDS.incrementAndGet();
        users.put(uid, row);
        sessionIds.put(uid, sessionId);
        journal.record("LOGIN", sessionId, row);
        return this;
    }

    public synchronized FakeConnector logout(String uid) {
        LoginRow row = users.remove(uid);
        Long sessionId = sessionIds.remove(uid);
        if (row != null) {
            journal.record("LOGOUT", sessionId, row);
        }
        return this;
    }

    /** As if the agent restarted: a new epoch (old cursors get gap=true), a new start time, nobody online. */
    public synchronized FakeConnector restart() {
        users.clear();
        sessionIds.clear();
        journal.newEpoch();
        startTime += 1000;
        return this;
    }

    /** Journal length (the agent's journal.size); events beyond it are dropped oldest first. */
    public FakeConnector journalSize(int size) {
        journal.capacity(size);
        return this;
    }

    /** Runs {@code logins} while no reader can see the journal, so a small journal surely overflows before the next read. */
    public FakeConnector burst(Runnable logins) {
        journal.whileLocked(logins);
        return this;
    }

    public FakeConnector kickEnabled(boolean enabled) {
        kickEnabled = enabled;
        return this;
    }

    /** Open connections that have not logged in (default 1): they change the counts, not the journal. */
    public FakeConnector notLoggedIn(int connections) {
        notLoggedIn = connections;
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
        return users.size() + notLoggedIn;
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
        return startTime;
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
        server.unregisterMBean(agentName);
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
            boolean online = users.containsKey(uid);
            logout(uid);
            return online ? 1 : 0;
        }

        @Override
        public ChangesAnswer changes(String cursor, int limit) {
            return journal.changes(cursor, limit);
        }

        @Override
        public SessionsAnswer sessions(String after, int limit) {
            synchronized (FakeConnector.this) {
                List<SessionPageRow> all = users.values().stream()
                        .map(row -> new SessionPageRow(sessionIds.get(row.getUid()), row))
                        .sorted(java.util.Comparator.comparingLong(SessionPageRow::getLoginTime).thenComparingLong(SessionPageRow::getSessionId))
                        .toList();
                int from = after.isEmpty() ? 0 : Integer.parseInt(after);
                int to = Math.min(all.size(), from + limit);
                return new SessionsAnswer(all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
            }
        }
    }
}
