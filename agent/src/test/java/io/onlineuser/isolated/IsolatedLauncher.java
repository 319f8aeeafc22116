package io.onlineuser.isolated;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Main class of the isolated-class-loader test JVM: runs {@link EchoServer} with Netty loaded by a
 * URLClassLoader whose parent is the platform loader, as application servers and plugin hosts do,
 * so neither Netty nor the echo server is visible to the system class loader.
 * Arguments: the directory of Netty jars, the directory holding the compiled echo server.
 */
public final class IsolatedLauncher {

    private IsolatedLauncher() {
    }

    public static void main(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Path.of(args[0]))) {
            for (Path jar : (Iterable<Path>) jars.filter(p -> p.toString().endsWith(".jar"))::iterator) {
                urls.add(jar.toUri().toURL());
            }
        }
        urls.add(Path.of(args[1]).toUri().toURL());
        URLClassLoader isolated = new URLClassLoader("isolated-netty", urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader());
        System.out.println("netty visible to the system class loader: " + visibleToSystemLoader());
        Class<?> server = isolated.loadClass(EchoServer.class.getName());
        System.out.println("echo server loaded by " + server.getClassLoader().getName());
        server.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    }

    private static boolean visibleToSystemLoader() {
        try {
            Class.forName("io.netty.channel.Channel", false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
