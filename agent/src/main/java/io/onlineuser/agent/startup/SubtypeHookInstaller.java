package io.onlineuser.agent.startup;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import io.onlineuser.agent.instrument.hook.HookWeaving;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Byte Buddy's agent builder, for {@code Type+} hooks only. Kept out of {@link AgentInstaller} so
 * that an agent without such hooks never loads Byte Buddy's builder (about 1,200 classes, most of
 * a second of CPU while the host starts).
 */
final class SubtypeHookInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(SubtypeHookInstaller.class);
    /**
     * Byte Buddy's Nexus is not needed (no class format changes) and probing for it calls
     * sun.misc.Unsafe, which Java 24+ warns about on the host's console. Relocated with Byte Buddy,
     * so this names only the agent's own copy.
     */
    private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

    private SubtypeHookInstaller() {
    }

    static void install(HookWeaving hooks, Instrumentation instrumentation, boolean lateAttach) {
        hooks.applySubtypeHooks(builder(lateAttach), SubtypeHookInstaller.class.getClassLoader()).installOn(instrumentation);
    }

    /**
     * For {@code Type+} hooks: advice only, no new members, so classes already loaded can be
     * retransformed after a late attach; at {@code premain} the application is not loaded yet and
     * the walk over every loaded class is skipped.
     */
    static AgentBuilder builder(boolean retransformLoadedClasses) {
        if (System.getProperty(NEXUS_DISABLED) == null) {
            System.setProperty(NEXUS_DISABLED, "true");
        }
        return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(retransformLoadedClasses ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                        : AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                // .ignore replaces Byte Buddy's defaults: restate them and add the agent itself
                .ignore(any(), isBootstrapClassLoader())
                .or(nameStartsWith("net.bytebuddy."))
                .or(nameStartsWith("io.onlineuser.agent."))
                .or(nameStartsWith("sun.reflect."))
                .or(nameStartsWith("jdk.internal.reflect."))
                .or(isSynthetic())
                .with(new AgentBuilder.Listener.Adapter() {
                    @Override
                    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                                        Throwable throwable) {
                        LOG.warn("could not instrument {}: {}", typeName, throwable.toString());
                    }
                });
    }
}
