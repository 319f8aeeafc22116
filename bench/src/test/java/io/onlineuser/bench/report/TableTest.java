package io.onlineuser.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void medianIsHeldAgainstTheTarget() {
        assertThat(new Row("a", Stats.of(100, 140, 900), "ns/op", Target.atMost(150), null).verdict()).isEqualTo("met");
        assertThat(new Row("b", Stats.of(0.95, 0.97, 1.2), "ratio", Target.atLeast(0.98), null).verdict()).isEqualTo("MISSED");
        assertThat(new Row("c", Stats.of(15000), "conns", Target.exactly(15000), null).verdict()).isEqualTo("met");
        assertThat(Row.context("d", Stats.of(1), "ms", "baseline").verdict()).isEmpty();
        assertThat(Row.failed("e", "no agent jar").verdict()).isEmpty();
    }

    @Test
    void printsOneMarkdownLinePerRow() {
        Table table = new Table();
        table.add(new Row("JMH open+close", Stats.of(101.4, 120.26, 180), "ns/op", Target.atMost(150), "1 thread"));
        table.add(Row.failed("collector", "connector did not start"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8).split("\n")).containsExactly(
                "| benchmark | min | median | max | unit | runs | target | result | note |",
                "|---|---:|---:|---:|---|---:|---|---|---|",
                "| JMH open+close | 101 | 120 | 180 | ns/op | 3 | ≤ 150 | met | 1 thread |",
                "| collector |  |  |  |  |  |  |  | NOT RUN: connector did not start |");
    }

    @Test
    void formatsThreeSignificantFiguresWithoutExponent() {
        assertThat(Table.format(0)).isEqualTo("0");
        assertThat(Table.format(0.23149)).isEqualTo("0.231");
        assertThat(Table.format(1.5)).isEqualTo("1.50");
        assertThat(Table.format(12.44)).isEqualTo("12.4");
        assertThat(Table.format(15000)).isEqualTo("15000");
    }
}
