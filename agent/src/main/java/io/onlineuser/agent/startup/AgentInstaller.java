package io.onlineuser.agent.startup;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.none;

import io.onlineuser.agent.bridge.OnlineUserBridge;
import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.instrument.hook.SessionHooks;
import io.onlineuser.agent.instrument.netty.NettyInstrumentation;
import io.onlineuser.agent.log.LogLevel;
import io.onlineuser.agent.track.OnlineTracker;
import java.lang.instrument.Instrumentation;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the agent once the bridge is on the bootstrap path: options, tracker, advice, then the
 * exporters (MXBeans, Jolokia, discovery file) on a daemon thread, so the host's start is delayed
 * only by the bytecode work that must precede its first class loads.
 */
final class AgentInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(AgentInstaller.class);
    /**
     * Byte Buddy's Nexus is not needed (no class format changes) and probing for it calls
     * sun.misc.Unsafe, which Java 24+ warns about on the host's console. Relocated with Byte Buddy,
     * so this names only the agent's own copy.
     */
    private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

    private AgentInstaller() {
    }

    static void install(String agentArgs, Instrumentation instrumentation, boolean lateAttach) {
        long started = System.nanoTime();
        if (System.getProperty(NEXUS_DISABLED) == null) {
            System.setProperty(NEXUS_DISABLED, "true");
        }
        AgentOptions options = AgentOptions.parse(agentArgs, problem -> LOG.warn("{}", problem));
        LogLevel.set(options.logLevel());
        OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
        SessionHooks.unknownHookKeys(options.asMap().keySet()).forEach(problem -> LOG.warn("{}", problem));
        SessionHooks hooks = SessionHooks.configure(tracker, options.hookBind(), options.hookUnbind(),
                options.hookKick(), problem -> LOG.warn("{}", problem));
        tracker.setKicker(hooks.kicker());
        Executor background = backgroundThread();
        OnlineUserBridge.setListener(new TrackerEvents(tracker, hooks, () -> background.execute(hooks::reportUnused)));

        Optional<Set<String>> instrumented = hooks.exactTypeNames().map(names -> {
            Set<String> all = new HashSet<>(names);
            if (options.nettyEnabled()) {
                all.add(NettyInstrumentation.PIPELINE);
            }
            return all;
        });
        String deferredNote = "";
        if (lateAttach || instrumented.isEmpty()) {
            // a late attach retransforms what is loaded; a Type+ hook may match any class: both need Byte Buddy now
            instrumentation(options, hooks, lateAttach, instrumented).installOn(instrumentation);
        } else {
            DeferredTransformer deferred = new DeferredTransformer(instrumented.get());
            instrumentation.addTransformer(deferred);
            background.execute(() -> buildDeferred(deferred, options, hooks, instrumented, started));
            deferredNote = " (Byte Buddy prepared in the background)";
        }
        LOG.info("agent installed{} in {} ms{}: {}", lateAttach ? " by attach" : "",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), deferredNote, options.asMap());
        background.execute(() -> Exporters.start(options, tracker));
    }

    private static AgentBuilder instrumentation(AgentOptions options, SessionHooks hooks, boolean lateAttach,
                                                Optional<Set<String>> instrumented) {
        AgentBuilder builder = baseBuilder(lateAttach, instrumented);
        ClassLoader agentLoader = AgentInstaller.class.getClassLoader();
        if (options.nettyEnabled()) {
            builder = NettyInstrumentation.apply(builder, agentLoader);
        }
        return hooks.apply(builder, agentLoader);
    }

    private static void buildDeferred(DeferredTransformer deferred, AgentOptions options, SessionHooks hooks,
                                      Optional<Set<String>> instrumented, long started) {
        try {
            deferred.ready(instrumentation(options, hooks, false, instrumented).makeRaw());
            LOG.debug("instrumentation ready {} ms after premain started",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException | LinkageError e) {
            deferred.failed(e);
            LOG.error("could not prepare the instrumentation; nothing is counted: {}", e.toString(), e);
        }
    }

    /**
     * Advice only, no new members, so classes already loaded can be retransformed. Only a late
     * attach needs that: at {@code premain} neither Netty nor the application is loaded yet, and
     * skipping the walk over every loaded class shortens the host's start.
     *
     * <p>Every class the host loads passes the ignore matchers, so they look at names only: a
     * matcher on modifiers or supertypes (Byte Buddy's default {@code isSynthetic()}) would parse
     * each class file, which made up most of the agent's cost at start-up.
     *
     * @param instrumentedTypes the only type names any transformation matches; empty when a hook
     *                          also hooks subtypes ({@code Type+}), so any type may match
     */
    static AgentBuilder baseBuilder(boolean retransformLoadedClasses, Optional<? extends Collection<String>> instrumentedTypes) {
        return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(retransformLoadedClasses ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                        : AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                // .ignore replaces Byte Buddy's defaults: restate them (by name) and add the agent itself
                .ignore(instrumentedTypes.<ElementMatcher.Junction<TypeDescription>>map(NameNotIn::new).orElse(none()))
                .or(any(), isBootstrapClassLoader())
                .or(nameStartsWith("net.bytebuddy."))
                .or(nameStartsWith("io.onlineuser.agent."))
                .or(nameStartsWith("sun.reflect."))
                .or(nameStartsWith("jdk.internal.reflect."))
                .with(new AgentBuilder.Listener.Adapter() {
                    @Override
                    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                                        Throwable throwable) {
                        LOG.warn("could not instrument {}: {}", typeName, throwable.toString());
                    }
                });
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
