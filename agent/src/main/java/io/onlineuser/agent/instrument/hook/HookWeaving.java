package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.bytecode.AddedCall;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * How the configured hooks get into the application's classes: classes named exactly get a
 * {@link HookCall} added with ASM; {@code Type+} hooks need Byte Buddy's agent builder, the only
 * part that can tell which classes extend a type. A hook's id is its index in the list.
 */
public final class HookWeaving {

    private final List<HookStatus> hooks;

    HookWeaving(List<HookStatus> hooks) {
        this.hooks = hooks;
    }

    /** The calls for hooks on classes named exactly. */
    public List<AddedCall> exactCalls() {
        List<AddedCall> calls = new ArrayList<>();
        for (int id = 0; id < hooks.size(); id++) {
            if (!hooks.get(id).spec().includeSubtypes()) {
                calls.add(new HookCall(id, hooks.get(id), hooks.get(id).spec().typeName()));
            }
        }
        return calls;
    }

    /** True when a hook also instruments subtypes ({@code Type+}). */
    public boolean hasSubtypeHooks() {
        return hooks.stream().anyMatch(hook -> hook.spec().includeSubtypes());
    }

    /** Adds the {@code Type+} hooks to {@code builder}. */
    public AgentBuilder applySubtypeHooks(AgentBuilder builder, ClassLoader agentLoader) {
        AgentBuilder result = builder;
        for (int id = 0; id < hooks.size(); id++) {
            HookStatus hook = hooks.get(id);
            if (hook.spec().includeSubtypes()) {
                result = HookInstrumentation.apply(result, agentLoader, id, hook.spec(), hook);
            }
        }
        return result;
    }
}
