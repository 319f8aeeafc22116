package io.onlineuser.collector.jolokia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import io.onlineuser.collector.failure.FailureClassifier;
import io.onlineuser.collector.failure.FailureKind;
import io.onlineuser.collector.failure.TransportFailure;
import org.jolokia.client.exception.JolokiaException;
import org.jolokia.json.JSONArray;
import org.jolokia.json.JSONObject;
import org.jolokia.json.JSONStructure;
import org.junit.jupiter.api.Test;

/** The answer parser gives jolokia-json's types, as jolokia-client's own parser does, and refuses what is not one JSON value. */
class JolokiaTransportTest {

    @Test
    void objectsAndArraysAreJolokiaJsonTypesWithLongIntegers() throws JolokiaException {
        JSONStructure parsed = parse("{\"value\":[{\"uid\":\"u1\",\"loginTime\":1795674231973,\"n\":1,\"ok\":true,\"none\":null}],"
                + "\"status\":200,\"big\":123456789012345678901234567890,\"ratio\":0.5}");

        assertThat(parsed).isInstanceOf(JSONObject.class);
        JSONObject answer = (JSONObject) parsed;
        assertThat(answer.get("status")).isEqualTo(200L);
        assertThat(answer.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(answer.get("ratio")).isEqualTo(new BigDecimal("0.5"));
        assertThat(answer.get("value")).isInstanceOf(JSONArray.class);
        JSONObject row = (JSONObject) ((JSONArray) answer.get("value")).get(0);
        assertThat(row).containsEntry("uid", "u1").containsEntry("loginTime", 1795674231973L).containsEntry("n", 1L)
                .containsEntry("ok", true).containsEntry("none", null);
    }

    @Test
    void bulkAnswerIsAnArray() throws JolokiaException {
        assertThat(parse("[{\"status\":200,\"value\":1},{\"status\":404}]")).isInstanceOf(JSONArray.class).asList().hasSize(2);
    }

    @Test
    void whatIsNotOneJsonObjectOrArrayIsAParseError() {
        for (String body : new String[] {"", "<html><body>nginx</body></html>", "\"just a string\"", "{\"a\":1} trailing",
                "{\"a\":[1,2", "{\"a\":}"}) {
            assertThatThrownBy(() -> parse(body)).as(body).isInstanceOf(TransportFailure.class)
                    .hasMessageStartingWith("garbage answer: not a Jolokia JSON answer")
                    .extracting(failure -> FailureClassifier.classify(failure, 0).kind()).isEqualTo(FailureKind.GARBAGE);
        }
    }

    private static JSONStructure parse(String body) throws JolokiaException {
        return JolokiaTransport.parse(body.getBytes(StandardCharsets.UTF_8), "read");
    }
}
