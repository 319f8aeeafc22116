package io.onlineuser.collector.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;

/**
 * The collector's commands, in the order {@code --help} lists them. A run builds the picocli
 * model of the commands its arguments name only: building all seven is about a third of a fresh
 * {@code java -jar … online} before it asks anything (picocli reads every option's annotations
 * through reflection, interpreted at that point).
 */
final class CommandTable {

    private static final List<Class<?>> COMMANDS = List.of(OnlineCommand.class, LoginsCommand.class,
            FindCommand.class, KickCommand.class, WatchCommand.class, ServeCommand.class, ReportCommand.class);
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    private CommandTable() {
    }

    /** Every command (as classes: picocli makes each). */
    static List<Class<?>> all() {
        return COMMANDS;
    }

    /**
     * The commands whose names appear among {@code args} (an option's value may look like a
     * name: that command is built too, and unused); every command when none appears or help or
     * the version is asked, so that the usage lists them all.
     */
    static List<Class<?>> named(String[] args) {
        List<String> words = Arrays.asList(args);
        if (words.stream().anyMatch(HELP::contains)) {
            return all();
        }
        List<Class<?>> named = new ArrayList<>();
        for (Class<?> command : COMMANDS) {
            if (words.contains(command.getAnnotation(Command.class).name())) {
                named.add(command);
            }
        }
        return named.isEmpty() ? all() : named;
    }
}
