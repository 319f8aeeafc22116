package io.onlineuser.agent.startup;

import io.onlineuser.agent.bridge.OnlineUserBridge;
import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.instrument.bytecode.ExactTypeTransformer;
import io.onlineuser.agent.instrument.bytecode.AddedCall;
import io.onlineuser.agent.instrument.HookCallCounts;
import io.onlineuser.agent.instrument.TrackerEvents;
import io.onlineuser.agent.instrument.hook.HookKeys;
import io.onlineuser.agent.instrument.hook.HookWeaving;
import io.onlineuser.agent.instrument.hook.SessionHooks;
import io.onlineuser.agent.instrument.jakarta.JakartaCalls;
import io.onlineuser.agent.instrument.jakarta.JakartaSessions;
import io.onlineuser.agent.instrument.javawebsocket.JavaWebSocketCalls;
import io.onlineuser.agent.instrument.javawebsocket.JavaWebSockets;
import io.onlineuser.agent.instrument.mina.MinaCalls;
import io.onlineuser.agent.instrument.mina.MinaSessions;
import io.onlineuser.agent.instrument.netty.ListenerWatch;
import io.onlineuser.agent.instrument.netty.PipelineCalls;
import io.onlineuser.agent.log.LogLevel;
import io.onlineuser.agent.track.ListeningPorts;
import io.onlineuser.agent.track.OnlineTracker;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the agent once the bridge is on the bootstrap path: options, tracker, the transformer for
 * classes known by name (ASM only, ready at once), Byte Buddy only for {@code Type+} hooks; the
 * exporters (MXBeans, Jolokia, discovery file) follow on a daemon thread once the host listens
 * ({@link ExporterLaunch}), so the host's start is delayed by as little as possible.
 */
final class AgentInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(AgentInstaller.class);
    /** How long after the host listens (or the agent attaches) a hook's class must be loaded. */
    static final long UNUSED_HOOK_REPORT_MILLIS = 10_000;

    private AgentInstaller() {
    }

    static void install(String agentArgs, Instrumentation instrumentation, boolean lateAttach) {
        long started = System.nanoTime();
        AgentOptions options = AgentOptions.parse(agentArgs, problem -> LOG.warn("{}", problem));
        LogLevel.set(options.logLevel());
        OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis, options.journalSize());
        HookKeys.unknown(options.asMap().keySet()).forEach(problem -> LOG.warn("{}", problem));
        SessionHooks hooks = SessionHooks.configure(tracker, options.hookBind(), options.hookUnbind(),
                options.hookKick(), problem -> LOG.warn("{}", problem));
        tracker.setKicker(hooks.kicker());
        Executor background = backgroundThread();
        ListenerWatch listeners = new ListenerWatch(new ListeningPorts(options.nettyPorts()), background,
                options.portsOption());
        HookCallCounts hookCalls = new HookCallCounts(hooks.statuses().size());
        AgentSelf self = new AgentSelf(options, listeners.listeners(), hooks.statuses(), hookCalls);
        ExporterLaunch exporters = new ExporterLaunch(background, () -> Exporters.start(options, tracker, self));
        Runnable reportUnusedHooks = unusedHookReport(hooks, instrumentation, background);
        TrackerEvents events = new TrackerEvents(tracker, hooks.calls(), listeners, hookCalls, hooks.connectionKeys(),
                () -> {
                    exporters.now();
                    listeners.reportUnheardPortsLater();
                    reportUnusedHooks.run();
                }, List.of(MinaSessions.KIND, JavaWebSockets.KIND, JakartaSessions.KIND));
        OnlineUserBridge.setListener(events);

        HookWeaving weaving = hooks.weaving();
        List<AddedCall> exact = new ArrayList<>(weaving.exactCalls());
        if (options.nettyEnabled()) {
            exact.addAll(PipelineCalls.all());
            for (String relocated : options.nettyRelocated()) {
                exact.addAll(PipelineCalls.relocated(relocated));
            }
        }
        exact.addAll(MinaCalls.all());
        exact.addAll(JavaWebSocketCalls.all());
        exact.addAll(JakartaCalls.all());
        new ExactTypeTransformer(exact, background).install(instrumentation, lateAttach);
        if (weaving.hasSubtypeHooks()) {
            // only Byte Buddy's type pool can tell which classes extend a type; its cost is paid only then
            SubtypeHookInstaller.install(weaving, instrumentation, lateAttach);
        }
        if (lateAttach) {
            background.execute(() -> ExistingLogins.count(options.sessionsRegistry(), hooks.calls(), instrumentation));
        }
        if (options.nettyEnabled() && !options.nettyRelocated().isEmpty()) {
            CompletableFuture.delayedExecutor(UNUSED_HOOK_REPORT_MILLIS, TimeUnit.MILLISECONDS, background)
                    .execute(() -> reportAbsentRelocations(options.nettyRelocated(), instrumentation));
        }
        LOG.info("agent installed{} in {} ms: {}", lateAttach ? " by attach" : "",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), options.asMap());
        if (lateAttach && options.nettyEnabled()) {
            background.execute(() -> AlreadyOpen.count(instrumentation, events, listeners));
        }
        if (lateAttach) {
            background.execute(() -> AlreadyOpenSessions.count(instrumentation, events));
            background.execute(() -> JakartaBeforeAttach.report(instrumentation));
        }
        if (lateAttach || !options.nettyEnabled()) {
            exporters.now();
            reportUnusedHooks.run();
        } else {
            exporters.whenHostListensOrAfter(ExporterLaunch.FALLBACK_MILLIS);
        }
    }

    /**
     * Reports, once and {@link #UNUSED_HOOK_REPORT_MILLIS} after it is first run, the hooks whose
     * class is still not loaded: frameworks load their session classes at their first login or
     * connection, a moment after they listen, so an earlier report would be a false alarm.
     */
    private static Runnable unusedHookReport(SessionHooks hooks, Instrumentation instrumentation, Executor background) {
        AtomicBoolean scheduled = new AtomicBoolean();
        return () -> {
            if (scheduled.compareAndSet(false, true)) {
                CompletableFuture.delayedExecutor(UNUSED_HOOK_REPORT_MILLIS, TimeUnit.MILLISECONDS, background)
                        .execute(() -> hooks.reportUnused(loadedClassNames(instrumentation)));
            }
        };
    }

    /** One line per {@code netty.relocated} package under which no Netty class is loaded. */
    private static void reportAbsentRelocations(List<String> packages, Instrumentation instrumentation) {
        List<String> loaded = loadedClassNames(instrumentation);
        for (String each : packages) {
            String netty = each + ".io.netty.";
            if (loaded.stream().noneMatch(name -> name.startsWith(netty))) {
                LOG.warn("netty.relocated={}: no class {}* is loaded {} s after the start; nothing is counted for it"
                        + " (the package that holds the copy is the one before '.io.netty', e.g. io.grpc.netty.shaded)",
                        each, netty, UNUSED_HOOK_REPORT_MILLIS / 1000);
            }
        }
    }

    private static List<String> loadedClassNames(Instrumentation instrumentation) {
        List<String> names = new ArrayList<>();
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            names.add(loaded.getName());
        }
        return names;
    }

    /** One daemon thread, created when work arrives and gone when idle. */
    private static Executor backgroundThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "onlineuser-agent");
                    thread.setDaemon(true);
                    return thread;
                });
        return executor;
    }
}
