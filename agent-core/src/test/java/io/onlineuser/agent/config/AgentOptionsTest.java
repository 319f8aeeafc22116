package io.onlineuser.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentOptionsTest {

    @TempDir
    static Path dir;

    private static final String DEFAULT_ID = "<the default serverId>";

    private final List<String> problems = new ArrayList<>();

    private AgentOptions parse(String args) {
        return AgentOptions.parse(args, problems::add);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", ","})
    void noArgumentGivesEveryDefaultAndNoProblem(String args) {
        AgentOptions options = parse(args);

        assertThat(problems).isEmpty();
        assertThat(options.serverId()).matches("[A-Za-z0-9._-]+-" + ProcessHandle.current().pid());
        assertThat(options.serverType()).isEqualTo("connector");
        assertThat(options.jolokiaEnabled()).isTrue();
        assertThat(options.jolokiaHost()).isEqualTo("127.0.0.1");
        assertThat(options.jolokiaPort()).isEqualTo(8778);
        assertThat(options.jolokiaUser()).isNull();
        assertThat(options.jolokiaPassword()).isNull();
        assertThat(options.nettyEnabled()).isTrue();
        assertThat(options.kickEnabled()).isFalse();
        assertThat(options.discoveryDir()).isNull();
        assertThat(options.hookBind()).isNull();
        assertThat(options.hookUnbind()).isNull();
        assertThat(options.hookKick()).isNull();
        assertThat(options.logLevel()).isEqualTo("info");
        assertThat(options.journalSize()).isEqualTo(65_536);
    }

    @Test
    void everyKnownOptionIsRead() {
        AgentOptions options = parse("serverId=connector-1,serverType=gate,jolokia.enabled=false,"
                + "jolokia.host=0.0.0.0,jolokia.port=0,jolokia.user=ops,jolokia.password=s3cret,"
                + "netty.enabled=FALSE,kick.enabled=True,discovery.dir=/tmp/sd,log.level=DEBUG,journal.size=1024,"
                + "hook.bind=a.B#bind(2),hook.unbind=a.B#unbind(1),hook.kick=a.B#kick(2),hook.bind.uid=arg1");

        assertThat(problems).singleElement().asString().contains("'jolokia.password' is on the JVM's command line");
        assertThat(options.serverId()).isEqualTo("connector-1");
        assertThat(options.serverType()).isEqualTo("gate");
        assertThat(options.jolokiaEnabled()).isFalse();
        assertThat(options.jolokiaHost()).isEqualTo("0.0.0.0");
        assertThat(options.jolokiaPort()).isZero();
        assertThat(options.jolokiaUser()).isEqualTo("ops");
        assertThat(options.jolokiaPassword()).isEqualTo("s3cret");
        assertThat(options.nettyEnabled()).isFalse();
        assertThat(options.kickEnabled()).isTrue();
        assertThat(options.discoveryDir()).isEqualTo(Paths.get("/tmp/sd"));
        assertThat(options.logLevel()).isEqualTo("debug");
        assertThat(options.journalSize()).isEqualTo(1024);
        assertThat(options.hookBind()).isEqualTo("a.B#bind(2)");
        assertThat(options.hookUnbind()).isEqualTo("a.B#unbind(1)");
        assertThat(options.hookKick()).isEqualTo("a.B#kick(2)");
        assertThat(options.raw("hook.bind.uid")).isEqualTo("arg1");
        assertThat(options.asMap())
                .containsEntry("jolokia.password", "****")
                .containsEntry("hook.bind.uid", "arg1")
                .containsEntry("serverId", "connector-1");
        assertThat(options.toString()).doesNotContain("s3cret");
    }

    @Test
    void commasInsideAValueSurviveWhenThePieceHasNoEqualsOrIsEscaped() {
        AgentOptions options = parse("hook.bind=a.B#bind(Session,String),serverId=s1,hook.unbind=x\\,y");

        assertThat(problems).isEmpty();
        assertThat(options.hookBind()).isEqualTo("a.B#bind(Session,String)");
        assertThat(options.hookUnbind()).isEqualTo("x,y");
        assertThat(options.serverId()).isEqualTo("s1");
    }

    @Test
    void configFileIsReadAndInlineValuesWin() throws IOException {
        Path file = write("agent.properties", "serverId=from-file\nserverType=gate\n"
                + "hook.bind=io.x.SessionService#bind(2)\n# comment\njolokia.port=9999\n");

        AgentOptions options = parse("config=" + file + ",jolokia.port=0");

        assertThat(problems).isEmpty();
        assertThat(options.serverId()).isEqualTo("from-file");
        assertThat(options.serverType()).isEqualTo("gate");
        assertThat(options.jolokiaPort()).isZero();
        assertThat(options.hookBind()).isEqualTo("io.x.SessionService#bind(2)");
        assertThat(options.asMap()).containsEntry("config", file.toString());
    }

    static Stream<Arguments> badInputs() throws IOException {
        Path invalidUtf8 = dir.resolve("latin1.properties");
        Files.write(invalidUtf8, new byte[] {'s', 'e', 'r', 'v', 'e', 'r', 'I', 'd', '=', (byte) 0xE9, '\n'});
        Path nested = dir.resolve("nested.properties");
        Files.write(nested, "config=/other.properties\nserverId=nested\n".getBytes(StandardCharsets.UTF_8));
        Path typo = dir.resolve("typo.properties");
        Files.write(typo, "jolokia.prot=1\n".getBytes(StandardCharsets.UTF_8));
        Path passwordFile = ownerOnly("lone-password", "pw\n");
        Function<AgentOptions, Object> port = AgentOptions::jolokiaPort;
        Function<AgentOptions, Object> jolokia = AgentOptions::jolokiaEnabled;
        Function<AgentOptions, Object> kick = AgentOptions::kickEnabled;
        Function<AgentOptions, Object> serverId = AgentOptions::serverId;
        Function<AgentOptions, Object> user = AgentOptions::jolokiaUser;
        Function<AgentOptions, Object> ports = options -> options.nettyPorts().toString();
        return Stream.of(
                bad("jolokia.port=abc", "option 'jolokia.port'='abc' is not a port 0-65535; using 8778", port, 8778),
                bad("jolokia.port=-1", "'jolokia.port'='-1' is not a port 0-65535; using 8778", port, 8778),
                bad("jolokia.port=65536", "'jolokia.port'='65536' is not a port", port, 8778),
                bad("jolokia.port=99999999999", "is not a port 0-65535", port, 8778),
                bad("jolokia.port=", "option 'jolokia.port'='' is not a port 0-65535; using 8778", port, 8778),
                bad("jolokia.prot=9000", "unknown option 'jolokia.prot' (did you mean 'jolokia.port'?); ignored", port, 8778),
                bad("kick.enable=true", "unknown option 'kick.enable' (did you mean 'kick.enabled'?)", kick, false),
                bad("ServerID=x", "unknown option 'ServerID' (did you mean 'serverId'?)", serverId, DEFAULT_ID),
                bad("kick.enabled=maybe", "option 'kick.enabled'='maybe' is not true or false; using false", kick, false),
                bad("kick.enabled=1", "'kick.enabled'='1' is not true or false", kick, false),
                bad("jolokia.enabled=yes", "'jolokia.enabled'='yes' is not true or false; using true", jolokia, true),
                bad("netty.enabled=", "'netty.enabled'='' is not true or false; using true", AgentOptions::nettyEnabled, true),
                bad("serverId=a/b", "option 'serverId'='a/b' is not 1-128 letters, digits", serverId, DEFAULT_ID),
                bad("serverId=", "option 'serverId'='' is not 1-128", serverId, DEFAULT_ID),
                bad("serverId=" + "x".repeat(129), "is not 1-128 letters", serverId, DEFAULT_ID),
                bad("serverType=a b", "option 'serverType'='a b' is not", AgentOptions::serverType, "connector"),
                bad("jolokia.host=", "'jolokia.host'='' is not a host name or IP address; using 127.0.0.1",
                        AgentOptions::jolokiaHost, "127.0.0.1"),
                bad("log.level=loud", "option 'log.level'='loud' is not one of error, warn, info, debug, trace; using info",
                        AgentOptions::logLevel, "info"),
                bad("journal.size=many", "option 'journal.size'='many' is not a whole number 16-4194304; using 65536",
                        AgentOptions::journalSize, 65_536),
                bad("journal.size=0", "'journal.size'='0' is not a whole number 16-4194304", AgentOptions::journalSize, 65_536),
                bad("journal.size=4194305", "is not a whole number 16-4194304", AgentOptions::journalSize, 65_536),
                bad("journal.size=", "'journal.size'='' is not a whole number", AgentOptions::journalSize, 65_536),
                bad("jolokia.user=ops", "option 'jolokia.password' is missing while 'jolokia.user' is set; Jolokia stays off",
                        jolokia, false),
                bad("jolokia.password.file=" + passwordFile, "option 'jolokia.user' is missing while 'jolokia.password' is set", user, null),
                bad("jolokia.user=", "option 'jolokia.user' is empty; ignored", jolokia, true),
                bad("discovery.dir=", "option 'discovery.dir' is empty; ignored", AgentOptions::discoveryDir, null),
                bad("discovery.dir=a\u0000b", "option 'discovery.dir'='a\u0000b' is not a valid path",
                        AgentOptions::discoveryDir, null),
                bad("hook.bind=", "option 'hook.bind' is empty; that hook is not installed", AgentOptions::hookBind, null),
                bad("config=/no/such/file.properties",
                        "option 'config'='/no/such/file.properties': file not found; using inline options only", port, 8778),
                bad("config=" + dir, "is not a regular file; using inline options only", port, 8778),
                bad("config=" + invalidUtf8, "cannot be read", serverId, DEFAULT_ID),
                bad("config=" + nested, "option 'config' inside " + nested + " is ignored", serverId, "nested"),
                bad("config=" + typo, "unknown option 'jolokia.prot' (did you mean 'jolokia.port'?)", port, 8778),
                bad("config=", "option 'config' is empty; ignored", port, 8778),
                bad("=5", "option '=5' has no key before '='; ignored", port, 8778),
                bad("verbose", "option 'verbose' has no '=value'; ignored", port, 8778),
                bad("netty.ports=abc", "option 'netty.ports'='abc' has 'abc', which is not a port 1-65535 or a range of them"
                        + " (expected ports and ranges such as 3010,3100-3199); counting the connections of every listener",
                        ports, "all"),
                bad("netty.ports=70000", "option 'netty.ports'='70000' has '70000', which is not a port 1-65535",
                        ports, "all"),
                bad("netty.ports=3010,10-5", "option 'netty.ports'='3010,10-5' has the range '10-5', whose end is below"
                        + " its start", ports, "all"),
                bad("netty.ports=3010,,3011", "has an empty entry", ports, "all"),
                bad("jolokia.port=1,jolokia.port=2", "option 'jolokia.port' is given twice; using the last value '2'", port, 2));
    }

    @Test
    void nettyPortsTakesPortsAndRangesInlineAndCountsOnlyThose() {
        AgentOptions options = parse("netty.ports=3010,3100-3199, 4000 ,serverId=a");

        assertThat(problems).isEmpty();
        assertThat(options.nettyPorts()).hasToString("3010,3100-3199,4000");
        assertThat(options.nettyPorts().includes(3010)).isTrue();
        assertThat(options.nettyPorts().includes(3150)).isTrue();
        assertThat(options.nettyPorts().includes(3200)).isFalse();
        assertThat(options.nettyPorts().includes(-1)).isFalse();
        assertThat(options.nettyPorts().entriesWithoutAny(java.util.List.of(3010, 3199))).containsExactly("4000");
        assertThat(options.asMap()).containsEntry("netty.ports", "3010,3100-3199,4000");
        assertThat(parse(null).nettyPorts().includes(-1)).isTrue();
    }

    @Test
    void listenPortsIsTheNameForEveryTransportAndNettyPortsItsOlderName() {
        AgentOptions current = parse("listen.ports=3010,3020");
        assertThat(problems).isEmpty();
        assertThat(current.nettyPorts()).hasToString("3010,3020");
        assertThat(current.portsOption()).isEqualTo("listen.ports");
        assertThat(current.asMap()).containsEntry("listen.ports", "3010,3020").doesNotContainKey("netty.ports");

        AgentOptions both = parse("listen.ports=3010,netty.ports=4000");
        assertThat(both.nettyPorts()).hasToString("3010");
        assertThat(problems).containsExactly("options 'listen.ports' and its older name 'netty.ports' are both given;"
                + " using listen.ports=3010");
    }

    @Test
    void nettyRelocatedTakesPackageNamesAndReportsOthers() {
        AgentOptions options = parse("netty.relocated=io.grpc.netty.shaded,com.example.shaded.io.netty,no-such package");

        assertThat(options.nettyRelocated()).containsExactly("io.grpc.netty.shaded", "com.example.shaded");
        assertThat(problems).containsExactly("option 'netty.relocated' has 'no-such package', which is not a package"
                + " name (e.g. io.grpc.netty.shaded); that entry is ignored");
        assertThat(options.asMap()).containsEntry("netty.relocated", "io.grpc.netty.shaded,com.example.shaded");
        assertThat(parse(null).nettyRelocated()).isEmpty();
    }

    private static Arguments bad(String args, String problem, Function<AgentOptions, Object> value, Object expected) {
        return Arguments.of(args, problem, value, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsReportedOnceAndReplacedByTheDefault(String args, String problem,
            Function<AgentOptions, Object> value, Object expected) {
        AgentOptions options = parse(args);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains(problem);
        Object wanted = DEFAULT_ID.equals(expected) ? AgentOptions.parse(null, null).serverId() : expected;
        assertThat(value.apply(options)).isEqualTo(wanted);
    }

    @Test
    void oneBadValueDoesNotCostTheOthers() {
        AgentOptions options = parse("serverId=c1,jolokia.port=x,kick.enabled=true,bogus=1,serverType=gate,"
                + "jolokia.host=127.0.0.2");

        assertThat(problems).hasSize(2);
        assertThat(options.serverId()).isEqualTo("c1");
        assertThat(options.kickEnabled()).isTrue();
        assertThat(options.serverType()).isEqualTo("gate");
        assertThat(options.jolokiaPort()).isEqualTo(8778);
    }

    @Test
    void aReporterThatThrowsDoesNotStopParsing() {
        AgentOptions options = AgentOptions.parse("jolokia.port=x,serverId=c9", message -> {
            throw new IllegalStateException("broken reporter");
        });

        assertThat(options.serverId()).isEqualTo("c9");
        assertThat(options.jolokiaPort()).isEqualTo(8778);
    }

    private static Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static Path ownerOnly(String name, String content) throws IOException {
        Path file = write(name, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void passwordFromAnOwnerOnlyFileIsUsedQuietlyAndNeverShown() throws IOException {
        Path file = ownerOnly("password", "s3cret-file\n");

        AgentOptions options = parse("jolokia.user=ops,jolokia.password.file=" + file);

        assertThat(problems).isEmpty();
        assertThat(options.jolokiaEnabled()).isTrue();
        assertThat(options.jolokiaPassword()).isEqualTo("s3cret-file");
        assertThat(options.asMap()).containsEntry("jolokia.password", "****")
                .containsEntry("jolokia.password.file", file.toString());
        assertThat(options.toString()).doesNotContain("s3cret");
    }

    @Test
    void aPasswordFileOthersCanReadWorksWithOneWarning() throws IOException {
        Path file = write("open-password", "s3cret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AgentOptions options = parse("jolokia.user=ops,jolokia.password.file=" + file);

        assertThat(problems).singleElement().asString().contains("is readable by other users (rw-r--r--)")
                .contains("chmod 600 " + file);
        assertThat(options.jolokiaPassword()).isEqualTo("s3cret");
        assertThat(options.jolokiaEnabled()).isTrue();
    }

    @Test
    void anUnreadablePasswordFileKeepsJolokiaOffInOneLine() {
        AgentOptions options = parse("jolokia.user=ops,jolokia.password.file=/no/such/password");

        assertThat(problems).singleElement().asString().contains("option 'jolokia.password.file': cannot read "
                + "/no/such/password").contains("Jolokia stays off rather than start without authentication");
        assertThat(options.jolokiaEnabled()).isFalse();
    }

    @Test
    void passwordFromAnEnvironmentVariable() {
        AgentOptions options = AgentOptions.parse("jolokia.user=ops,jolokia.password.env=OU_PASSWORD", problems::add,
                name -> "OU_PASSWORD".equals(name) ? "env-s3cret" : null);

        assertThat(problems).isEmpty();
        assertThat(options.jolokiaPassword()).isEqualTo("env-s3cret");
        assertThat(options.asMap()).containsEntry("jolokia.password.env", "OU_PASSWORD")
                .containsEntry("jolokia.password", "****");
    }

    @Test
    void aMissingEnvironmentVariableKeepsJolokiaOffInOneLine() {
        AgentOptions options = AgentOptions.parse("jolokia.user=ops,jolokia.password.env=OU_NOT_SET", problems::add,
                name -> null);

        assertThat(problems).singleElement().asString()
                .contains("'jolokia.password.env': environment variable OU_NOT_SET is not set");
        assertThat(options.jolokiaEnabled()).isFalse();
    }

    @Test
    void aPasswordInAConfigFileOthersCanReadWarnsOnce() throws IOException {
        Path config = write("open.properties", "jolokia.user=ops\njolokia.password=s3cret\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

        AgentOptions options = parse("config=" + config);

        assertThat(problems).singleElement().asString().contains(config + " holds 'jolokia.password' and is readable"
                + " by other users");
        assertThat(options.jolokiaPassword()).isEqualTo("s3cret");
    }

    @Test
    void kickIsRefusedOnAnOpenNetworkEndpointInOneLine() {
        AgentOptions options = parse("jolokia.host=0.0.0.0,kick.enabled=true");

        assertThat(problems).singleElement().asString().isEqualTo("option 'kick.enabled=true' is refused: Jolokia"
                + " listens on 0.0.0.0, beyond this host, without authentication (set 'jolokia.user' with"
                + " 'jolokia.password.file', or 'jolokia.tls.clientAuth=true'); kick stays off");
        assertThat(options.kickEnabled()).isFalse();
        assertThat(options.jolokiaEnabled()).isTrue();
    }

    @Test
    void kickStaysOnWithAuthenticationOrOnLoopback() throws IOException {
        Path file = ownerOnly("kick-password", "pw");
        assertThat(parse("jolokia.host=0.0.0.0,kick.enabled=true,jolokia.user=ops,jolokia.password.file=" + file)
                .kickEnabled()).isTrue();
        assertThat(parse("jolokia.host=localhost,kick.enabled=true").kickEnabled()).isTrue();
        assertThat(parse("jolokia.host=0.0.0.0,kick.enabled=true,jolokia.enabled=false").kickEnabled()).isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void tlsFromPemFilesWithClientCertificates() throws IOException {
        Path password = ownerOnly("key-password", "kp");
        AgentOptions options = parse("jolokia.tls.cert=/etc/ou/server.pem,jolokia.tls.key=/etc/ou/server-key.pem,"
                + "jolokia.tls.ca=/etc/ou/ca.pem,jolokia.tls.clientAuth=true,"
                + "jolokia.tls.clientPrincipal=CN=collector|CN=ops,jolokia.tls.keystorePassword.file=" + password);

        assertThat(problems).isEmpty();
        JolokiaTls tls = options.jolokiaTls();
        assertThat(tls.cert()).isEqualTo("/etc/ou/server.pem");
        assertThat(tls.key()).isEqualTo("/etc/ou/server-key.pem");
        assertThat(tls.ca()).isEqualTo("/etc/ou/ca.pem");
        assertThat(tls.clientAuth()).isTrue();
        assertThat(tls.clientPrincipals()).containsExactly("CN=collector", "CN=ops");
        assertThat(tls.keystorePassword()).isEqualTo("kp");
        assertThat(options.asMap()).containsEntry("jolokia.tls.cert", "/etc/ou/server.pem")
                .containsEntry("jolokia.tls.keystorePassword.file", password.toString());
        assertThat(options.toString()).doesNotContain("kp,").doesNotContain("=kp");
    }

    @Test
    void anInlineKeystorePasswordIsMaskedAndWarned() {
        AgentOptions options = parse("jolokia.tls.keystore=/etc/ou/server.p12,jolokia.tls.keystorePassword=ks-s3cret");

        assertThat(problems).singleElement().asString()
                .contains("'jolokia.tls.keystorePassword' is on the JVM's command line");
        assertThat(options.asMap()).containsEntry("jolokia.tls.keystorePassword", "****");
        assertThat(options.raw("jolokia.tls.keystorePassword")).isEqualTo("****");
        assertThat(options.toString()).doesNotContain("ks-s3cret");
        assertThat(options.jolokiaTls().keystorePassword()).isEqualTo("ks-s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jolokia.tls.cert=/c.pem|'jolokia.tls.cert' needs 'jolokia.tls.key'",
        "jolokia.tls.cert=/c.pem,jolokia.tls.key=/k.pem,jolokia.tls.clientAuth=true|'jolokia.tls.clientAuth=true' needs 'jolokia.tls.ca'",
        "jolokia.tls.keystore=/k.p12,jolokia.tls.clientPrincipal=CN=x|'jolokia.tls.clientPrincipal' needs 'jolokia.tls.clientAuth=true'",
        "jolokia.tls.ca=/ca.pem|TLS options are set but neither 'jolokia.tls.cert' nor 'jolokia.tls.keystore' is",
        "jolokia.tls.keystore=/k.p12,jolokia.tls.cert=/c.pem,jolokia.tls.key=/k.pem|are alternatives; give one"})
    void contradictoryTlsOptionsKeepJolokiaOffInOneLine(String argsAndProblem) {
        String[] parts = argsAndProblem.split("\\|");
        AgentOptions options = parse(parts[0]);

        assertThat(problems).singleElement().asString().contains(parts[1])
                .endsWith("Jolokia stays off rather than serve without the TLS you asked for");
        assertThat(options.jolokiaEnabled()).isFalse();
    }
}
