package io.onlineuser.agent.instrument.hook;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.NullConstant;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where sessions are counted for {@code Type+} hooks, whose classes are known only by a supertype
 * (exact names go through {@link HookCall}, without Byte Buddy's agent builder): applies {@link HookAdvice} to the
 * methods {@link HookedMethods} picks,
 * binding the advice's parameters to that method's own {@code this}/arguments.
 */
public final class HookInstrumentation {

    private HookInstrumentation() {
    }

    /**
     * Adds the hook to {@code builder}.
     *
     * @param hookId what the advice reports, so events reach {@code status}'s hook
     * @param status told which types and methods were found, to report hooks that match nothing
     */
    public static AgentBuilder apply(AgentBuilder builder, ClassLoader agentLoader, int hookId, HookSpec spec,
                                     HookStatus status) {
        Advice.WithCustomMapping mapping = Advice.withCustomMapping()
                .bind(HookAdvice.HookId.class, hookId)
                .bind(HookAdvice.Session.class, offsetOf(spec.session().root()));
        mapping = spec.uid() == null
                ? mapping.bind(HookAdvice.UidSource.class, NullConstant.INSTANCE, Object.class)
                : mapping.bind(HookAdvice.UidSource.class, offsetOf(spec.uid().root()));
        ElementMatcher.Junction<MethodDescription> methods = HookedMethods.matcher(spec);
        AgentBuilder.Transformer advice = new AgentBuilder.Transformer.ForAdvice(mapping)
                .include(agentLoader)
                .advice(methods, HookAdvice.class.getName());
        return builder.type(typeMatcher(spec)).transform((type, description, loader, module, domain) -> {
            status.typeSeen();
            for (MethodDescription.InDefinedShape method : description.getDeclaredMethods().filter(methods)) {
                status.methodMatched(description.getName() + '#' + method.getName() + method.getDescriptor());
            }
            return advice.transform(type, description, loader, module, domain);
        });
    }

    static ElementMatcher.Junction<TypeDescription> typeMatcher(HookSpec spec) {
        return spec.includeSubtypes()
                ? hasSuperType(named(spec.typeName())).and(not(isInterface()))
                : named(spec.typeName());
    }

    private static Advice.OffsetMapping offsetOf(ValueRef ref) {
        TypeDescription.Generic object = TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class);
        return ref.isThis()
                ? new Advice.OffsetMapping.ForThisReference(object, true, Assigner.Typing.DYNAMIC, true)
                : new Advice.OffsetMapping.ForArgument.Unresolved(object, true, Assigner.Typing.DYNAMIC, ref.index(), true);
    }
}
