package io.onlineuser.agent.instrument.hook;

import java.util.List;

/**
 * How to reach a value from what a hooked method has at hand: a root ({@code this} or
 * {@code argN}) then getters and fields, e.g. {@code arg0.user.id} or {@code this.getUid()}.
 */
public final class ObjectPath {

    private final ValueRef root;
    private final List<PathStep> steps;

    ObjectPath(ValueRef root, List<PathStep> steps) {
        this.root = root;
        this.steps = List.copyOf(steps);
    }

    public ValueRef root() {
        return root;
    }

    /** Follows the steps from the root's value; the root's value itself when there are none. */
    public Object resolve(Object rootValue) throws PathException {
        Object value = rootValue;
        for (PathStep step : steps) {
            value = step.apply(value);
        }
        return value;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(root.toString());
        for (PathStep step : steps) {
            text.append('.').append(step);
        }
        return text.toString();
    }
}
