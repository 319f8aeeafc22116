package io.onlineuser.agent.jmx;

import io.onlineuser.agent.track.Changes;
import io.onlineuser.agent.track.JournalEvent;
import io.onlineuser.agent.track.LoginView;
import io.onlineuser.agent.track.Page;
import io.onlineuser.agent.track.SessionView;
import java.util.List;

/** The values behind the list-then-watch interfaces (changes, sessions and loginedPage). */
final class PageValues {

    private PageValues() {
    }

    static ChangesPage changes(Changes changes) {
        List<JournalEvent> events = changes.events();
        SessionEvent[] rows = new SessionEvent[events.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Event(events.get(i));
        }
        return new ChangesValue(changes.cursor(), changes.gap(), rows);
    }

    static SessionPage sessions(Page<SessionView> page) {
        List<SessionView> views = page.rows();
        ListedSession[] rows = new ListedSession[views.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Listed(views.get(i));
        }
        return new SessionPageValue(rows, page.next());
    }

    static LoginPage logins(Page<LoginView> page) {
        return new LoginPageValue(RowValues.loginRows(page.rows()), page.next());
    }

    private static final class ChangesValue implements ChangesPage {
        private final String cursor;
        private final boolean gap;
        private final SessionEvent[] events;

        ChangesValue(String cursor, boolean gap, SessionEvent[] events) {
            this.cursor = cursor;
            this.gap = gap;
            this.events = events;
        }

        @Override
        public String getCursor() {
            return cursor;
        }

        @Override
        public boolean isGap() {
            return gap;
        }

        @Override
        public SessionEvent[] getEvents() {
            return events.clone();
        }
    }

    private static final class Event implements SessionEvent {
        private final JournalEvent event;

        Event(JournalEvent event) {
            this.event = event;
        }

        @Override
        public long getSeq() {
            return event.seq();
        }

        @Override
        public String getKind() {
            return event.kind();
        }

        @Override
        public long getSessionId() {
            return event.sessionId();
        }

        @Override
        public String getUid() {
            return event.uid();
        }

        @Override
        public String getAddress() {
            return event.address();
        }

        @Override
        public long getTime() {
            return event.time();
        }
    }

    private static final class Listed implements ListedSession {
        private final SessionView view;

        Listed(SessionView view) {
            this.view = view;
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
        public long getLoginTime() {
            return view.loginTime();
        }

        @Override
        public String getAddress() {
            return view.address();
        }
    }

    private static final class SessionPageValue implements SessionPage {
        private final ListedSession[] rows;
        private final String next;

        SessionPageValue(ListedSession[] rows, String next) {
            this.rows = rows;
            this.next = next;
        }

        @Override
        public ListedSession[] getRows() {
            return rows.clone();
        }

        @Override
        public String getNext() {
            return next;
        }
    }

    private static final class LoginPageValue implements LoginPage {
        private final LoginRow[] rows;
        private final String next;

        LoginPageValue(LoginRow[] rows, String next) {
            this.rows = rows;
            this.next = next;
        }

        @Override
        public LoginRow[] getRows() {
            return rows.clone();
        }

        @Override
        public String getNext() {
            return next;
        }
    }
}
