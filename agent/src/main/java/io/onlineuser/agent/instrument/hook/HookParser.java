package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.config.Similarity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a hook description:
 * <pre>
 *   Type[+]#method/arity session=PATH [uid=PATH] [reason=REF]     (hook.kick: session=REF)
 *   REF  = this | argN                 (N counts from 0)
 *   PATH = REF followed by .field or .method() steps, e.g. arg0.user.id or this.getUid()
 * </pre>
 * {@code Type+} also hooks every subclass or implementation of {@code Type}. Separated by spaces
 * (never commas: the {@code -javaagent} argument is comma separated).
 */
public final class HookParser {

    private static final String JAVA_ID = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
    private static final Pattern TYPE_NAME = Pattern.compile(JAVA_ID + "(\\." + JAVA_ID + ")*(\\$" + "[\\p{javaJavaIdentifierPart}]+)*");
    private static final Pattern IDENTIFIER = Pattern.compile(JAVA_ID);
    private static final Pattern ARG = Pattern.compile("arg(\\d{1,3})");
    private static final int MAX_ARITY = 255;

    private HookParser() {
    }

    /** Parses {@code text} for {@code role}; throws with a message naming the option and the fix. */
    public static HookSpec parse(HookRole role, String text) {
        String where = role.optionKey() + "='" + (text == null ? "" : text) + "': ";
        try {
            return parseOrThrow(role, text == null ? "" : text.trim());
        } catch (HookFormatException e) {
            throw new HookFormatException(where + e.getMessage() + "; e.g. '" + example(role) + "'");
        }
    }

    static String example(HookRole role) {
        switch (role) {
            case BIND:
                return "com.example.SessionService#bind/2 session=arg0 uid=arg1";
            case UNBIND:
                return "com.example.SessionService#unbind/1 session=arg0";
            default:
                return "com.example.SessionService#kick/2 session=arg0 reason=arg1";
        }
    }

    private static HookSpec parseOrThrow(HookRole role, String text) {
        if (text.isEmpty()) {
            throw new HookFormatException("the description is empty");
        }
        String[] tokens = text.split("\\s+");
        String target = tokens[0];
        int hash = target.indexOf('#');
        if (hash < 0) {
            throw new HookFormatException("'" + target + "' has no '#' between class and method (Type#method/arity)");
        }
        String type = target.substring(0, hash);
        boolean subtypes = type.endsWith("+");
        if (subtypes) {
            type = type.substring(0, type.length() - 1);
        }
        if (!TYPE_NAME.matcher(type).matches()) {
            throw new HookFormatException("'" + type + "' is not a fully qualified Java class name");
        }
        String methodAndArity = target.substring(hash + 1);
        int slash = methodAndArity.indexOf('/');
        if (slash < 0) {
            throw new HookFormatException("'" + methodAndArity + "' has no '/arity' (the number of parameters, e.g. bind/2)");
        }
        String method = methodAndArity.substring(0, slash);
        if (!IDENTIFIER.matcher(method).matches()) {
            throw new HookFormatException("'" + method + "' is not a Java method name");
        }
        int arity = parseArity(methodAndArity.substring(slash + 1));
        Map<String, String> keys = keyValues(role, tokens);
        ObjectPath session = role == HookRole.KICK
                ? new ObjectPath(parseRef("session", required(keys, "session"), arity), List.of())
                : parsePath("session", required(keys, "session"), arity);
        ObjectPath uid = role.takesUid() ? parsePath("uid", required(keys, "uid"), arity) : null;
        ValueRef reason = keys.containsKey("reason") ? parseRef("reason", keys.get("reason"), arity) : null;
        return new HookSpec(role, type, subtypes, method, arity, session, uid, reason);
    }

    private static int parseArity(String text) {
        try {
            int arity = Integer.parseInt(text);
            if (arity >= 0 && arity <= MAX_ARITY) {
                return arity;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new HookFormatException("arity '" + text + "' is not a number of parameters 0-" + MAX_ARITY);
    }

    private static Map<String, String> keyValues(HookRole role, String[] tokens) {
        List<String> allowed = new ArrayList<>(List.of("session"));
        if (role.takesUid()) {
            allowed.add("uid");
        }
        if (role.takesReason()) {
            allowed.add("reason");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            int eq = token.indexOf('=');
            if (eq <= 0 || eq == token.length() - 1) {
                throw new HookFormatException("'" + token + "' is not key=value (keys: " + String.join(", ", allowed) + ")");
            }
            String key = token.substring(0, eq);
            if (!allowed.contains(key)) {
                throw new HookFormatException(unknownKey(role, key, allowed));
            }
            if (keys.put(key, token.substring(eq + 1)) != null) {
                throw new HookFormatException("key '" + key + "' is given twice");
            }
        }
        return keys;
    }

    private static String unknownKey(HookRole role, String key, List<String> allowed) {
        if (List.of("session", "uid", "reason").contains(key)) {
            return "'" + key + "' is not used by " + role.optionKey() + " (keys: " + String.join(", ", allowed) + ")";
        }
        String closest = Similarity.closest(key, allowed, 2);
        return "unknown key '" + key + "'" + (closest == null ? "" : " (did you mean '" + closest + "'?)");
    }

    private static String required(Map<String, String> keys, String key) {
        String value = keys.get(key);
        if (value == null) {
            throw new HookFormatException("'" + key + "=' is missing");
        }
        return value;
    }

    private static ValueRef parseRef(String key, String text, int arity) {
        if (text.indexOf('.') >= 0) {
            throw new HookFormatException(key + "='" + text + "' must be this or argN, not a path");
        }
        return ref(key, text, arity);
    }

    private static ObjectPath parsePath(String key, String text, int arity) {
        String[] parts = text.split("\\.", -1);
        ValueRef root = ref(key, parts[0], arity);
        List<PathStep> steps = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            boolean call = part.endsWith("()");
            String name = call ? part.substring(0, part.length() - 2) : part;
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new HookFormatException(key + "='" + text + "': step '" + part
                        + "' is not a field name or a no-argument method call like uid()");
            }
            steps.add(new PathStep(name, call));
        }
        return new ObjectPath(root, steps);
    }

    private static ValueRef ref(String key, String text, int arity) {
        if ("this".equals(text)) {
            return ValueRef.self();
        }
        Matcher arg = ARG.matcher(text);
        if (!arg.matches()) {
            throw new HookFormatException(key + "='" + text + "' must start with this or argN (arg0 is the first parameter)");
        }
        int index = Integer.parseInt(arg.group(1));
        if (index >= arity) {
            throw new HookFormatException(key + "='" + text + "' is out of range: the method takes " + arity
                    + " parameter(s)" + (arity == 0 ? "" : ", arg0..arg" + (arity - 1)));
        }
        return ValueRef.argument(index);
    }
}
