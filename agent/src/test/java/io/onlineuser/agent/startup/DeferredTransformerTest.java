package io.onlineuser.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stand-in transformer: instrumented names wait for the real transformer, all others pass at once. */
class DeferredTransformerTest {

    private static final byte[] ORIGINAL = {1};
    private static final byte[] TRANSFORMED = {2};
    private static final ClassFileTransformer REAL = new ClassFileTransformer() {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                ProtectionDomain domain, byte[] buffer) {
            return TRANSFORMED;
        }
    };

    private final DeferredTransformer deferred = new DeferredTransformer(List.of("com.example.Pipeline"));

    private byte[] load(String internalName) throws Exception {
        return deferred.transform(null, null, internalName, null, null, ORIGINAL);
    }

    @Test
    void otherClassesPassWithoutWaiting() throws Exception {
        assertThat(load("com/example/Other")).isNull();
        assertThat(load(null)).isNull();
    }

    @Test
    void anInstrumentedClassWaitsForTheRealTransformer() throws Exception {
        CompletableFuture<byte[]> loading = CompletableFuture.supplyAsync(() -> {
            try {
                return load("com/example/Pipeline");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(loading).isNotDone();
        deferred.ready(REAL);
        assertThat(loading.get(30, TimeUnit.SECONDS)).isEqualTo(TRANSFORMED);
        assertThat(load("com/example/Pipeline")).isEqualTo(TRANSFORMED);
    }

    @Test
    void aFailedBuildLeavesClassesUnchanged() throws Exception {
        deferred.failed(new IllegalStateException("broken"));
        assertThat(load("com/example/Pipeline")).isNull();
    }
}
