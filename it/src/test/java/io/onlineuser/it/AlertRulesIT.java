package io.onlineuser.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules, Prometheus config and Grafana dashboard, checked with the tools
 * that load them: promtool validates and unit-tests the rules (they must fire, and only when
 * they should), and every dashboard query names only metrics we export.
 */
class AlertRulesIT {

    private static final Path EXAMPLES = Jars.repoRoot().resolve("examples");
    private static final Path PROMETHEUS = EXAMPLES.resolve("prometheus");

    /** An identifier that is not the unit of a number ({@code 1m}) nor part of one ({@code 0.5}). */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_KEYWORDS = Set.of("offset", "and", "or", "unless", "bool");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: 4 rules found");
    }

    @Test
    void alertsFireOnlyWhenTheyShouldInPromtoolUnitTests() throws Exception {
        assertThat(promtool("test", "rules", "alerts_test.yml")).contains("SUCCESS");
    }

    @Test
    void promtoolAcceptsThePrometheusConfig() throws Exception {
        assertThat(promtool("check", "config", "prometheus.yml")).contains("is valid prometheus config file syntax");
    }

    @Test
    void everyDashboardQueryNamesOnlyOurMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(EXAMPLES.resolve("grafana/onlineuser-dashboard.json").toFile());
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("title").asText()).isNotBlank();
            assertThat(panel.path("targets")).as("queries of panel %s", panel.path("title")).isNotEmpty();
            panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
        }
        dashboard.path("templating").path("list").forEach(v -> exprs.add(v.path("definition").asText()));
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(10);

        Set<String> ours = new HashSet<>(OnlineuserMetric.metricNames());
        ours.add("onlineuser_session_duration_seconds_bucket");
        for (String expr : exprs) {
            List<String> metrics = metricNames(expr);
            assertThat(metrics).as("metrics in %s", expr).isNotEmpty().allSatisfy(m -> assertThat(ours).contains(m));
        }
        List<String> titles = new ArrayList<>();
        dashboard.path("panels").forEach(p -> titles.add(p.path("title").asText()));
        assertThat(titles).contains("Online users per connector", "Online users, total", "Login and logout rates", "Peaks per connector",
                "PCU and ACU per day", "Session length");
    }

    @Test
    void alertExpressionsNameOnlyOurMetricsAndUp() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(PROMETHEUS.resolve("alerts.yml").toFile());
        List<String> alerts = new ArrayList<>();
        for (JsonNode rule : rules.path("groups").get(0).path("rules")) {
            alerts.add(rule.path("alert").asText());
            assertThat(metricNames(rule.path("expr").asText())).as("metrics in %s", rule.path("alert").asText())
                    .isNotEmpty().allSatisfy(m -> assertThat(m).isIn(withUp(OnlineuserMetric.metricNames())));
            assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
        }
        assertThat(alerts).contains("OnlineuserConnectorDown", "OnlineuserLoggedInUsersHalved");
    }

    @Test
    void metricNamesOfAnExpressionAreFound() {
        assertThat(metricNames("sum by (server_id) (rate(onlineuser_logins_total{server_id=~\"$s\"}[1m])) < 0.5 * up offset 1m"))
                .containsExactly("onlineuser_logins_total", "up");
        assertThat(metricNames("label_values(onlineuser_logged_in_users, server_id)")).containsExactly("onlineuser_logged_in_users");
    }

    private static Set<String> withUp(Set<String> names) {
        Set<String> all = new HashSet<>(names);
        all.add("up");
        return all;
    }

    /** Metric names in a PromQL expression: identifiers left once strings, matchers, ranges and label lists are gone. */
    static List<String> metricNames(String expr) {
        String bare = expr
                .replaceAll("\"[^\"]*\"", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("label_values\\(\\s*([^,)]+)[^)]*\\)", "$1");
        List<String> names = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String word = m.group();
            boolean function = bare.substring(m.end()).stripLeading().startsWith("(");
            if (!function && !PROMQL_KEYWORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    private static String promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(RequiredTool.onPath("promtool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as("promtool %s exit status; output:\n%s", String.join(" ", args), output).isZero();
        return output;
    }
}
