package io.onlineuser.collector.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Sessions closed per server id, and the targets that could not kick (with the reason). */
public record KickResult(String uid, Map<String, Integer> kicked, Map<String, String> errors) {

    @JsonProperty("total")
    public int total() {
        return kicked.values().stream().mapToInt(Integer::intValue).sum();
    }
}
