package io.onlineuser.collector.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onlineuser.collector.api.ApiJson;
import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.failure.ConnectorException;
import io.onlineuser.collector.jolokia.ConnectorClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "online", mixinStandardHelpOptions = true, description = "Connections and logged-in users per server, with a total row (the default command).")
final class OnlineCommand implements Callable<Integer> {

    @ParentCommand
    CollectorMain main;

    @Option(names = "--check-duplicates",
            description = "Also read every logged-in list to find uids online on two servers at once.")
    boolean checkDuplicates;

    @Option(names = "--verbose",
            description = "Also show each connector's Agent MBean: version, Jolokia URL, listeners (counted or not, open and"
                    + " accepted connections) and hooks (state, methods matched, calls, last error).")
    boolean verbose;

    @Override
    public Integer call() {
        return run(main, checkDuplicates, verbose);
    }

    int run(CollectorMain options, boolean duplicates) {
        return run(options, duplicates, false);
    }

    int run(CollectorMain options, boolean duplicates, boolean agents) {
        ViaServe via = options.viaServe();
        if (via != null) {
            return printVia(options, via);
        }
        try (OnlineUserCluster cluster = options.cluster()) {
            ClusterSnapshot snapshot;
            try (TerminalProgress progress = TerminalProgress.start(cluster.progress(), options.err())) {
                snapshot = cluster.online(duplicates);
            }
            AgentDetails details = agents ? AgentDetails.read(cluster) : null;
            PrintWriter out = options.out();
            if (options.json) {
                out.println(details == null ? ApiJson.write(snapshot) : details.withSnapshot(snapshot));
                out.flush();
            } else {
                OnlineTable.print(snapshot, out);
                if (details != null) {
                    OnlineTable.printAgents(details.agents(), details.errors(), out);
                }
            }
            return snapshot.complete() ? ExitCodes.OK : ExitCodes.PARTIAL;
        }
    }

    /** Every connector's Agent MBean attributes by server id, and why a target's could not be read. */
    record AgentDetails(Map<String, Map<String, Object>> agents, Map<String, String> errors) {

        private static final ObjectMapper MAPPER = new ObjectMapper();

        static AgentDetails read(OnlineUserCluster cluster) {
            Map<String, Map<String, Object>> agents = new TreeMap<>();
            Map<String, String> errors = new TreeMap<>();
            for (ConnectorClient client : cluster.connectors().clients()) {
                try {
                    client.readAgents().forEach((name, attributes) -> agents.put(serverId(name, attributes), attributes));
                } catch (ConnectorException e) {
                    errors.put(client.target().url().toString(), e.getMessage());
                }
            }
            errors.putAll(cluster.connectors().problems());
            return new AgentDetails(agents, errors);
        }

        private static String serverId(String mbeanName, Map<String, Object> attributes) {
            return attributes.get("Options") instanceof Map<?, ?> options && options.get("serverId") != null
                    ? options.get("serverId").toString() : mbeanName;
        }

        /** The snapshot's JSON with {@code agents} and {@code agentErrors} added. */
        String withSnapshot(ClusterSnapshot snapshot) {
            try {
                ObjectNode tree = (ObjectNode) MAPPER.readTree(ApiJson.write(snapshot));
                tree.set("agents", MAPPER.valueToTree(agents));
                tree.set("agentErrors", MAPPER.valueToTree(errors));
                return MAPPER.writeValueAsString(tree);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the agents as JSON", e);
            }
        }
    }

    /** serve's live answer: the same table (duplicates always checked there) and the age of its data. */
    static int printVia(CollectorMain options, ViaServe via) {
        JsonNode answer = via.get("api/online");
        ClusterSnapshot snapshot = via.as(answer, ClusterSnapshot.class);
        PrintWriter out = options.out();
        if (options.json) {
            out.println(answer);
            out.flush();
        } else {
            OnlineTable.print(snapshot, out);
            out.println("from the live index of " + via.base() + ", data age " + answer.path("ageMillis").asLong() + " ms");
            out.flush();
        }
        return snapshot.complete() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
