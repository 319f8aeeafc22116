package io.onlineuser.agent.attach;

import io.onlineuser.agent.suggest.SuggestCommand;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar onlineuser-agent.jar attach <pid> [options] | list | suggest <pid> [...]}. The attach API lives in the
 * {@code jdk.attach} module, missing from JREs: it is touched only through {@link JvmAttacher}, so
 * its absence becomes a clear message instead of a stack trace.
 */
public final class AttachCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: java -jar onlineuser-agent.jar attach <pid> [key=value,key=value...]",
            "       java -jar onlineuser-agent.jar list",
            "       java -jar onlineuser-agent.jar suggest <pid> [--watch DURATION] [--all] [--json]",
            "  attach   loads the agent into a running JVM (options as for -javaagent; a second attach does nothing)",
            "  list     shows the JVMs this user can attach to",
            "  suggest  proposes hook.bind/hook.unbind/hook.kick lines for a running server; --watch proves them",
            "  ('<command> --help' for more)");
    private static final String ATTACH_HELP = String.join(System.lineSeparator(),
            "usage: java -jar onlineuser-agent.jar attach <pid> [key=value,key=value...]",
            "  Loads the agent into the running JVM <pid>, with the options -javaagent takes (agent/README.md).",
            "  Needs a JDK's java (the attach API) and the target's user. A second attach to the same JVM does nothing.",
            "  exit status: 0 loaded, 1 the attach failed, 2 bad command line");
    private static final String LIST_HELP = String.join(System.lineSeparator(),
            "usage: java -jar onlineuser-agent.jar list",
            "  Shows the JVMs this user can attach to, one a line: pid and main class (or jar).",
            "  exit status: 0, 2 bad command line");

    private AttachCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0]) || "-h".equals(args[0])) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        if (args.length == 2 && ("--help".equals(args[1]) || "-h".equals(args[1]))) {
            if ("attach".equals(args[0])) {
                out.println(ATTACH_HELP);
                return OK;
            }
            if ("list".equals(args[0])) {
                out.println(LIST_HELP);
                return OK;
            }
        }
        try {
            switch (args[0]) {
                case "list":
                    return list(args, out, err);
                case "attach":
                    return attach(args, out, err);
                case "suggest":
                    return SuggestCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
                default:
                    err.println("unknown command '" + args[0] + "'");
                    err.println(USAGE_TEXT);
                    return USAGE;
            }
        } catch (NoClassDefFoundError e) {
            err.println("the attach API (module jdk.attach) is missing: run this command with a JDK's java, not a JRE's");
            return FAILED;
        }
    }

    private static int list(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("list takes no arguments");
            return USAGE;
        }
        JvmAttacher.list().forEach(out::println);
        return OK;
    }

    private static int attach(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args.length > 3) {
            err.println("attach needs a pid and at most one options argument, got " + Arrays.toString(
                    Arrays.copyOfRange(args, 1, args.length)));
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String pid = args[1];
        if (!pid.matches("[0-9]{1,10}")) {
            err.println("'" + pid + "' is not a process id; 'list' shows the JVMs you can attach to");
            return USAGE;
        }
        String options = args.length == 3 ? args[2] : "";
        try {
            JvmAttacher.load(pid, JvmAttacher.agentJar(), options);
        } catch (AttachFailure e) {
            err.println(e.getMessage());
            return FAILED;
        }
        out.println("onlineuser agent loaded into JVM " + pid
                + "; its log lines ([onlineuser] ...) appear on that JVM's standard error");
        return OK;
    }
}
