package io.onlineuser.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PackedAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:3010", "0.0.0.0:0", "255.255.255.255:65535", "10.1.2.3:80"})
    void ipv4AddressesRoundTripThroughALong(String address) {
        long packed = PackedAddress.pack(address);

        assertThat(packed).isNotZero();
        assertThat(PackedAddress.unpack(packed)).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1]:80", "host:80", "1.2.3:80", "1.2.3.4", "1.2.3.4:", "256.1.1.1:1",
        "1.2.3.4:65536", "1.2.3.4:5:6", "1..3.4:5", "", "/", "10.0.0.1:5/", "1.2.3.4:5/[::1]:80", "x1.2.3.4:5"})
    void anythingElseStaysText(String address) {
        assertThat(PackedAddress.pack(address)).isZero();
    }

    @ParameterizedTest
    @CsvSource({"/10.0.0.1:5,10.0.0.1:5", "host/10.0.0.1:5,10.0.0.1:5", "a/b:c/10.0.0.1:5,10.0.0.1:5"})
    void hostPrefixIsSkippedWhilePacking(String given, String address) {
        assertThat(PackedAddress.unpack(PackedAddress.pack(given))).isEqualTo(address);
    }

    @ParameterizedTest
    @CsvSource({"/10.0.0.1:5,10.0.0.1:5", "host/10.0.0.1:5,10.0.0.1:5", "10.0.0.1:5,10.0.0.1:5", "/,"})
    void hostPrefixOfInetSocketAddressIsDropped(String given, String normalized) {
        assertThat(PackedAddress.normalize(given)).isEqualTo(normalized);
    }
}
