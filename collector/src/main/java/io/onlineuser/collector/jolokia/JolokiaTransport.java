package io.onlineuser.collector.jolokia;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.onlineuser.collector.failure.FailureKind;
import io.onlineuser.collector.failure.TransportFailure;
import io.onlineuser.collector.failure.TransportFailures;
import io.onlineuser.collector.http.ConnectorHttp;
import io.onlineuser.collector.http.HttpAnswer;
import io.onlineuser.collector.tls.ClientTls;
import org.jolokia.client.HttpUtil;
import org.jolokia.client.JolokiaQueryParameter;
import org.jolokia.client.JolokiaTargetConfig;
import org.jolokia.client.exception.JolokiaException;
import org.jolokia.client.request.HttpMethod;
import org.jolokia.client.request.JolokiaRequest;
import org.jolokia.client.response.JolokiaResponse;
import org.jolokia.client.spi.HttpClientSpi;
import org.jolokia.json.JSONArray;
import org.jolokia.json.JSONObject;
import org.jolokia.json.JSONStructure;

/**
 * jolokia-client-java's transport for one connector, cheaper per call than its default one: the
 * {@link ConnectorHttp} client is shared with the other connectors of the cluster (a few event
 * loops instead of a client per connector), and answers are parsed with Jackson's streaming parser into
 * jolokia-json's {@link JSONObject}/{@link JSONArray}. jolokia-json's parser allocates ~50 KB of
 * buffers per answer and reads ~4x slower, which on a 2-core master costs a third of the CPU of
 * a counts read and most of a {@code getByUid}. Requests are still built, and answers checked and
 * typed, by {@link org.jolokia.client.JolokiaClient}; failures of the transport itself are thrown as
 * a {@link TransportFailure} that carries its {@link FailureKind} (refused, timed out, HTTP status,
 * not Jolokia, TLS: untrusted certificate, host-name mismatch, client certificate missing or
 * refused), so nothing downstream reads message texts.
 */
final class JolokiaTransport implements HttpClientSpi<ConnectorHttp> {

    private static final JsonFactory JSON = new JsonFactory();

    private final ConnectorHttp http;
    private final URI url;
    private final long timeoutMillis;
    private final String authorization;
    private final ClientTls tls;
    private volatile QueryUri queryUri;

    JolokiaTransport(ConnectorHttp http, ConnectorTarget target, long timeoutMillis, ClientTls tls) {
        this.http = http;
        this.tls = tls;
        this.url = target.url();
        this.timeoutMillis = timeoutMillis;
        this.authorization = target.user() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (target.user() + ":" + (target.password() == null ? "" : target.password())).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public <REQ extends JolokiaRequest, RES extends JolokiaResponse<REQ>> JSONStructure execute(
            REQ request, HttpMethod method, Map<JolokiaQueryParameter, String> parameters, JolokiaTargetConfig target)
            throws JolokiaException {
        JSONObject body = HttpUtil.getJsonRequestContent(request, HttpUtil.determineTargetConfig(request, target));
        return postAndWait(body.toJSONString(), parameters, request.getType().getValue());
    }

    @Override
    public <REQ extends JolokiaRequest, RES extends JolokiaResponse<REQ>> JSONStructure execute(
            List<REQ> requests, Map<JolokiaQueryParameter, String> parameters, JolokiaTargetConfig target)
            throws JolokiaException {
        JSONArray bulk = new JSONArray(requests.size());
        for (REQ request : requests) {
            bulk.add(HttpUtil.getJsonRequestContent(request, HttpUtil.determineTargetConfig(request, target)));
        }
        return postAndWait(bulk.toJSONString(), parameters, "bulk");
    }

    @Override
    public ConnectorHttp getClient(Class<ConnectorHttp> type) {
        return http;
    }

    /** The shared client belongs to the cluster; nothing of this connector's is left to release. */
    @Override
    public void close() {
    }

    /**
     * One request without waiting: the answer is read, checked and parsed on the HTTP client's event
     * loop; the future fails with a {@link TransportFailure} or another {@link JolokiaException}.
     */
    CompletableFuture<JSONStructure> executeAsync(JolokiaRequest request, Map<JolokiaQueryParameter, String> parameters) {
        JSONObject body = HttpUtil.getJsonRequestContent(request, HttpUtil.determineTargetConfig(request, null));
        return post(body.toJSONString(), parameters, request.getType().getValue());
    }

    private JSONStructure postAndWait(String json, Map<JolokiaQueryParameter, String> parameters, String what) throws JolokiaException {
        try {
            return post(json, parameters, what).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof JolokiaException jolokia ? jolokia
                    : new JolokiaException("Failed " + what + " Jolokia request: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JolokiaException("Interrupted while sending " + what + " Jolokia request", e);
        }
    }

    private CompletableFuture<JSONStructure> post(String json, Map<JolokiaQueryParameter, String> parameters, String what) {
        return http.post(uriFor(parameters), json.getBytes(StandardCharsets.UTF_8), authorization, timeoutMillis)
                .handle((response, failure) -> {
                    try {
                        return answer(response, failure, what);
                    } catch (JolokiaException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    private JSONStructure answer(HttpAnswer response, Throwable failure, String what) throws JolokiaException {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            throw TransportFailures.of(cause instanceof IOException io ? io : new IOException(cause), url, tls, timeoutMillis);
        }
        tls.answered(url);
        if (response.status() != 200) {
            // Jolokia answers its own errors with HTTP 200 and an error object: this is not Jolokia talking
            throw TransportFailures.httpStatus(response.status());
        }
        return parse(response.body(), what);
    }

    private URI uriFor(Map<JolokiaQueryParameter, String> parameters) {
        QueryUri known = queryUri;
        if (known == null || !known.parameters().equals(parameters)) {
            known = new QueryUri(parameters, HttpUtil.prepareFullUrl(url, url.getPath(), HttpUtil.toQueryString(parameters)));
            queryUri = known;
        }
        return known.uri();
    }

    /** One JSON object or array, nothing after it; anything else is reported the way jolokia-json's parser does. */
    static JSONStructure parse(byte[] body, String what) throws JolokiaException {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw new TransportFailure(FailureKind.GARBAGE, "not a Jolokia JSON answer (it starts with "
                        + (first == null ? "nothing" : parser.getText()) + ")", null);
            }
            JSONStructure structure = (JSONStructure) value(parser, first);
            if (parser.nextToken() != null) {
                throw new TransportFailure(FailureKind.GARBAGE, "not a Jolokia JSON answer (more after the JSON "
                        + (first == JsonToken.START_OBJECT ? "object" : "array") + ")", null);
            }
            return structure;
        } catch (IOException e) {
            throw new TransportFailure(FailureKind.GARBAGE, "not a Jolokia JSON answer (" + e.getMessage() + ")", e);
        }
    }

    /** The value at {@code token}: objects and arrays as jolokia-json's types, integers as Long (BigInteger when larger), decimals as BigDecimal. */
    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("unexpected end of the answer");
        }
        switch (token) {
            case START_OBJECT -> {
                JSONObject object = new JSONObject();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                JSONArray array = new JSONArray();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue() : parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDecimalValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + token);
        }
    }

    private record QueryUri(Map<JolokiaQueryParameter, String> parameters, URI uri) {
    }
}
