package io.gillab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The wait for idle JIT compilers, with a spinning thread standing in for a busy compiler (the real ones
 * are matched by name: {@link JitQuiet#COMPILER_THREADS}).
 */
class JitQuietTest {
    private static final String NAME = "gillab-test-compiler";

    @Test
    void idleCompilersEndTheWaitAtTheFirstLook() {
        JitQuiet.Wait w = new JitQuiet(List.of(NAME), Path.of("/proc/self/task")).await(2.0);
        assertTrue(w.quiet(), () -> "no such thread, yet busy: " + w);
        assertTrue(w.seconds() < 1.0, () -> "one look is " + JitQuiet.WINDOW_MILLIS + " ms, waited " + w);
    }

    @Test
    void aBusyCompilerHoldsTheWaitUntilItsLimitThenItIsIdleAgain() throws InterruptedException {
        for (Path tasks : List.of(Path.of("/proc/self/task"), Path.of("/no/proc/here"))) {
            AtomicBoolean spin = new AtomicBoolean(true);
            Thread busy = new Thread(() -> {
                long x = 0;
                while (spin.get()) {
                    x += System.nanoTime() & 1;
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, NAME);
            busy.setDaemon(true);
            busy.start();
            try {
                JitQuiet.Wait w = new JitQuiet(List.of(NAME), tasks).await(0.3);
                assertFalse(w.quiet(), () -> "a spinning " + NAME + " looked idle (" + tasks + "): " + w);
                assertTrue(w.seconds() >= 0.3 && w.seconds() < 2.0, () -> "limit 0.3 s, waited " + w);
            } finally {
                spin.set(false);
                busy.join();
            }
            JitQuiet.Wait after = new JitQuiet(List.of(NAME), tasks).await(2.0);
            assertTrue(after.quiet(), () -> "idle again, yet busy (" + tasks + "): " + after);
        }
    }

    @Test
    void theDriverReadsPlainText() {
        assertEquals("0.250000 1", new JitQuiet.Wait(0.25, false).text());
        assertEquals("0.030000 0", new JitQuiet.Wait(0.03, true).text());
    }

    @Test
    void thisJvmsOwnCompilersAreFoundByName() {
        // HotSpot's C1 and C2 threads, under the names /proc gives them: if a JDK renamed them, this says so
        List<String> names = new JitQuiet(JitQuiet.COMPILER_THREADS, Path.of("/proc/self/task")).watchedProcThreads();
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(Path.of("/proc/self/task")),
                "no /proc here");
        assertTrue(names.stream().anyMatch(n -> n.startsWith("C2 CompilerThre")), () -> "watched: " + names);
        JitQuiet.Wait w = JitQuiet.awaitIdle(1.0);
        assertTrue(w.seconds() >= JitQuiet.WINDOW_MILLIS / 1000.0 * 0.9 && w.seconds() < 3.0, () -> "waited " + w);
    }
}
