package io.onlineuser.agent.startup;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in at {@code premain} for Byte Buddy's transformer while the agent's thread builds it:
 * loading and configuring Byte Buddy takes most of a second or more, and the host's {@code main}
 * need not wait for it. Only the classes the agent instruments (known by name) wait, and only if
 * they load before the real transformer is ready; every other class passes after a set lookup.
 */
final class DeferredTransformer implements ClassFileTransformer {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredTransformer.class);
    /** Bounds the wait of a host thread, so even an unforeseen lock cycle cannot hang the host. */
    private static final long MAX_WAIT_SECONDS = 60;

    private final Set<String> internalNames;
    private final CompletableFuture<ClassFileTransformer> target = new CompletableFuture<>();

    DeferredTransformer(Collection<String> typeNames) {
        this.internalNames = typeNames.stream().map(name -> name.replace('.', '/')).collect(Collectors.toUnmodifiableSet());
    }

    void ready(ClassFileTransformer transformer) {
        target.complete(transformer);
    }

    void failed(Throwable cause) {
        target.completeExceptionally(cause);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        if (className == null || !internalNames.contains(className)) {
            return null;
        }
        ClassFileTransformer transformer;
        try {
            transformer = target.get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return null; // the failed build is reported where it failed
        } catch (TimeoutException e) {
            LOG.error("{} loaded before the instrumentation was ready ({} s); it is not counted", className, MAX_WAIT_SECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("{} loaded while the instrumentation was being built and the wait was interrupted; it is not counted",
                    className);
            return null;
        }
        return transformer.transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }
}
