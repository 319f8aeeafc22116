package io.onlineuser.agent.instrument.bytecode;

/** Methods of the shapes that trouble bytecode rewriting; {@link ExactTypeTransformerTest} advises them. */
public class AdviceTarget {

    private int counter;

    /** The first instruction is a loop target (a stack map frame at offset 0). */
    public int loopFirst(int value) {
        for (;;) {
            if (value <= 3) {
                return value;
            }
            value -= 2;
        }
    }

    /** Its own handler must still catch first. */
    public String catchesItsOwn(boolean fail) {
        try {
            if (fail) {
                throw new IllegalStateException("inner");
            }
            return "plain";
        } catch (IllegalStateException e) {
            return "caught " + e.getMessage();
        }
    }

    public void throwsOut() {
        counter++;
        throw new UnsupportedOperationException("out");
    }

    public long wide(long a, double b) {
        return a + (long) b;
    }

    public static String staticOne(String value) {
        return value;
    }

    public int counter() {
        return counter;
    }
}
