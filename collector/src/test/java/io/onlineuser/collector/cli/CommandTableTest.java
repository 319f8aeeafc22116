package io.onlineuser.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandTableTest {

    @Test
    void buildsOnlyTheNamedCommands() {
        assertThat(CommandTable.named(new String[] {"--target", "http://127.0.0.1:8778/jolokia", "online"}))
                .containsExactly(OnlineCommand.class);
        assertThat(CommandTable.named(new String[] {"find", "player-1", "--json"})).containsExactly(FindCommand.class);
    }

    @Test
    void anOptionValueThatLooksLikeACommandDoesNotHideTheCommand() {
        String[] args = {"--user=online", "find", "player-1"};
        CommandLine line = CollectorMain.commandLine(CommandTable.named(args));
        assertThat(line.parseArgs(args).subcommand().commandSpec().name()).isEqualTo("find");
        String[] spaced = {"--user", "online", "find", "player-1"};
        assertThat(CommandTable.named(spaced)).containsExactly(OnlineCommand.class, FindCommand.class);
    }

    @Test
    void helpVersionAndNoCommandBuildThemAll() {
        assertThat(CommandTable.named(new String[] {"--help"})).isEqualTo(CommandTable.all());
        assertThat(CommandTable.named(new String[] {"online", "-h"})).isEqualTo(CommandTable.all());
        assertThat(CommandTable.named(new String[] {"--target", "h:1"})).isEqualTo(CommandTable.all());
        assertThat(CommandTable.all()).hasSize(7);
    }

    @Test
    void theUsageListsEveryCommand() {
        StringWriter usage = new StringWriter();
        CommandLine line = CollectorMain.commandLine(CommandTable.named(new String[] {"--help"}));
        line.setOut(new PrintWriter(usage));
        assertThat(line.execute("--help")).isZero();
        assertThat(usage.toString()).contains("online", "logins", "find", "kick", "watch", "serve", "report");
    }
}
