package io.onlineuser.agent.suggest;

import io.onlineuser.agent.instrument.hook.HookRole;
import io.onlineuser.agent.instrument.hook.HookSpec;
import io.onlineuser.agent.startup.BootstrapBridge;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code suggest} inside the target JVM (loaded there by the command, whether or not the agent
 * already runs): ranks the loaded classes, then, when asked, watches the top candidates, and
 * writes the answer into the command's directory ({@link AnswerFiles}). Works on a daemon thread
 * of its own, so the attach returns at once; never throws into the host; installs nothing that
 * outlives the watch and does not start the agent's counting.
 */
public final class SuggestAgent {

    private static final Logger LOG = LoggerFactory.getLogger(SuggestAgent.class);
    static final int WATCHED_PER_ROLE = 3;
    static final int FOUND = 0;
    static final int FAILED = 1;
    static final int NOTHING = 2;

    private SuggestAgent() {
    }

    /** Whether an agent argument is a {@code suggest} request rather than agent options. */
    public static boolean isRequest(String agentArgs) {
        return SuggestRequest.isRequest(agentArgs);
    }

    public static void start(String agentArgs, Instrumentation instrumentation) {
        try {
            SuggestRequest request = SuggestRequest.parse(agentArgs);
            Thread thread = new Thread(() -> answer(request, instrumentation), "onlineuser-suggest");
            thread.setDaemon(true);
            thread.start();
        } catch (RuntimeException | Error e) {
            LOG.warn("suggest: cannot start: {}", e.toString());
        }
    }

    private static void answer(SuggestRequest request, Instrumentation instrumentation) {
        try {
            int status = run(request, instrumentation);
            AnswerFiles.write(request.answerDir, AnswerFiles.STATUS, Integer.toString(status));
        } catch (IOException e) {
            LOG.warn("suggest: cannot write the answer to {}: {}", request.answerDir, e.toString());
        } catch (RuntimeException | Error | InterruptedException | ClassNotFoundException e) {
            LOG.warn("suggest: failed: {}", e.toString());
            try {
                AnswerFiles.write(request.answerDir, AnswerFiles.RESULT, "suggest failed in the target JVM: " + e + "\n");
                AnswerFiles.write(request.answerDir, AnswerFiles.STATUS, Integer.toString(FAILED));
            } catch (IOException ignored) {
                // the command reports that no answer came
            }
        }
    }

    private static int run(SuggestRequest request, Instrumentation instrumentation)
            throws IOException, InterruptedException, ClassNotFoundException {
        // first: the watch's listener implements a bridge interface, found on the bootstrap path only
        Class<?> bridge = BootstrapBridge.install(instrumentation);
        String jvm = ProcessHandle.current().pid() + " (" + System.getProperty("sun.java.command", "").split(" ")[0] + ")";
        Class<?>[] loaded = instrumentation.getAllLoadedClasses();
        List<String> transports = Transports.loaded(loaded);
        if (transports.isEmpty()) {
            return finish(request, jvm, transports, List.of(), null, null, "JVM " + jvm + " has no connection classes"
                    + " loaded (Netty, MINA, Java-WebSocket, Jakarta WebSocket): not a server the agent counts; nothing to suggest",
                    NOTHING);
        }
        List<Candidate> candidates = new CandidateScan(ClassTiers.ofThisJvm(), request.all).scan(loaded);
        AnswerFiles.write(request.answerDir, AnswerFiles.PROPOSAL,
                SuggestReport.proposal(jvm, transports, candidates, request.all));
        if (SuggestReport.ofRole(candidates, HookRole.BIND).isEmpty()) {
            return finish(request, jvm, transports, candidates, null, null, "nothing convincing: no method of the "
                    + (request.all ? "loaded" : "server's own") + " classes reads as a login (a name like login, bind or enter,"
                    + " a value that leads to a connection and an id)" + (request.all ? "" : "; try --all")
                    + "; a class loads at its first use: if nobody has logged in since the server started, log a player"
                    + " in and run suggest again; agent/README 'Finding the right methods for your own server' shows"
                    + " how to find them by hand", NOTHING);
        }
        if (request.watch.isZero()) {
            return finish(request, jvm, transports, candidates, null, null, "unproven: run suggest again with --watch 60s"
                    + " while players log in and out, to see which candidates are called and get the lines to paste", FOUND);
        }
        List<HookSpec> watched = watched(candidates);
        if (!hasProbes(bridge)) {
            return finish(request, jvm, transports, candidates, null, null, "the onlineuser agent already in JVM " + jvm
                    + " is an older version that cannot watch; restart the server with this agent jar to use --watch", FAILED);
        }
        LOG.info("suggest: recording-only hooks on {} candidates for {} s (they count nothing; removed at the end)",
                watched.size(), request.watch.toSeconds());
        Watch.Outcome outcome = Watch.run(watched, request.watch, instrumentation, backgroundThread(),
                methods -> writeQuietly(request, AnswerFiles.WATCHING,
                        SuggestReport.watchStart(watched.size(), methods, request.watch)));
        LOG.info("suggest: watch ended, hooks removed ({} class(es) retransformed back)", outcome.restoredClasses);
        Recommendation recommended = Recommendation.of(outcome.records);
        String verdict = recommended.found() ? "" : "nothing convincing: no hook.bind candidate was called with a uid and a"
                + " session that leads to a connection during the " + request.watch.toSeconds() + " s watch (did a player"
                + " log in meanwhile? watch longer, or try --all)";
        return finish(request, jvm, transports, candidates, outcome, recommended, verdict,
                recommended.found() ? FOUND : NOTHING);
    }

    private static void writeQuietly(SuggestRequest request, String name, String text) {
        try {
            AnswerFiles.write(request.answerDir, name, text);
        } catch (IOException e) {
            LOG.warn("suggest: cannot write the answer to {}: {}", request.answerDir, e.toString());
        }
    }

    private static boolean hasProbes(Class<?> bridge) {
        try {
            bridge.getMethod("probeReturned", int.class, Object.class, Object.class, Object.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static List<HookSpec> watched(List<Candidate> candidates) {
        List<HookSpec> specs = new ArrayList<>();
        for (HookRole role : HookRole.values()) {
            List<Candidate> ofRole = SuggestReport.ofRole(candidates, role);
            for (Candidate candidate : ofRole.subList(0, Math.min(WATCHED_PER_ROLE, ofRole.size()))) {
                specs.add(candidate.spec());
            }
        }
        return specs;
    }

    private static int finish(SuggestRequest request, String jvm, List<String> transports, List<Candidate> candidates,
                              Watch.Outcome outcome, Recommendation recommended, String verdict, int status)
            throws IOException {
        StringBuilder text = new StringBuilder();
        if (outcome != null) {
            text.append(SuggestReport.watchResult(outcome, recommended, request.watch));
        }
        if (!verdict.isEmpty()) {
            text.append(verdict).append(System.lineSeparator());
        }
        AnswerFiles.write(request.answerDir, AnswerFiles.RESULT, text.toString());
        AnswerFiles.write(request.answerDir, AnswerFiles.JSON, SuggestReport.json(jvm, transports, candidates, outcome,
                recommended, verdict, status).toJSONString());
        return status;
    }

    /** Where probes on a superclass are added after a class that inherits the method loads. */
    private static Executor backgroundThread() {
        return task -> {
            Thread thread = new Thread(task, "onlineuser-suggest-retransform");
            thread.setDaemon(true);
            thread.start();
        };
    }
}
