package io.onlineuser.agent.jmx;

import io.onlineuser.agent.track.LoginView;
import io.onlineuser.agent.track.SessionView;
import java.util.List;

/** The values behind the MXBean row interfaces; the MXBean layer turns them into CompositeData. */
final class RowValues {

    private RowValues() {
    }

    static LoginRow[] loginRows(List<LoginView> views) {
        LoginRow[] rows = new LoginRow[views.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Login(views.get(i));
        }
        return rows;
    }

    static SessionRow[] sessionRows(List<SessionView> views, String frontendId) {
        SessionRow[] rows = new SessionRow[views.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Session(views.get(i), frontendId);
        }
        return rows;
    }

    private static final class Login implements LoginRow {
        private final LoginView view;

        Login(LoginView view) {
            this.view = view;
        }

        @Override
        public String getUid() {
            return view.uid();
        }

        @Override
        public long getLoginTime() {
            return view.loginTime();
        }

        @Override
        public String getAddress() {
            return view.address();
        }

        @Override
        public int getSessionCount() {
            return view.sessionCount();
        }
    }

    private static final class Session implements SessionRow {
        private final SessionView view;
        private final String frontendId;

        Session(SessionView view, String frontendId) {
            this.view = view;
            this.frontendId = frontendId;
        }

        @Override
        public long getSessionId() {
            return view.sessionId();
        }

        @Override
        public String getUid() {
            return view.uid();
        }

        @Override
        public String getFrontendId() {
            return frontendId;
        }

        @Override
        public long getLoginTime() {
            return view.loginTime();
        }

        @Override
        public String getAddress() {
            return view.address();
        }
    }

    static final class Statistics implements StatisticsInfo {
        private final String serverId;
        private final int totalConnCount;
        private final int loginedCount;
        private final LoginRow[] loginedList;

        Statistics(String serverId, int totalConnCount, int loginedCount, LoginRow[] loginedList) {
            this.serverId = serverId;
            this.totalConnCount = totalConnCount;
            this.loginedCount = loginedCount;
            this.loginedList = loginedList;
        }

        @Override
        public String getServerId() {
            return serverId;
        }

        @Override
        public int getTotalConnCount() {
            return totalConnCount;
        }

        @Override
        public int getLoginedCount() {
            return loginedCount;
        }

        @Override
        public LoginRow[] getLoginedList() {
            return loginedList.clone();
        }
    }
}
