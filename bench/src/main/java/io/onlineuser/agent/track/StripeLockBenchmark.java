package io.onlineuser.agent.track;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The tracker's stripe lock beside a {@link ReentrantLock} and a {@code synchronized} block, used
 * the way the tracker's tables use it: one of 64 padded stripes picked by a key's hash, locked
 * around a short step on the stripe's own fields (a slot written, the size changed), then
 * released. One op = one lock, step and unlock; run at 1 and 2 threads ({@code -t}). In this
 * package (the bench jar's copy of it) to reach the package-private lock.
 * Run: {@code java -cp bench/target/onlineuser-bench.jar org.openjdk.jmh.Main StripeLockBenchmark -t 2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StripeLockBenchmark {

    private static final int STRIPES = 64;

    /** A stripe's fields, as in {@code IdentityTable}: slots, a size, and its lock. */
    abstract static class Fields extends StripeLock {
        final Object[] slots = new Object[16];
        int size;
        final ReentrantLock reentrant = new ReentrantLock();
    }

    /** Padded to a cache-line pair of its own, as the tables' stripes are. */
    static final class Stripe extends Fields {
        @SuppressWarnings("unused")
        private long pad0, pad1, pad2, pad3, pad4, pad5, pad6, pad7, pad8, pad9, pad10, pad11, pad12;
    }

    @State(Scope.Benchmark)
    public static class Table {
        final Stripe[] stripes = new Stripe[STRIPES];

        public Table() {
            for (int i = 0; i < STRIPES; i++) {
                stripes[i] = new Stripe();
            }
        }
    }

    /** Keys as the tables see them: scrambled hashes, a different sequence per thread. */
    @State(Scope.Thread)
    public static class Keys {
        final Object token = new Object();
        int next = System.identityHashCode(this);

        Stripe stripe(Table table) {
            next = next * 0x9E3779B9 + 1;
            return table.stripes[next >>> 26];
        }
    }

    private static int step(Stripe stripe, Object token) {
        int slot = stripe.size & 15;
        stripe.slots[slot] = stripe.slots[slot] == null ? token : null;
        return ++stripe.size;
    }

    @Benchmark
    public int stripeLock(Table table, Keys keys) {
        Stripe stripe = keys.stripe(table);
        stripe.lock();
        try {
            return step(stripe, keys.token);
        } finally {
            stripe.unlock();
        }
    }

    @Benchmark
    public int reentrantLock(Table table, Keys keys) {
        Stripe stripe = keys.stripe(table);
        stripe.reentrant.lock();
        try {
            return step(stripe, keys.token);
        } finally {
            stripe.reentrant.unlock();
        }
    }

    @Benchmark
    public int synchronizedBlock(Table table, Keys keys) {
        Stripe stripe = keys.stripe(table);
        synchronized (stripe) {
            return step(stripe, keys.token);
        }
    }
}
