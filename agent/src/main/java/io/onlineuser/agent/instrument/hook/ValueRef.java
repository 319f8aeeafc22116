package io.onlineuser.agent.instrument.hook;

/** A value a hooked method has at hand: {@code this} or its argument {@code argN}. */
public final class ValueRef {

    /** The index that stands for {@code this}. */
    public static final int THIS = -1;

    private final int index;

    private ValueRef(int index) {
        this.index = index;
    }

    public static ValueRef self() {
        return new ValueRef(THIS);
    }

    public static ValueRef argument(int index) {
        return new ValueRef(index);
    }

    public boolean isThis() {
        return index == THIS;
    }

    /** The argument index; meaningless for {@code this}. */
    public int index() {
        return index;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValueRef && ((ValueRef) other).index == index;
    }

    @Override
    public int hashCode() {
        return index;
    }

    @Override
    public String toString() {
        return isThis() ? "this" : "arg" + index;
    }
}
