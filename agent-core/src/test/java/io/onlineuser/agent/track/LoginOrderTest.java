package io.onlineuser.agent.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The login order on its own: against a JDK sorted set after every step, and walks over removed sessions. */
class LoginOrderTest {

    private static final Comparator<SessionRecord> BY_KEY = Comparator.<SessionRecord>comparingLong(r -> r.loginTime)
            .thenComparingLong(r -> r.sessionId);

    private final AtomicLong clock = new AtomicLong(1_000);
    private final LoginOrder order = new LoginOrder(clock::get, new SessionGauge());

    @Test
    void everySeekAgreesWithASortedSetWhateverWasRemoved() {
        Random random = new Random(11);
        TreeSet<SessionRecord> model = new TreeSet<>(BY_KEY);
        List<SessionRecord> bound = new ArrayList<>();
        List<String> keys = new ArrayList<>(List.of("0-0"));
        for (int step = 0; step < 20_000; step++) {
            if (random.nextInt(10) < 6 || bound.isEmpty()) {
                // the clock also steps back, as wall clocks do
                clock.addAndGet(random.nextInt(5) - 2);
                SessionRecord added = order.add(new Object(), null, null);
                model.add(added);
                bound.add(added);
                keys.add(LoginOrder.key(added));
            } else {
                SessionRecord removed = bound.remove(random.nextInt(bound.size()));
                order.remove(removed);
                model.remove(removed);
            }
            if (step % 97 == 0) {
                String key = keys.get(random.nextInt(keys.size()));
                SessionRecord probe = model.isEmpty() ? null : model.first();
                assertThat(list(order.after(key))).as("step %d, after %s", step, key)
                        .containsExactlyElementsOf(model.tailSet(parse(key), false));
                assertThat(list(order.all())).as("step %d", step).containsExactlyElementsOf(model);
                assertThat(probe == null || list(order.after("")).get(0) == probe).isTrue();
            }
        }
        assertThat(bound.size()).isGreaterThan(LoginOrder.CHECKPOINT_EVERY * 10);
        bound.forEach(order::remove);
        assertThat(order.all().hasNext()).isFalse();
        assertThat(order.checkpoints()).as("checkpoints left behind").isZero();
    }

    @Test
    void idsAndTimesGrowTogetherWhenTheClockStepsBack() {
        SessionRecord first = order.add(new Object(), null, null);
        clock.set(500);
        SessionRecord second = order.add(new Object(), null, null);
        clock.set(2_000);
        SessionRecord third = order.add(new Object(), null, null);
        assertThat(second.sessionId).isGreaterThan(first.sessionId);
        assertThat(second.loginTime).isEqualTo(first.loginTime);
        assertThat(third.loginTime).isEqualTo(2_000);
        assertThat(list(order.all())).containsExactly(first, second, third);
    }

    @Test
    void aWalkStandingOnARemovedSessionGoesOnToLaterOnesOnly() {
        List<SessionRecord> added = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            added.add(order.add(new Object(), null, null));
        }
        Iterator<SessionRecord> walk = order.all();
        assertThat(walk.next()).isSameAs(added.get(0));
        // the walk holds session 2 as its next; 2, 3 and 5 end, 11 logs in
        order.remove(added.get(1));
        order.remove(added.get(2));
        order.remove(added.get(4));
        SessionRecord late = order.add(new Object(), null, null);
        // the session the walk already held shows; after it, only sessions still bound (and the new login)
        assertThat(list(walk)).containsExactly(added.get(1), added.get(3), added.get(5), added.get(6),
                added.get(7), added.get(8), added.get(9), late);
        assertThat(list(order.all())).containsExactly(added.get(0), added.get(3), added.get(5), added.get(6),
                added.get(7), added.get(8), added.get(9), late);
    }

    @Test
    void aRemovedSessionHoldsNoLaterOneAndAWalkOnItSeeksPastIt() {
        List<SessionRecord> added = new ArrayList<>();
        for (int i = 0; i < 3 * LoginOrder.CHECKPOINT_EVERY; i++) {
            added.add(order.add(new Object(), null, null));
        }
        Iterator<SessionRecord> walk = order.after(LoginOrder.key(added.get(99)));
        assertThat(walk.next()).isSameAs(added.get(100));
        // the walk holds 101 as its next; 101 to 104 end
        for (int i = 101; i <= 104; i++) {
            order.remove(added.get(i));
        }
        assertThat(SessionRecord.NEXT_IN_ORDER.get(added.get(103))).as("a removed record's link").isSameAs(added.get(103));
        assertThat(walk.next()).isSameAs(added.get(101));
        assertThat(walk.next()).isSameAs(added.get(105));
    }

    @Test
    void removingTwiceOrTheLastSessionKeepsTheOrderWhole() {
        SessionRecord a = order.add(new Object(), null, null);
        SessionRecord b = order.add(new Object(), null, null);
        order.remove(b);
        order.remove(b);
        SessionRecord c = order.add(new Object(), null, null);
        assertThat(list(order.all())).containsExactly(a, c);
        order.remove(a);
        order.remove(c);
        assertThat(order.all().hasNext()).isFalse();
        assertThat(list(order.all())).isEmpty();
    }

    @Test
    void aKeyThatIsNotOneIsAClearError() {
        assertThatThrownBy(() -> order.after("12-x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a page key");
    }

    private static SessionRecord parse(String key) {
        int dash = key.indexOf('-');
        return new SessionRecord(null, null, null, Long.parseLong(key.substring(dash + 1)),
                Long.parseLong(key.substring(0, dash)));
    }

    private static List<SessionRecord> list(Iterator<SessionRecord> walk) {
        List<SessionRecord> all = new ArrayList<>();
        walk.forEachRemaining(all::add);
        return all;
    }
}
