package io.gillab.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.TrialResult;
import io.gillab.runtime.container.ContainerLimits;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exhausting memory costs that trial only: a worker JVM's OutOfMemoryError (it exits at the first one,
 * {@code -XX:+ExitOnOutOfMemoryError}, and the message names the heap limit), and a container killed by
 * the kernel at its memory limit ({@code docker inspect}'s OOMKilled).
 */
@Tag("slow")
class HeapFaultsTest {
    static final List<String> NAMES = List.of("refcount", "heap_hog", "measured");

    @Test
    void workerJvmOutOfMemory() throws IOException {
        FaultRun.need("jython");
        String saved = System.getProperty("gillab.worker.heap");
        System.setProperty("gillab.worker.heap", "96m"); // a small heap fills fast
        FaultRun.Result r;
        try {
            r = FaultRun.run(FaultRun.options(List.of("jython"), NAMES, Duration.ofSeconds(120), null));
        } finally {
            if (saved == null) {
                System.clearProperty("gillab.worker.heap");
            } else {
                System.setProperty("gillab.worker.heap", saved);
            }
        }
        r.assertAllRecorded(NAMES);
        TrialResult hog = r.get("heap_hog");
        assertEquals(TrialResult.Status.failed, hog.status(), hog::message);
        assertTrue(hog.message().startsWith("the worker JVM ran out of memory (java.lang.OutOfMemoryError: "
                + "Java heap space; worker heap -Xmx96m"), hog.message());
        assertEquals(TrialResult.Status.ok, r.get("refcount").status(), r.log());
        assertEquals(TrialResult.Status.ok, r.get("measured").status(), r.log());
    }

    @Test
    void containerKilledAtItsMemoryLimit() throws IOException {
        String runtime = "cpython:3.11";
        FaultRun.need(runtime);
        FaultRun.Result r = FaultRun.run(FaultRun.options(List.of(runtime), NAMES, Duration.ofSeconds(120),
                new ContainerLimits(1, 64L << 20)));
        r.assertAllRecorded(NAMES);
        TrialResult hog = r.get("heap_hog");
        assertEquals(TrialResult.Status.failed, hog.status(), hog::message);
        // The kernel kills it (exit 137, OOMKilled) or, now and then, Python gets a MemoryError first.
        assertTrue(hog.message().startsWith("killed: out of memory (container limit 64 MiB")
                || hog.message().contains("MemoryError"), hog.message());
        assertEquals(TrialResult.Status.ok, r.get("refcount").status(), r.log());
        assertEquals(TrialResult.Status.ok, r.get("measured").status(), r.log());
    }
}
