package io.onlineuser.agent.jolokia;

import org.jolokia.json.JSONObject;
import org.jolokia.server.core.request.JolokiaRequest;
import org.jolokia.server.core.service.api.AbstractJolokiaService;
import org.jolokia.server.core.service.request.RequestInterceptor;

/**
 * Puts {@code "timestamp"} (epoch seconds) into every successful answer, as the stock Jolokia JVM
 * agent does. There it comes from the history service, which we leave out (it keeps per-attribute
 * history and costs an MBean call per request); Jolokia clients need the field all the same:
 * {@code jolokia.js} judges an answer successful only when it has one, and its
 * {@code onlyIfModified} polling sends it back.
 */
final class ResponseTimestamp extends AbstractJolokiaService<RequestInterceptor> implements RequestInterceptor {

    ResponseTimestamp() {
        super(RequestInterceptor.class, 0);
    }

    @Override
    public void intercept(JolokiaRequest request, JSONObject answer) {
        answer.putIfAbsent("timestamp", System.currentTimeMillis() / 1000);
    }
}
