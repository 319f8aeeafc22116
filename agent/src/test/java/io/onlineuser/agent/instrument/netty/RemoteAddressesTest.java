package io.onlineuser.agent.instrument.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class RemoteAddressesTest {

    @Test
    void ipv4IsIpColonPort() throws UnknownHostException {
        assertThat(RemoteAddresses.format(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 53412)))
                .isEqualTo("10.1.2.3:53412");
    }

    @Test
    void ipv6IsBracketedWithoutScope() throws UnknownHostException {
        assertThat(RemoteAddresses.format(new InetSocketAddress(InetAddress.getByName("::1"), 3010)))
                .isEqualTo("[0:0:0:0:0:0:0:1]:3010");
        assertThat(RemoteAddresses.format(new InetSocketAddress(InetAddress.getByName("fe80::1%1"), 3010)))
                .isEqualTo("[fe80:0:0:0:0:0:0:1]:3010");
    }

    @Test
    void neverLooksUpAHostName() {
        assertThat(RemoteAddresses.format(InetSocketAddress.createUnresolved("game.example", 80)))
                .isEqualTo("game.example:80");
    }

    @Test
    void otherAddressKindsKeepTheirText() {
        SocketAddress local = new SocketAddress() {
            @Override
            public String toString() {
                return "local:connector";
            }
        };

        assertThat(RemoteAddresses.format(local)).isEqualTo("local:connector");
        assertThat(RemoteAddresses.format(null)).isNull();
    }
}
