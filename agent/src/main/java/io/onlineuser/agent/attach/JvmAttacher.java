package io.onlineuser.agent.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The only class that uses {@code com.sun.tools.attach}. */
public final class JvmAttacher {

    private JvmAttacher() {
    }

    /** The jar this class was loaded from: the agent jar, when run as {@code java -jar}. */
    public static Path agentJar() throws AttachFailure {
        try {
            return Path.of(JvmAttacher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new AttachFailure("cannot tell where onlineuser-agent.jar is: " + e);
        }
    }

    /** One line per attachable JVM but this one: pid and main class or jar. */
    static List<String> list() {
        String self = Long.toString(ProcessHandle.current().pid());
        return VirtualMachine.list().stream()
                .filter(vm -> !vm.id().equals(self))
                .map(JvmAttacher::describe)
                .collect(Collectors.toList());
    }

    private static String describe(VirtualMachineDescriptor vm) {
        String name = vm.displayName().isEmpty() ? "(no main class)" : vm.displayName();
        return vm.id() + " " + name;
    }

    /** Loads {@code agentJar} into JVM {@code pid} with {@code options} as its agent argument. */
    public static void load(String pid, Path agentJar, String options) throws AttachFailure {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            throw new AttachFailure("cannot attach to JVM " + pid + ": " + e.getMessage()
                    + " (is it a running JVM of this user? 'list' shows the ones you can attach to)");
        }
        try {
            vm.loadAgent(agentJar.toString(), options);
        } catch (AgentLoadException | AgentInitializationException e) {
            throw new AttachFailure("JVM " + pid + " refused the agent: " + e.getMessage());
        } catch (IOException e) {
            throw new AttachFailure("lost the connection to JVM " + pid + " while loading the agent: " + e.getMessage());
        } finally {
            try {
                vm.detach();
            } catch (IOException e) {
                // the agent is loaded or not; a failed detach changes nothing for the operator
            }
        }
    }
}
