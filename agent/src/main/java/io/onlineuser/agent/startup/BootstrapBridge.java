package io.onlineuser.agent.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/**
 * Puts the bridge classes on the bootstrap class path, once per JVM, from a jar built with the
 * agent and kept in it as the resource {@code onlineuser/bridge.jar} (not as classes, so the
 * system class loader can never define a second copy), copied to a file of its own at start.
 */
public final class BootstrapBridge {

    static final String PACKAGE = "io.onlineuser.agent.bridge.";
    static final String BRIDGE_CLASS = PACKAGE + "OnlineUserBridge";
    static final String RESOURCE = "onlineuser/bridge.jar";
    private static final int MAX_NAME_ATTEMPTS = 100;

    private BootstrapBridge() {
    }

    /**
     * Makes the bridge visible to every class loader and claims the install.
     *
     * @return true when this agent is the first in the JVM and must install; false when an agent
     *         already did (a second attach must not count everything twice)
     */
    public static boolean installAndClaim(Instrumentation instrumentation) throws IOException, ReflectiveOperationException {
        Class<?> bridge = install(instrumentation);
        return (Boolean) bridge.getMethod("claimInstall").invoke(null);
    }

    /**
     * Makes the bridge visible to every class loader without claiming the install (a {@code suggest}
     * that finds no agent leaves the install to a later attach).
     *
     * @return the bridge class, the one on the bootstrap path
     */
    public static Class<?> install(Instrumentation instrumentation) throws IOException, ClassNotFoundException {
        if (!isOnBootstrapPath()) {
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(copyJar().toFile()));
        }
        return Class.forName(BRIDGE_CLASS, true, null);
    }

    private static boolean isOnBootstrapPath() {
        try {
            Class.forName(BRIDGE_CLASS, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Path copyJar() throws IOException {
        Path jar = newFile();
        jar.toFile().deleteOnExit();
        try (InputStream bytes = BootstrapBridge.class.getClassLoader().getResourceAsStream(RESOURCE);
             OutputStream out = Files.newOutputStream(jar)) {
            if (bytes == null) {
                throw new IOException("the agent jar lacks " + RESOURCE + "; it was not built by its pom");
            }
            bytes.transferTo(out);
        }
        return jar;
    }

    /**
     * A new file in the temporary directory, named after this process. Not
     * {@code Files.createTempFile}: its random name initialises {@code SecureRandom}, ~50 ms of
     * the host's start. Creating it new (never opening an existing file or link) keeps the
     * predictable name safe; a name taken already, by anybody, moves on to the next one.
     */
    private static Path newFile() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createFile(dir.resolve("onlineuser-bridge-" + pid + "-" + attempt + ".jar"));
            } catch (FileAlreadyExistsException e) {
                if (attempt == MAX_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
