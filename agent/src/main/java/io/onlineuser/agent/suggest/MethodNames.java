package io.onlineuser.agent.suggest;

import io.onlineuser.agent.instrument.hook.HookRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much a method's name says "a player logged in" (or out, or was kicked): its words
 * ({@code settingUserId} is set, ting, user, id; {@code onLogin} is on, login) against a short
 * list per role. A word of another role rules the name out ({@code loginFailed} stays a bind,
 * {@code unbindAll} is never one), as do getters and queries.
 */
final class MethodNames {

    private static final Map<String, Integer> BIND = Map.ofEntries(Map.entry("login", 50), Map.entry("logon", 50),
            Map.entry("signin", 45), Map.entry("bind", 50), Map.entry("enter", 35), Map.entry("join", 35),
            Map.entry("online", 30), Map.entry("bound", 30), Map.entry("authenticated", 25), Map.entry("auth", 20),
            Map.entry("authenticate", 20), Map.entry("register", 15), Map.entry("connectuser", 25));
    private static final Map<String, Integer> UNBIND = Map.ofEntries(Map.entry("logout", 50), Map.entry("logoff", 50),
            Map.entry("signout", 45), Map.entry("unbind", 50), Map.entry("leave", 35), Map.entry("quit", 35),
            Map.entry("offline", 30), Map.entry("unbound", 30), Map.entry("unregister", 20), Map.entry("exit", 20),
            Map.entry("remove", 15));
    private static final Map<String, Integer> KICK = Map.ofEntries(Map.entry("kick", 50), Map.entry("kickout", 50),
            Map.entry("forcelogout", 45), Map.entry("evict", 30), Map.entry("ban", 20));
    /** Words that make a method a query or a failure path, whatever else its name says. */
    private static final List<String> NEVER = List.of("get", "is", "has", "find", "check", "count", "list", "fail",
            "failed", "reject", "rejected", "to", "equals", "hash", "lambda", "access");
    /** Words that name what a set or add changes: {@code setUserId}, {@code addPlayer}. */
    private static final List<String> PLAYER_WORDS = List.of("uid", "userid", "playerid", "user", "player", "account");

    private MethodNames() {
    }

    /** 0 when the name does not fit {@code role}, else higher for a clearer name. */
    static int score(HookRole role, String methodName) {
        List<String> words = joined(words(methodName));
        for (String word : words) {
            if (NEVER.contains(word)) {
                return 0;
            }
        }
        int best = best(table(role), words);
        if (role == HookRole.BIND && best == 0 && setsPlayer(words)) {
            best = 25;
        }
        for (HookRole other : HookRole.values()) {
            if (other != role && best(table(other), words) >= best && best(table(other), words) > 0) {
                return 0;
            }
        }
        return best;
    }

    private static boolean setsPlayer(List<String> words) {
        boolean sets = words.contains("set") || words.contains("setting") || words.contains("add") || words.contains("put");
        return sets && words.stream().anyMatch(PLAYER_WORDS::contains);
    }

    private static int best(Map<String, Integer> table, List<String> words) {
        int best = 0;
        for (String word : words) {
            best = Math.max(best, table.getOrDefault(word, 0));
        }
        return best;
    }

    private static Map<String, Integer> table(HookRole role) {
        switch (role) {
            case BIND:
                return BIND;
            case UNBIND:
                return UNBIND;
            default:
                return KICK;
        }
    }

    /** {@code onUserLogIn} gives on, user, log, in. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = Character.isUpperCase(c) && word.length() > 0
                    && (!Character.isUpperCase(name.charAt(i - 1))
                    || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))));
            if (c == '_' || c == '$' || Character.isDigit(c) || boundary) {
                if (word.length() > 0) {
                    words.add(word.toString().toLowerCase(Locale.ROOT));
                }
                word.setLength(0);
                if (!Character.isLetter(c)) {
                    continue;
                }
            }
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** The words, plus each pair run together: log+in is login, user+id is userid, kick+out is kickout. */
    private static List<String> joined(List<String> words) {
        List<String> all = new ArrayList<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            all.add(words.get(i) + words.get(i + 1));
        }
        return all;
    }
}
