package io.onlineuser.sample.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PackageCodecTest {
    private static final int LIMIT = PackageCodec.DEFAULT_MAX_BODY_LENGTH;

    @ParameterizedTest
    @EnumSource(PackageType.class)
    void everyPackageTypeRoundTrips(PackageType type) {
        PomeloPackage pkg = new PomeloPackage(type, "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8));

        PomeloPackage decoded = PackageCodec.decode(Unpooled.wrappedBuffer(PackageCodec.encode(pkg)), LIMIT);

        assertThat(decoded).isEqualTo(pkg);
    }

    @Test
    void headerIsTypeThenThreeByteBigEndianLength() {
        byte[] body = new byte[0x012345];

        byte[] encoded = PackageCodec.encode(new PomeloPackage(PackageType.DATA, body));

        assertThat(encoded).startsWith(4, 0x01, 0x23, 0x45).hasSize(4 + body.length);
    }

    @Test
    void heartbeatAndAckAreBareHeaders() {
        assertThat(PackageCodec.encode(PomeloPackage.heartbeat())).containsExactly(3, 0, 0, 0);
        assertThat(PackageCodec.encode(PomeloPackage.handshakeAck())).containsExactly(2, 0, 0, 0);
    }

    @Test
    void waitsForTheWholePackageAndReadsNothingMeanwhile() {
        byte[] whole = PackageCodec.encode(PomeloPackage.kick("{\"reason\":\"bye\"}".getBytes(StandardCharsets.UTF_8)));
        ByteBuf partial = Unpooled.buffer().writeBytes(whole, 0, whole.length - 1);

        assertThat(PackageCodec.decode(partial, LIMIT)).isNull();
        assertThat(partial.readerIndex()).isZero();

        partial.writeByte(whole[whole.length - 1]);
        assertThat(PackageCodec.decode(partial, LIMIT).type()).isEqualTo(PackageType.KICK);
    }

    @Test
    void decodesSeveralPackagesFromOneBuffer() {
        ByteBuf buf = Unpooled.buffer();
        PackageCodec.encode(PomeloPackage.heartbeat(), buf);
        PackageCodec.encode(PomeloPackage.handshakeAck(), buf);

        assertThat(PackageCodec.decodeAll(buf, LIMIT)).containsExactly(PomeloPackage.heartbeat(), PomeloPackage.handshakeAck());
    }

    @Test
    void refusesUnknownTypeAsSoonAsTheHeaderIsThere() {
        assertThatThrownBy(() -> PackageCodec.decode(Unpooled.wrappedBuffer(new byte[] {9, 0, 0, 0}), LIMIT))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("unknown package type 9");
        assertThatThrownBy(() -> PackageCodec.decode(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 0}), LIMIT))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void refusesLengthPastTheLimitWithoutWaitingForTheBody() {
        ByteBuf header = Unpooled.wrappedBuffer(new byte[] {4, 0x01, 0x00, 0x01});

        assertThatThrownBy(() -> PackageCodec.decode(header, LIMIT))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("65537 bytes exceeds the limit of 65536");
    }

    @Test
    void acceptsABodyExactlyAtTheLimit() {
        PomeloPackage pkg = new PomeloPackage(PackageType.DATA, new byte[LIMIT]);

        assertThat(PackageCodec.decode(Unpooled.wrappedBuffer(PackageCodec.encode(pkg)), LIMIT)).isEqualTo(pkg);
    }

    @Test
    void refusesATruncatedPackageInAWholeMessage() {
        byte[] encoded = PackageCodec.encode(PomeloPackage.handshake("{}".getBytes(StandardCharsets.UTF_8)));
        ByteBuf truncated = Unpooled.wrappedBuffer(encoded, 0, encoded.length - 1);

        assertThatThrownBy(() -> PackageCodec.decodeAll(truncated, LIMIT))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("truncated package");
    }
}
