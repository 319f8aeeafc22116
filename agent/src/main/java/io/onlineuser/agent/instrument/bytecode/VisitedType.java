package io.onlineuser.agent.instrument.bytecode;

/**
 * A class definition the transformer has just rewritten (first load or retransformation), as
 * its calls are told about it: a call that found nothing to add itself to may follow the
 * method up to the superclass that declares it.
 */
public final class VisitedType {

    private final String name;
    private final String superName;
    private final ClassLoader loader;
    private final ExactTypeTransformer transformer;

    VisitedType(String name, String superName, ClassLoader loader, ExactTypeTransformer transformer) {
        this.name = name;
        this.superName = superName;
        this.loader = loader;
        this.transformer = transformer;
    }

    /** Binary name, e.g. {@code com.game.PlayerSession}. */
    public String name() {
        return name;
    }

    /**
     * Binary name of the superclass; null for {@code java.lang.Object}, for interfaces (whose
     * superclass is Object), and for superclasses of the JDK, which the agent never rewrites.
     */
    public String superName() {
        return superName;
    }

    /**
     * Adds {@code call} (whose {@link AddedCall#typeName()} is a superclass of this type) to that
     * class: at its load, or now by retransformation when it was loaded before.
     */
    public void addToSuperclass(AddedCall call) {
        transformer.addLater(call, loader);
    }

    @Override
    public String toString() {
        return name;
    }
}
