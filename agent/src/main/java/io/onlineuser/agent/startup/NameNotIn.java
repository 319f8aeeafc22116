package io.onlineuser.agent.startup;

import java.util.Collection;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Ignores every type whose name is not one the agent instruments. Reads only the name, which
 * Byte Buddy's lazy type pool knows without parsing the class file, so the thousands of classes
 * a host loads at start-up each cost a hash lookup.
 */
final class NameNotIn extends ElementMatcher.Junction.AbstractBase<TypeDescription> {

    private final Set<String> names;

    NameNotIn(Collection<String> names) {
        this.names = Set.copyOf(names);
    }

    @Override
    public boolean matches(TypeDescription type) {
        return !names.contains(type.getName());
    }

    @Override
    public String toString() {
        return "nameNotIn(" + names + ")";
    }
}
