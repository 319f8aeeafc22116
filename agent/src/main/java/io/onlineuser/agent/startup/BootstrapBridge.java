package io.onlineuser.agent.startup;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge classes on the bootstrap class path, once per JVM, from a temporary jar built
 * out of their bytes (kept in the agent jar under {@code onlineuser/bridge/*.bytes}, not as
 * classes, so the system class loader can never define a second copy).
 */
public final class BootstrapBridge {

    static final String PACKAGE = "io.onlineuser.agent.bridge.";
    static final String BRIDGE_CLASS = PACKAGE + "OnlineUserBridge";
    /** Every class of the bridge package; a unit test keeps this list in step with the sources. */
    static final List<String> CLASS_NAMES = List.of("OnlineUserBridge", "BridgeListener");
    static final String RESOURCE_DIR = "onlineuser/bridge/";

    private BootstrapBridge() {
    }

    /**
     * Makes the bridge visible to every class loader and claims the install.
     *
     * @return true when this agent is the first in the JVM and must install; false when an agent
     *         already did (a second attach must not count everything twice)
     */
    public static boolean installAndClaim(Instrumentation instrumentation) throws IOException, ReflectiveOperationException {
        if (!isOnBootstrapPath()) {
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(writeJar().toFile()));
        }
        Class<?> bridge = Class.forName(BRIDGE_CLASS, true, null);
        return (Boolean) bridge.getMethod("claimInstall").invoke(null);
    }

    private static boolean isOnBootstrapPath() {
        try {
            Class.forName(BRIDGE_CLASS, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Path writeJar() throws IOException {
        Path jar = Files.createTempFile("onlineuser-bridge-", ".jar");
        jar.toFile().deleteOnExit();
        ClassLoader agentLoader = BootstrapBridge.class.getClassLoader();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : CLASS_NAMES) {
                try (InputStream bytes = agentLoader.getResourceAsStream(RESOURCE_DIR + name + ".bytes")) {
                    if (bytes == null) {
                        throw new IOException("the agent jar lacks " + RESOURCE_DIR + name + ".bytes; it was not built by its pom");
                    }
                    out.putNextEntry(new JarEntry(PACKAGE.replace('.', '/') + name + ".class"));
                    bytes.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
