package io.gillab.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The worker's {@code host} line: the same framing as the driver's own records. */
final class HostRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostRecord() {
    }

    static String toJson(Map<String, Object> facts) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("gillab", 1);
        record.put("record", "host");
        record.putAll(facts);
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
