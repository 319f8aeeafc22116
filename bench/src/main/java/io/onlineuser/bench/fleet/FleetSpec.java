package io.onlineuser.bench.fleet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What to simulate: {@code connectors} connectors of {@code usersPerConnector} players each, in
 * {@code jvms} JVMs, {@code churnPerSecond} logouts+logins per connector per second, and the share
 * of the fleet that misbehaves in each way. Faults are spread over the fleet (not the first ones).
 */
public record FleetSpec(String prefix, int connectors, int usersPerConnector, int jvms, double churnPerSecond,
                        Map<Fault, Double> faultShares, long slowMillis) {

    public FleetSpec {
        if (connectors < 1 || usersPerConnector < 0 || jvms < 1 || churnPerSecond < 0 || slowMillis < 0) {
            throw new IllegalArgumentException("connectors and jvms must be >= 1, users, churn and slowMillis >= 0");
        }
        faultShares = faultShares.isEmpty() ? Map.of() : new EnumMap<>(faultShares);
        double total = faultShares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total > 1.0 || faultShares.values().stream().anyMatch(share -> share < 0)) {
            throw new IllegalArgumentException("fault shares must be >= 0 and add up to at most 1, got " + faultShares);
        }
    }

    public static FleetSpec healthy(String prefix, int connectors, int usersPerConnector, int jvms) {
        return new FleetSpec(prefix, connectors, usersPerConnector, jvms, 0, Map.of(), 0);
    }

    public FleetSpec withFault(Fault fault, double share) {
        Map<Fault, Double> shares = new EnumMap<>(Fault.class);
        shares.putAll(faultShares);
        shares.put(fault, share);
        return new FleetSpec(prefix, connectors, usersPerConnector, jvms, churnPerSecond, shares, slowMillis);
    }

    public FleetSpec withChurn(double perSecond) {
        return new FleetSpec(prefix, connectors, usersPerConnector, jvms, perSecond, faultShares, slowMillis);
    }

    public FleetSpec withSlowMillis(long millis) {
        return new FleetSpec(prefix, connectors, usersPerConnector, jvms, churnPerSecond, faultShares, millis);
    }

    /** {@code sim-0042}: zero-padded so that ids sort in index order. */
    public String serverId(int index) {
        return String.format("%s-%04d", prefix, index);
    }

    /**
     * The fault of connector {@code index}: connectors are visited in a fixed scattered order
     * (index × a large prime, modulo the fleet size) and handed out fault by fault.
     */
    public Fault faultOf(int index) {
        int rank = (int) ((long) index * 7919 % connectors);
        if (connectors % 7919 == 0) {
            rank = index;
        }
        int from = 0;
        for (Fault fault : Fault.values()) {
            Double share = faultShares.get(fault);
            if (share == null || fault == Fault.NONE) {
                continue;
            }
            int count = (int) Math.round(share * connectors);
            if (rank < from + count) {
                return fault;
            }
            from += count;
        }
        return Fault.NONE;
    }

    /** Server ids of the connectors with {@code fault}. */
    public List<String> serverIds(Fault fault) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < connectors; i++) {
            if (faultOf(i) == fault) {
                ids.add(serverId(i));
            }
        }
        return ids;
    }

    /** Players logged in on the connectors that answer (every fault but SLOW hides its players). */
    public long reachableUsers() {
        long healthy = serverIds(Fault.NONE).size() + serverIds(Fault.SLOW).size();
        return healthy * usersPerConnector;
    }
}
