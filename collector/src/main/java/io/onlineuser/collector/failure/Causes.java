package io.onlineuser.collector.failure;

/** Walks an exception's cause chain, for the two classifiers of transport and Jolokia failures. */
final class Causes {

    private Causes() {
    }

    /** The first throwable of {@code type} in the chain starting at {@code failure}, or null. */
    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type) != null;
    }

    /** The innermost cause's message, or its class name when it has none. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
