package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each fork's randomised layout: reproducible from the run's seed, different between forks, passed on. */
class ForkLayoutTest {

    private static CatalogueEntry entry(String kind) {
        return new CatalogueEntry("countdown", kind, "d", "p", 1000L, "/x/countdown.py", null);
    }

    private static TrialSpec spec(String kind, String oneThreadOn, Long seed) {
        return new TrialSpec("cpython", entry(kind), List.of(1, 2), 4, 3, null, 0.2, 3, "strong", null, 0,
                oneThreadOn, seed);
    }

    @Test
    void theSameSeedGivesTheSameLayoutsAndForksDiffer() {
        assertEquals(ForkLayout.of(42, "cpython/countdown", 1), ForkLayout.of(42, "cpython/countdown", 1));
        Set<Long> seeds = new HashSet<>();
        Set<Integer> pads = new HashSet<>();
        for (int f = 0; f < 20; f++) {
            ForkLayout l = ForkLayout.of(42, "cpython/countdown", f);
            assertTrue(l.seed() >= 0, "the driver takes seeds >= 0");
            assertTrue(l.envPadBytes() >= 0 && l.envPadBytes() <= ForkLayout.MAX_ENV_PAD, () -> "" + l);
            assertEquals(l.envPadBytes(), l.env().get(ForkLayout.ENV_PAD_VAR).length());
            seeds.add(l.seed());
            pads.add(l.envPadBytes());
        }
        assertEquals(20, seeds.size());
        assertTrue(pads.size() >= 18, "environment sizes spread over 0-4 KiB: " + pads);
        assertNotEquals(ForkLayout.of(42, "cpython/countdown", 0).seed(), ForkLayout.of(42, "jython/countdown", 0).seed());
        assertNotEquals(ForkLayout.of(42, "cpython/countdown", 0).seed(), ForkLayout.of(43, "cpython/countdown", 0).seed());
    }

    @Test
    void theMixIsSplitmix64() {
        // splitmix64's first output for seed 0, the value its reference implementation gives
        assertEquals(0xE220A8397B1DCDAFL, ForkLayout.mix64(0));
    }

    @Test
    void theDriverGetsTheForksSeedAndTheThreadChoice() {
        TrialSpec s = spec("cpu", "main", 7L);
        ForkLayout l = s.layout(2);
        assertEquals(ForkLayout.of(7, "cpython/countdown", 2), l);
        List<String> args = s.driverArgs(null, l);
        int at = args.indexOf("--layout-seed");
        assertTrue(at > 0 && args.get(at + 1).equals(Long.toString(l.seed())), () -> "" + args);
        assertEquals("main", args.get(args.indexOf("--one-thread-on") + 1));
        // worker is the driver's default: not passed, so the arguments read as before
        List<String> worker = spec("cpu", null, 7L).driverArgs(null, null);
        assertFalse(worker.contains("--one-thread-on") || worker.contains("--layout-seed"), () -> "" + worker);
    }

    @Test
    void probesAndRunsWithoutASeedRandomiseNothing() {
        assertNull(spec("probe", null, 7L).layout(0));
        assertNull(spec("cpu", null, null).layout(0));
    }
}
