package io.onlineuser.sample.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {
    private static final byte[] BODY = "{\"uid\":\"u1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void requestIsFlagThenIdThenRouteThenBody() {
        byte[] encoded = MessageCodec.encode(PomeloMessage.request(5, "a.b", BODY));

        assertThat(encoded).startsWith(0x00, 5, 3, 'a', '.', 'b', '{');
        assertThat(encoded).hasSize(6 + BODY.length);
    }

    @Test
    void notifyHasRouteButNoId() {
        assertThat(MessageCodec.encode(PomeloMessage.notify("r", BODY))).startsWith(0x02, 1, 'r', '{');
    }

    @Test
    void responseHasIdButNoRoute() {
        assertThat(MessageCodec.encode(PomeloMessage.response(7, BODY))).startsWith(0x04, 7, '{');
    }

    @Test
    void pushHasRouteButNoId() {
        assertThat(MessageCodec.encode(PomeloMessage.push("onChat", BODY))).startsWith(0x06, 6, 'o', 'n');
    }

    @Test
    void everyMessageTypeRoundTrips() {
        for (PomeloMessage message : new PomeloMessage[] {
                PomeloMessage.request(1, "connector.entryHandler.login", BODY),
                PomeloMessage.notify("chat.chatHandler.send", BODY),
                PomeloMessage.response(2, BODY),
                PomeloMessage.push("onChat", BODY),
                PomeloMessage.push("", new byte[0])}) {
            assertThat(MessageCodec.decode(MessageCodec.encode(message))).isEqualTo(message);
        }
    }

    @Test
    void idsAreBase128LowestGroupFirst() {
        assertThat(MessageCodec.encode(PomeloMessage.response(127, new byte[0]))).containsExactly(0x04, 0x7F);
        assertThat(MessageCodec.encode(PomeloMessage.response(128, new byte[0]))).containsExactly(0x04, 0x80, 0x01);
        assertThat(MessageCodec.encode(PomeloMessage.response(300, new byte[0]))).containsExactly(0x04, 0xAC, 0x02);
        assertThat(MessageCodec.encode(PomeloMessage.response(16384, new byte[0]))).containsExactly(0x04, 0x80, 0x80, 0x01);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 127, 128, 255, 16383, 16384, 2_097_151, 2_097_152, Integer.MAX_VALUE, (1L << 35) - 1})
    void multiByteIdsRoundTrip(long id) {
        assertThat(MessageCodec.decode(MessageCodec.encode(PomeloMessage.request(id, "r", BODY))).id()).isEqualTo(id);
    }

    @Test
    void refusesUnknownMessageType() {
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {0x08, 1}))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("unknown message type 4");
    }

    @Test
    void refusesFlagBitsOutsideTheProtocol() {
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {(byte) 0x20, 1, 0}))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("bad message flag 0x20");
    }

    @Test
    void refusesCompressedRoutesAndGzipSinceNeitherIsSupported() {
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {0x01, 1, 0, 1}))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("compressed routes");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {0x10, 1, 0}))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("gzip");
    }

    @Test
    void refusesTruncatedInput() {
        assertThatThrownBy(() -> MessageCodec.decode(new byte[0])).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {0x00, (byte) 0x80}))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("truncated message id");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {0x00, 1}))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("truncated route length");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {0x00, 1, 5, 'a', 'b'}))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("truncated route");
    }

    @Test
    void refusesIdsLongerThanFiveBytes() {
        byte[] sixByteId = {0x04, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};

        assertThatThrownBy(() -> MessageCodec.decode(sixByteId))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("longer than 5 bytes");
    }

    @Test
    void refusesToEncodeIdsTheDecoderWouldRefuse() {
        assertThatThrownBy(() -> MessageCodec.encode(PomeloMessage.request(1L << 35, "r", BODY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageCodec.encode(PomeloMessage.response(-1, BODY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesRoutesThatDoNotFitOneLengthByte() {
        assertThatThrownBy(() -> MessageCodec.encode(PomeloMessage.notify("r".repeat(256), BODY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badJsonIsAProtocolError() {
        assertThatThrownBy(() -> Json.parse("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("bad JSON");
    }
}
