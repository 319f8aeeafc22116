package io.onlineuser.agent.suggest;

import io.onlineuser.agent.instrument.hook.HookParser;
import io.onlineuser.agent.instrument.hook.HookRole;
import io.onlineuser.agent.instrument.hook.HookSpec;
import java.util.List;

/** One proposed hook: its description as it goes into the properties file, its rank, and why. */
final class Candidate {

    private final HookSpec spec;
    private final String description;
    private final int score;
    private final List<String> reasons;

    /** @param description the hook's text after {@code hook.bind=} (or unbind, kick); parsed here, so it is valid */
    Candidate(HookRole role, String description, int score, List<String> reasons) {
        this.spec = HookParser.parse(role, description);
        this.description = description;
        this.score = score;
        this.reasons = List.copyOf(reasons);
    }

    HookRole role() {
        return spec.role();
    }

    HookSpec spec() {
        return spec;
    }

    /** {@code hook.bind=Type#method/arity session=… uid=…}: one line of the agent's properties file. */
    String line() {
        return spec.role().optionKey() + "=" + description;
    }

    String description() {
        return description;
    }

    int score() {
        return score;
    }

    List<String> reasons() {
        return reasons;
    }

    @Override
    public String toString() {
        return line();
    }
}
