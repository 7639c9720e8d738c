package io.gillab.trial;

import io.gillab.model.ExecutionMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.runtime.container.ContainerLimits;
import io.gillab.runtime.registry.RuntimeRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void defaults() {
        RunOptions o = RunOptions.builder().outDir(Path.of("out")).build();
        assertEquals(RuntimeRegistry.DEFAULT_IDS, o.runtimes());
        assertNull(o.names());
        assertEquals(List.of(1, 2), o.threads().subList(0, 2));
        assertEquals(Presets.defaults(), o.measurement());
        assertEquals(RunOptions.DEFAULT_TIMEOUT, o.timeout());
        assertEquals("python3", o.localPython());
        assertEquals(List.of(ExecutionMode.THREADS), o.modes());
        assertNull(o.shard());
        assertNull(o.layoutSeed());
    }

    @Test
    void aBadOptionIsRefusedByName() {
        RunOptions.Builder b = RunOptions.builder().outDir(Path.of("out"));
        assertMessage("an output directory (--out) is required", RunOptions.builder());
        assertMessage("--samples must be at least 1, got 0",
                b.measurement(new Presets.Measurement("quick", 1, 0, null, null, 0.2, "strong")));
        assertMessage("--mode: unknown mode 'fibers'", b.measurement(Presets.defaults()).modes(List.of("fibers")));
        assertMessage("--memory must be at least 64m", b.modes(null).limits(new ContainerLimits(1, 1L << 20)));
    }

    @Test
    void aBuilderOfOptionsGivesThemBack() {
        RunOptions o = RunOptions.builder().outDir(Path.of("out")).modes(List.of("threads", "processes", "threads"))
                .layoutSeed(7L).build();
        assertEquals(List.of("threads", "processes"), o.modes());
        assertEquals(o, o.toBuilder().build());
    }

    private static void assertMessage(String expected, RunOptions.Builder b) {
        String message = assertThrows(IllegalArgumentException.class, b::build).getMessage();
        assertTrue(message.contains(expected), message);
    }
}
