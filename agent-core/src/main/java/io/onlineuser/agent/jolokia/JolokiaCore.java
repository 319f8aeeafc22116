package io.onlineuser.agent.jolokia;

import io.onlineuser.agent.jolokia.http.Authentication;
import io.onlineuser.agent.jolokia.http.JolokiaAnswers;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.config.ConfigKey;
import org.jolokia.server.core.config.Configuration;
import org.jolokia.server.core.detector.ServerDetectorLookup;
import org.jolokia.server.core.restrictor.RestrictorFactory;
import org.jolokia.server.core.service.JolokiaServiceManagerFactory;
import org.jolokia.server.core.service.api.JolokiaContext;
import org.jolokia.server.core.service.api.JolokiaServiceManager;
import org.jolokia.server.core.service.api.LogHandler;
import org.jolokia.server.core.service.impl.ClasspathServiceCreator;
import org.jolokia.server.core.util.LocalServiceFactory;
import org.jolokia.server.core.util.NetworkUtil;

/**
 * Jolokia without its HTTP server: the service manager started as Jolokia's JVM agent starts it
 * (the configured policy, the services found on the class path, plus {@link ResponseTimestamp}),
 * the URL it announces, and the {@link JolokiaAnswers} that serve it over HTTP.
 */
public final class JolokiaCore {

    private final JolokiaServiceManager services;
    private final JolokiaAnswers answers;
    private final String url;

    private JolokiaCore(JolokiaServiceManager services, JolokiaAnswers answers, String url) {
        this.services = services;
        this.answers = answers;
        this.url = url;
    }

    /**
     * Starts Jolokia for a server listening on {@code bound}; {@code detectors} may be null (the
     * platform MBeanServer and the detectors on the class path).
     */
    public static JolokiaCore start(JolokiaServerConfig config, InetSocketAddress bound, LogHandler log,
            ServerDetectorLookup detectors) {
        Authentication authentication = Authentication.of(config);
        Configuration settings = config.getJolokiaConfig();
        JolokiaServiceManager services = JolokiaServiceManagerFactory.createJolokiaServiceManager(settings, log,
                RestrictorFactory.createRestrictor(settings, log), detectors);
        ClassLoader loader = config.getClassLoader() != null ? config.getClassLoader()
                : LocalServiceFactory.class.getClassLoader();
        services.addServices(new ClasspathServiceCreator(loader, "services"));
        services.addService(new ResponseTimestamp());
        JolokiaContext context = services.start();
        String url = url(config, bound);
        String announced = settings.getConfig(ConfigKey.DISCOVERY_AGENT_URL);
        context.getAgentDetails().updateAgentParameters(announced != null ? announced : url,
                config.getAuthenticator() != null);
        return new JolokiaCore(services, new JolokiaAnswers(context, authentication), url);
    }

    /** What answers Jolokia's requests. */
    public JolokiaAnswers answers() {
        return answers;
    }

    /** Where clients reach it: {@code http(s)://address:port/context}, with an address of this host for a wildcard bind. */
    public String url() {
        return url;
    }

    public void stop() {
        services.stop();
    }

    private static String url(JolokiaServerConfig config, InetSocketAddress bound) {
        InetAddress address = bound.getAddress();
        if (address.isAnyLocalAddress()) {
            address = someAddressOfThisHost(address);
        }
        String host = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int scope = host.indexOf('%');
            host = "[" + (scope < 0 ? host : host.substring(0, scope)) + "]";
        }
        String context = config.getContextPath();
        return config.getProtocol() + "://" + host + ":" + bound.getPort() + (context.endsWith("/")
                ? context.substring(0, context.length() - 1) : context);
    }

    /** As Jolokia's agent announces a wildcard bind: an IPv4 address of an interface, unless IPv6 is preferred. */
    private static InetAddress someAddressOfThisHost(InetAddress wildcard) {
        try {
            boolean ipv6 = wildcard instanceof Inet6Address && Boolean.getBoolean("java.net.preferIPv6Addresses");
            return NetworkUtil.getLocalAddress(ipv6 ? Inet6Address.class : Inet4Address.class);
        } catch (IOException e) {
            try {
                return InetAddress.getLocalHost();
            } catch (IOException noName) {
                return wildcard;
            }
        }
    }
}
