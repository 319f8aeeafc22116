package io.onlineuser.collector.api;

import java.util.Map;

/** Sessions closed per server id, and the targets that could not kick (with the reason). */
public record KickResult(String uid, Map<String, Integer> kicked, Map<String, String> errors) {

    public int total() {
        return kicked.values().stream().mapToInt(Integer::intValue).sum();
    }
}
