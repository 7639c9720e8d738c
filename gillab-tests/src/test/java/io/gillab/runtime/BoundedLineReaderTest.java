package io.gillab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A flood of output costs bounded memory, and the records after it still arrive. */
class BoundedLineReaderTest {

    @Test
    void floodIsCountedAndRecordsAfterItSurvive() {
        BoundedLineReader r = new BoundedLineReader();
        byte[] garbage = "x".repeat(100).concat("\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 50_000; i++) { // 5 MB of garbage lines
            r.accept(garbage, 0, garbage.length);
        }
        byte[] endless = new byte[3 << 20]; // one 3 MB line without a newline, then a newline
        java.util.Arrays.fill(endless, (byte) 'y');
        r.accept(endless, 0, endless.length);
        byte[] record = "{\"gillab\":1,\"record\":\"end\",\"status\":\"ok\"}\n".getBytes(StandardCharsets.UTF_8);
        r.accept(new byte[] {'\n'}, 0, 1);
        r.accept(record, 0, record.length);
        r.finish();
        List<String> lines = r.lines();
        assertEquals(BoundedLineReader.MAX_OTHER_LINES + 1, lines.size());
        assertEquals("{\"gillab\":1,\"record\":\"end\",\"status\":\"ok\"}", lines.get(lines.size() - 1));
        assertEquals(50_000 + 1 - BoundedLineReader.MAX_OTHER_LINES, r.dropped());
        assertEquals(1, r.truncated());
        assertTrue(lines.stream().allMatch(l -> l.length() <= BoundedLineReader.MAX_LINE_BYTES));
    }

    @Test
    void longRecordsAreKeptWhole() {
        BoundedLineReader r = new BoundedLineReader();
        String big = "{\"gillab\":1,\"record\":\"probe\",\"result\":{\"v\":\"" + "z".repeat(100_000) + "\"}}\n";
        byte[] b = big.getBytes(StandardCharsets.UTF_8);
        r.accept(b, 0, b.length);
        r.finish();
        assertEquals(big.strip(), r.lines().get(0));
        assertEquals(0, r.truncated());
        assertTrue(r.firstResultNanos() > 0);
    }
}
