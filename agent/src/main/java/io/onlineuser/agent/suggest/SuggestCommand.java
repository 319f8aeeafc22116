package io.onlineuser.agent.suggest;

import io.onlineuser.agent.attach.AttachFailure;
import io.onlineuser.agent.attach.JvmAttacher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code java -jar onlineuser-agent.jar suggest <pid> [--watch DURATION] [--all] [--json]}: loads the
 * agent jar into the target with a {@link SuggestRequest} (the same local attach rights as
 * {@code attach}; no network endpoint), then prints what the target writes into a directory only
 * this user can use ({@link AnswerFiles}). Exit status 0 when it recommends, 2 when it found
 * nothing convincing, 1 on error.
 */
public final class SuggestCommand {

    private static final int FAILED = 1;
    private static final int USAGE = 2;
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m)?");

    static final String HELP = String.join(System.lineSeparator(),
            "usage: java -jar onlineuser-agent.jar suggest <pid> [--watch DURATION] [--all] [--json]",
            "  Ranks the running server's loaded methods as hook.bind, hook.unbind and hook.kick candidates and",
            "  prints each as a ready hook line with why it was chosen. Needs the same rights as attach (same user).",
            "  --watch DURATION  also adds recording-only hooks to the top candidates for DURATION (e.g. 60s, 2m;",
            "                    at most 10m) while players log in and out, reports what each saw, and ends with the",
            "                    lines to paste into the agent's properties file (grep '^hook\\.' gives them).",
            "                    The hooks count nothing, change nothing the server does, and are removed at the end.",
            "  --all             also ranks frameworks' and libraries' classes (default: the server's own)",
            "  --json            one JSON object instead of text",
            "  exit status: 0 lines recommended (or, without --watch, candidates found), 2 nothing convincing, 1 error");

    private SuggestCommand() {
    }

    /** @param args the arguments after {@code suggest} */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String pid = null;
        Duration watch = Duration.ZERO;
        boolean all = false;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg)) {
                out.println(HELP);
                return 0;
            } else if ("--watch".equals(arg) && i + 1 < args.length) {
                watch = duration(args[++i]);
                if (watch == null) {
                    err.println("--watch '" + args[i] + "' is not a duration from 1s to 10m (e.g. 60s, 2m)");
                    return USAGE;
                }
            } else if ("--all".equals(arg)) {
                all = true;
            } else if ("--json".equals(arg)) {
                json = true;
            } else if (pid == null && arg.matches("[0-9]{1,10}")) {
                pid = arg;
            } else {
                err.println("suggest: unexpected argument '" + arg + "'");
                err.println(HELP);
                return USAGE;
            }
        }
        if (pid == null) {
            err.println("suggest needs the pid of a running server; 'list' shows the JVMs you can attach to");
            err.println(HELP);
            return USAGE;
        }
        return ask(pid, watch, all, json, out, err);
    }

    private static int ask(String pid, Duration watch, boolean all, boolean json, PrintStream out, PrintStream err) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("onlineuser-suggest-");
            JvmAttacher.load(pid, JvmAttacher.agentJar(), new SuggestRequest(dir, watch, all).toAgentArgs());
            return await(pid, dir, watch, json, out, err);
        } catch (AttachFailure e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("suggest: " + e);
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("suggest: interrupted; the target removes its hooks when its watch ends on its own");
            return FAILED;
        } finally {
            delete(dir);
        }
    }

    private static int await(String pid, Path dir, Duration watch, boolean json, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + watch.plus(ANSWER_MARGIN).toNanos();
        List<String> progress = new ArrayList<>(json ? List.of() : List.of(AnswerFiles.PROPOSAL, AnswerFiles.WATCHING));
        Optional<ProcessHandle> target = ProcessHandle.of(Long.parseLong(pid));
        while (System.nanoTime() < deadline) {
            Optional<String> status = AnswerFiles.read(dir, AnswerFiles.STATUS);
            showProgress(dir, progress, out);
            if (status.isPresent()) {
                out.print(AnswerFiles.read(dir, json ? AnswerFiles.JSON : AnswerFiles.RESULT).orElse(""));
                if (json) {
                    out.println();
                }
                out.flush();
                return Integer.parseInt(status.get().trim());
            }
            if (target.isPresent() && !target.get().isAlive()) {
                err.println("JVM " + pid + " ended before it answered");
                return FAILED;
            }
            Thread.sleep(POLL_MILLIS);
        }
        err.println("JVM " + pid + " did not answer within " + watch.plus(ANSWER_MARGIN).toSeconds()
                + " s; its standard error may say why ([onlineuser] ... suggest: ...)");
        return FAILED;
    }

    /** Prints each progress file once it is there, in order. */
    private static void showProgress(Path dir, List<String> progress, PrintStream out) throws IOException {
        while (!progress.isEmpty()) {
            Optional<String> text = AnswerFiles.read(dir, progress.get(0));
            if (text.isEmpty()) {
                return;
            }
            out.print(text.get());
            out.flush();
            progress.remove(0);
        }
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms} or a number of seconds; null when out of 1 s..10 min. */
    static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration = "ms".equals(unit) ? Duration.ofMillis(amount)
                : "m".equals(unit) ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
        return duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(SuggestRequest.MAX_WATCH) > 0
                ? null : duration;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
