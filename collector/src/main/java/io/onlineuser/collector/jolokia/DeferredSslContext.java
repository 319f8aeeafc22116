package io.onlineuser.collector.jolokia;

import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} that builds the real one when a TLS connection first needs it. The JDK's
 * HTTP client takes its context when it is built; loading the TLS provider and the default trust
 * store costs a fresh {@code onlineuser-collector online} about 300 ms of its ~1.2 s, which a
 * cluster of {@code http://} agents never needs. Give the client {@code new SSLParameters()} as
 * well, or it asks this context for its defaults at once.
 */
final class DeferredSslContext extends SSLContext {

    DeferredSslContext(Supplier<SSLContext> real) {
        super(new Spi(real), null, "TLS");
    }

    private static final class Spi extends SSLContextSpi {

        private final Supplier<SSLContext> supplier;
        private volatile SSLContext real;

        Spi(Supplier<SSLContext> supplier) {
            this.supplier = supplier;
        }

        private SSLContext real() {
            SSLContext context = real;
            if (context == null) {
                synchronized (this) {
                    context = real;
                    if (context == null) {
                        context = supplier.get();
                        real = context;
                    }
                }
            }
            return context;
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
            throw new UnsupportedOperationException("this context is set up when it is first used");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }
}
