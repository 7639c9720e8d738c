package io.gillab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch worker's output split by call: lines, stderr and exit codes go to the call that wrote them. */
class BatchSplitTest {
    static String start(int call) {
        return "{\"gillab\":1,\"record\":\"batch\",\"call\":" + call + ",\"event\":\"start\"}\n";
    }

    static String end(int call, int rc) {
        return "{\"gillab\":1,\"record\":\"batch\",\"call\":" + call + ",\"event\":\"end\",\"exit_code\":" + rc + "}\n";
    }

    static BoundedLineReader stdout(String text) {
        BoundedLineReader r = new BoundedLineReader();
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        r.accept(b, 0, b.length);
        r.finish();
        return r;
    }

    static SegmentedTail stderr(String text) {
        SegmentedTail t = new SegmentedTail(4096);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        // in two chunks, cut inside a mark, as a pipe may deliver it
        int cut = text.indexOf("\"call\":1") > 0 ? text.indexOf("\"call\":1") : b.length / 2;
        t.accept(java.util.Arrays.copyOfRange(b, 0, cut), cut);
        t.accept(java.util.Arrays.copyOfRange(b, cut, b.length), b.length - cut);
        return t;
    }

    @Test
    void eachCallGetsItsOwnOutput() {
        String out = start(0) + "{\"gillab\":1,\"record\":\"probe\",\"n\":0}\n" + end(0, 0)
                + start(1) + "noise\n{\"gillab\":1,\"record\":\"probe\",\"n\":1}\n" + end(1, 2)
                + start(2) + "{\"gillab\":1,\"record\":\"meta\"}\n";
        String err = "JVM warning\n" + start(0) + "zero's traceback\n" + start(1) + "one's\n" + start(2) + "two dies\n";
        List<ProcessOutput> outs = BatchSplit.split("java", 3, 0, 9_000_000_000L, 137, false, stdout(out), stderr(err));
        assertEquals(3, outs.size());
        assertEquals(List.of("{\"gillab\":1,\"record\":\"probe\",\"n\":0}"), outs.get(0).stdoutLines());
        assertEquals(List.of("noise", "{\"gillab\":1,\"record\":\"probe\",\"n\":1}"), outs.get(1).stdoutLines());
        assertEquals(0, outs.get(0).exitCode());
        assertEquals(2, outs.get(1).exitCode());
        assertEquals(137, outs.get(2).exitCode(), "the call the process died in gets the process's exit code");
        assertFalse(outs.get(2).timedOut());
        assertEquals("JVM warning\nzero's traceback\n", outs.get(0).stderrTail());
        assertEquals("one's\n", outs.get(1).stderrTail());
        assertEquals("two dies\n", outs.get(2).stderrTail());
        assertEquals(true, ((java.util.Map<?, ?>) outs.get(0).launch().get("batch")).get("process_start_included"));
    }

    @Test
    void aTimeOutIsTheRunningCallsOnly() {
        String out = start(0) + end(0, 0) + start(1);
        List<ProcessOutput> outs = BatchSplit.split("java", 4, 0, 1, -1, true, stdout(out), stderr(""));
        assertEquals(2, outs.size(), "calls that never started are not returned");
        assertFalse(outs.get(0).timedOut());
        assertTrue(outs.get(1).timedOut());
    }

    @Test
    void aWorkerThatNeverStartedACallFailsTheFirst() {
        List<ProcessOutput> outs = BatchSplit.split("java", 3, 0, 1, 1, false, stdout("Error: no main class\n"),
                stderr("could not start\n"));
        assertEquals(1, outs.size());
        assertEquals(1, outs.get(0).exitCode());
        assertEquals("could not start\n", outs.get(0).stderrTail());
    }
}
