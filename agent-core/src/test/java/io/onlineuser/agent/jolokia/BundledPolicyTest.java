package io.onlineuser.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.agent.jmx.AgentMBean;
import io.onlineuser.agent.jmx.ConnectionStatsMBean;
import io.onlineuser.agent.jmx.SessionMBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.management.ObjectName;
import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled policies name the readable attributes one by one (cheaper for Jolokia than "*"): every
 * attribute of every onlineuser MBean must be among them, and nothing else.
 */
class BundledPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/onlineuser/jolokia-access.xml", "/onlineuser/jolokia-access-kick.xml"})
    void everyAttributeOfEveryMBeanIsReadableAndNoOther(String policy) throws Exception {
        PolicyRestrictor restrictor = restrictor(policy);
        check(restrictor, "onlineuser:type=ConnectionStats,serverId=a", ConnectionStatsMBean.class);
        check(restrictor, "onlineuser:type=Session,serverId=a", SessionMBean.class);
        check(restrictor, "onlineuser:type=Agent,serverId=a", AgentMBean.class);
    }

    private static void check(PolicyRestrictor restrictor, String name, Class<?> mbean) throws Exception {
        ObjectName objectName = new ObjectName(name);
        for (String attribute : attributes(mbean)) {
            assertThat(restrictor.isAttributeReadAllowed(objectName, attribute)).as("%s %s", name, attribute).isTrue();
            assertThat(restrictor.isAttributeWriteAllowed(objectName, attribute)).as("%s %s", name, attribute).isFalse();
        }
        assertThat(restrictor.isAttributeReadAllowed(objectName, "NoSuchAttribute")).isFalse();
    }

    private static List<String> attributes(Class<?> mbean) {
        List<String> names = new ArrayList<>();
        for (Method method : mbean.getMethods()) {
            if (method.getParameterCount() == 0 && method.getName().startsWith("get")) {
                names.add(method.getName().substring(3));
            } else if (method.getParameterCount() == 0 && method.getName().startsWith("is")) {
                names.add(method.getName().substring(2));
            }
        }
        return names;
    }

    private static PolicyRestrictor restrictor(String policy) throws IOException {
        try (InputStream in = BundledPolicyTest.class.getResourceAsStream(policy)) {
            return new PolicyRestrictor(in);
        }
    }
}
