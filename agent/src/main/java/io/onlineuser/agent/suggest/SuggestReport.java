package io.onlineuser.agent.suggest;

import io.onlineuser.agent.instrument.hook.HookRole;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jolokia.json.JSONArray;
import org.jolokia.json.JSONObject;

/**
 * What {@code suggest} prints: the ranked candidates, then (after a watch) what each probe saw and
 * the recommended lines. Only the recommended lines start with {@code hook.}, so
 * {@code grep '^hook\.'} gives a working configuration; everything else is indented or a comment.
 * The same content as JSON for {@code --json}.
 */
final class SuggestReport {

    static final int SHOWN_PER_ROLE = 5;
    private static final String NL = System.lineSeparator();

    private SuggestReport() {
    }

    static String proposal(String jvm, List<String> transports, List<Candidate> candidates, boolean all) {
        StringBuilder text = new StringBuilder();
        text.append("JVM ").append(jvm).append(": connections of ").append(String.join(", ", transports)).append(NL);
        text.append("candidates, best first (").append(all ? "frameworks' and libraries' classes included"
                : "the server's own classes; --all adds frameworks' and libraries'").append("):").append(NL);
        for (HookRole role : HookRole.values()) {
            List<Candidate> ofRole = ofRole(candidates, role);
            text.append("  ").append(role.optionKey()).append(ofRole.isEmpty() ? ": none" : "").append(NL);
            for (int i = 0; i < Math.min(SHOWN_PER_ROLE, ofRole.size()); i++) {
                Candidate candidate = ofRole.get(i);
                text.append("    ").append(i + 1).append(". ").append(candidate.line())
                        .append("   [score ").append(candidate.score()).append(']').append(NL);
                text.append("       ").append(String.join("; ", candidate.reasons())).append(NL);
            }
        }
        return text.toString();
    }

    static String watchStart(int probes, int methods, Duration watch) {
        return "watch: recording-only hooks on " + probes + " candidates (" + methods + " methods) for "
                + watch.toSeconds() + " s; they count nothing and change nothing the server does, and are removed"
                + " at the end" + NL;
    }

    static String watchResult(Watch.Outcome outcome, Recommendation recommended, Duration watch) {
        StringBuilder text = new StringBuilder();
        text.append("watch ended after ").append(watch.toSeconds()).append(" s: hooks removed, ")
                .append(outcome.restoredClasses).append(" class(es) retransformed back to their own code").append(NL);
        for (ProbeRecord record : outcome.records) {
            text.append("  ").append(Recommendation.line(record).replaceFirst("^hook\\.", "")).append(NL);
            text.append("      ").append(seen(record, recommended)).append(NL);
        }
        if (!recommended.found()) {
            return text.toString();
        }
        text.append("recommended, ready to paste into the agent's properties file:").append(NL);
        recommended.lines.forEach(line -> text.append(line).append(NL));
        recommended.notes.forEach(note -> text.append(note).append(NL));
        return text.toString();
    }

    private static String seen(ProbeRecord record, Recommendation recommended) {
        if (record.calls() == 0) {
            return "not called";
        }
        StringBuilder text = new StringBuilder().append(record.calls()).append(" call(s)");
        if (!record.sampleUids().isEmpty()) {
            text.append(", uids ").append(String.join(", ", record.sampleUids()));
        }
        text.append("; session led to a connection in ").append(record.resolved()).append(" of ").append(record.calls())
                .append(" (open at the call: ").append(record.openConnections());
        if (record.addressesOnly() > 0) {
            text.append("; named by its remote address: ").append(record.addressesOnly());
        }
        text.append(')');
        if (record.failures() > 0) {
            text.append("; ").append(record.failures()).append(" failed: ").append(record.firstFailure());
        }
        if (record.spec().role() == HookRole.BIND && record == recommended.bind) {
            text.append("; ").append(recommended.unbound).append(" of its ").append(record.sessions().size())
                    .append(" sessions unbound later");
            if (recommended.unbind != null) {
                text.append(" (by ").append(recommended.unbind.spec().target()).append(')');
            }
            text.append(", ").append(record.closedNow()).append(" closed since");
        }
        return text.toString();
    }

    static JSONObject json(String jvm, List<String> transports, List<Candidate> candidates, Watch.Outcome outcome,
                           Recommendation recommended, String verdict, int status) {
        JSONObject json = new JSONObject();
        json.put("jvm", jvm);
        json.put("transports", new JSONArray(transports));
        JSONArray ranked = new JSONArray();
        for (HookRole role : HookRole.values()) {
            List<Candidate> ofRole = ofRole(candidates, role);
            for (Candidate candidate : ofRole.subList(0, Math.min(SHOWN_PER_ROLE, ofRole.size()))) {
                JSONObject row = new JSONObject();
                row.put("role", role.optionKey());
                row.put("line", candidate.line());
                row.put("score", candidate.score());
                row.put("reasons", new JSONArray(candidate.reasons()));
                ranked.add(row);
            }
        }
        json.put("candidates", ranked);
        if (outcome != null) {
            JSONArray probes = new JSONArray();
            for (ProbeRecord record : outcome.records) {
                JSONObject row = new JSONObject();
                row.put("line", Recommendation.line(record));
                row.put("calls", record.calls());
                row.put("resolved", record.resolved());
                row.put("openConnections", record.openConnections());
                row.put("remoteAddresses", record.addressesOnly());
                row.put("failures", record.failures());
                row.put("firstFailure", record.firstFailure());
                row.put("sampleUids", new JSONArray(record.sampleUids()));
                probes.add(row);
            }
            JSONObject watch = new JSONObject();
            watch.put("probes", probes);
            watch.put("restoredClasses", outcome.restoredClasses);
            json.put("watch", watch);
        }
        json.put("recommended", new JSONArray(recommended == null ? List.of() : recommended.lines));
        json.put("notes", new JSONArray(recommended == null ? List.of() : recommended.notes));
        json.put("verdict", verdict);
        json.put("exitStatus", status);
        return json;
    }

    static List<Candidate> ofRole(List<Candidate> candidates, HookRole role) {
        return candidates.stream().filter(candidate -> candidate.role() == role).collect(Collectors.toList());
    }
}
