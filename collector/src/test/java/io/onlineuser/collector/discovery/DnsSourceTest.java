package io.onlineuser.collector.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.onlineuser.collector.jolokia.ConnectorTarget;
import org.junit.jupiter.api.Test;

class DnsSourceTest {

    @Test
    void everyAddressIsAJolokiaTargetOnThePort() throws Exception {
        List<InetAddress> addresses = List.of(InetAddress.getByName("10.0.0.7"), InetAddress.getByName("10.0.0.5"),
                InetAddress.getByName("fd00::1"), InetAddress.getByName("10.0.0.5"));
        Discovery discovery = DnsSource.parse("connectors.game.svc:8778", name -> addresses).discover();
        assertThat(discovery.targets()).extracting(ConnectorTarget::toString).containsExactly(
                "http://10.0.0.5:8778/jolokia", "http://10.0.0.7:8778/jolokia", "http://[fd00:0:0:0:0:0:0:1]:8778/jolokia");
        assertThat(discovery.problems()).isEmpty();
    }

    @Test
    void aNameWithoutRecordsIsAProblemNamedBySource() {
        Discovery discovery = DnsSource.parse("gone.test:8778", name -> {
            throw new UnknownHostException(name + ": no such name");
        }).discover();
        assertThat(discovery.targets()).isEmpty();
        assertThat(discovery.problems()).containsEntry("dns gone.test:8778", "no address: gone.test: no such name");
    }

    @Test
    void badNameAndPortIsAClearError() {
        DnsResolver unused = name -> List.of();
        assertThatThrownBy(() -> DnsSource.parse("connectors", unused)).hasMessageContaining("expected NAME:PORT");
        assertThatThrownBy(() -> DnsSource.parse("connectors:http", unused)).hasMessageContaining("not a port number");
        assertThatThrownBy(() -> DnsSource.parse("connectors:0", unused)).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> DnsSource.parse(":8778", unused)).hasMessageContaining("expected NAME:PORT");
    }
}
