package io.onlineuser.agent.suggest;

import io.onlineuser.agent.instrument.hook.HookProbes;
import io.onlineuser.agent.instrument.hook.HookRole;
import io.onlineuser.agent.suggest.ClassTiers.Tier;
import io.onlineuser.agent.suggest.ValueShapes.Shape;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the loaded classes' methods as bind, unbind and kick hooks. A method qualifies when its
 * name fits the role ({@link MethodNames}) and one of its values leads to a connection (and, for
 * a bind, another is an id: {@link ValueShapes}); its rank adds how clear each of these is and
 * whose code it is ({@link ClassTiers}). Only methods a hook would go into count (the hooks' own
 * rule: {@link HookProbes#wouldHook}), so a compiler bridge is never proposed, and an inherited
 * method is proposed on the class that declares it.
 */
final class CandidateScan {

    private static final int MAIN_PACKAGE = 15;
    private static final int OWN_CODE = 10;
    private static final Map<HookRole, String> READS_AS = Map.of(HookRole.BIND, "a login",
            HookRole.UNBIND, "a logout", HookRole.KICK, "a kick");

    private final ClassTiers tiers;
    private final boolean libraries;

    /** @param libraries also frameworks' and libraries' classes ({@code --all}) */
    CandidateScan(ClassTiers tiers, boolean libraries) {
        this.tiers = tiers;
        this.libraries = libraries;
    }

    /** Every candidate of every role, best first. */
    List<Candidate> scan(Class<?>[] loaded) {
        List<Candidate> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        LoadedTypes types = new LoadedTypes(loaded);
        for (Class<?> type : loaded) {
            Tier tier = tiers.of(type);
            if (tier == Tier.NEVER || (tier == Tier.LIBRARY && !libraries) || type.isInterface()) {
                continue;
            }
            for (Method method : declaredMethods(type)) {
                for (HookRole role : HookRole.values()) {
                    Candidate candidate = candidate(role, type, method, tier, types);
                    if (candidate != null && seen.add(candidate.line())) {
                        found.add(candidate);
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt(Candidate::score).reversed().thenComparing(Candidate::line));
        return found;
    }

    private Candidate candidate(HookRole role, Class<?> type, Method method, Tier tier, LoadedTypes types) {
        if (method.isSynthetic() || method.isBridge() || Modifier.isAbstract(method.getModifiers())
                || Modifier.isNative(method.getModifiers())) {
            return null;
        }
        int nameScore = MethodNames.score(role, method.getName());
        if (nameScore == 0) {
            return null;
        }
        Class<?>[] parameters = method.getParameterTypes();
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        int sessionIndex = -2;
        Shape session = null;
        for (int i = isStatic ? 0 : -1; i < parameters.length; i++) {
            Shape shape = i < 0 ? thisSession(type, types)
                    : ValueShapes.session("arg" + i, parameters[i], types, role != HookRole.KICK);
            if (shape != null && (session == null || shape.score > session.score)) {
                session = shape;
                sessionIndex = i;
            }
        }
        if (session == null) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("name '" + method.getName() + "' reads as " + READS_AS.get(role));
        reasons.add(session.why);
        StringBuilder description = new StringBuilder(type.getName()).append('#').append(method.getName())
                .append('/').append(parameters.length).append(" session=").append(session.path);
        int score = nameScore + session.score + (tier == Tier.MAIN ? MAIN_PACKAGE : tier == Tier.OWN ? OWN_CODE : 0);
        if (role == HookRole.BIND) {
            Shape uid = uid(parameters, sessionIndex);
            if (uid == null) {
                return null;
            }
            description.append(" uid=").append(uid.path);
            reasons.add(uid.why);
            score += uid.score;
        } else if (role == HookRole.KICK) {
            int reason = reasonIndex(parameters, sessionIndex);
            if (reason >= 0) {
                description.append(" reason=arg").append(reason);
                reasons.add("arg" + reason + " is a String (the reason)");
            }
        }
        if (tier == Tier.MAIN || tier == Tier.OWN) {
            reasons.add("the server's own code" + (tier == Tier.MAIN ? ", in the main class's package" : ""));
        }
        Candidate candidate;
        try {
            candidate = new Candidate(role, description.toString(), score, reasons);
        } catch (RuntimeException e) {
            return null;
        }
        return HookProbes.wouldHook(candidate.spec(), method) ? candidate : null;
    }

    private static Shape thisSession(Class<?> type, LoadedTypes types) {
        Shape shape = ValueShapes.session("this", type, types, false);
        // a method of the session itself (Session#bound) is less clear than a service method given the session
        return shape == null ? null : new Shape(shape.path, shape.why, shape.score - 12);
    }

    private static Shape uid(Class<?>[] parameters, int sessionIndex) {
        for (int i = 0; i < parameters.length; i++) {
            Shape shape = i == sessionIndex ? null : ValueShapes.uidParameter("arg" + i, parameters[i]);
            if (shape != null) {
                return shape;
            }
        }
        if (sessionIndex >= 0) {
            return ValueShapes.uidInside("arg" + sessionIndex, parameters[sessionIndex]);
        }
        return null;
    }

    private static int reasonIndex(Class<?>[] parameters, int sessionIndex) {
        for (int i = 0; i < parameters.length; i++) {
            if (i != sessionIndex && parameters[i] == String.class) {
                return i;
            }
        }
        return -1;
    }

    private static Method[] declaredMethods(Class<?> type) {
        try {
            return type.getDeclaredMethods();
        } catch (LinkageError | RuntimeException e) {
            // a parameter type the class's loader cannot load: that class has no usable candidate
            return new Method[0];
        }
    }
}
