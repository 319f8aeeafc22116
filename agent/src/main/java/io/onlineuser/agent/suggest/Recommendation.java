package io.onlineuser.agent.suggest;

import io.onlineuser.agent.instrument.hook.HookRole;
import java.util.ArrayList;
import java.util.List;

/**
 * The hook lines a watch proves. A bind: the best-ranked bind candidate that was called and whose
 * every call gave a uid and a session that leads to a connection. An unbind: of those called, the
 * one that ended the most of that bind's sessions after their login (ties: the better-ranked). A
 * kick: one that was called without a failure; an unproven kick is offered as a comment. When the
 * bind's logins ended only by their connection closing, no unbind is needed: the agent counts
 * closes without a hook.
 */
final class Recommendation {

    final ProbeRecord bind;
    final ProbeRecord unbind;
    final int unbound;
    final List<String> lines = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    private Recommendation(ProbeRecord bind, ProbeRecord unbind, int unbound) {
        this.bind = bind;
        this.unbind = unbind;
        this.unbound = unbound;
    }

    /** @param records the watch's records, each role's in rank order */
    static Recommendation of(List<ProbeRecord> records) {
        ProbeRecord bind = null;
        for (ProbeRecord record : of(records, HookRole.BIND)) {
            if (record.calls() > 0 && record.failures() == 0) {
                bind = record;
                break;
            }
        }
        if (bind == null) {
            return new Recommendation(null, null, 0);
        }
        ProbeRecord unbind = null;
        int unbound = 0;
        for (ProbeRecord record : of(records, HookRole.UNBIND)) {
            int ended = record.failures() == 0 ? record.endedAfter(bind) : 0;
            if (ended > unbound) {
                unbind = record;
                unbound = ended;
            }
        }
        Recommendation result = new Recommendation(bind, unbind, unbound);
        result.lines.add(line(bind));
        if (unbind != null) {
            result.lines.add(line(unbind));
        } else {
            int closed = bind.closedNow();
            result.notes.add(closed > 0
                    ? "# no hook.unbind needed: " + closed + " of the " + bind.sessions().size()
                    + " logins seen ended by their connection closing, which the agent counts without a hook"
                    : "# no hook.unbind proven: no logout during the watch ended a login the bind saw"
                    + " (watch again while players log out, or logins end only when their connection closes)");
        }
        ProbeRecord kick = null;
        for (ProbeRecord record : of(records, HookRole.KICK)) {
            if (record.calls() > 0 && record.failures() == 0) {
                kick = record;
                break;
            }
        }
        if (kick != null) {
            result.lines.add(line(kick));
        } else {
            List<ProbeRecord> kicks = of(records, HookRole.KICK);
            if (!kicks.isEmpty()) {
                result.notes.add("# " + line(kicks.get(0)) + "   (not called during the watch: unproven)");
            }
        }
        return result;
    }

    boolean found() {
        return bind != null;
    }

    static String line(ProbeRecord record) {
        return record.spec().role().optionKey() + "=" + record.spec();
    }

    private static List<ProbeRecord> of(List<ProbeRecord> records, HookRole role) {
        List<ProbeRecord> matching = new ArrayList<>();
        for (ProbeRecord record : records) {
            if (record.spec().role() == role) {
                matching.add(record);
            }
        }
        return matching;
    }
}
