package io.gillab.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.Sample;
import io.gillab.runtime.ProcessOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * driver.py --one-thread-on (which thread runs a 1-thread sample) and --layout-seed (the warm-up order a
 * process randomises, reproducibly, on Python 2.7 as on 3).
 */
class DriverLayoutTest {
    static final String WHICH_THREAD = """
            import sys, threading
            KIND = "cpu"
            DESCRIPTION = "says on stderr which thread run() is called on"
            PREDICTION = "none"
            DEFAULT_SIZE = 1
            def run(size):
                sys.stderr.write("ran-on=%s\\n" % threading.current_thread().name)
                return size
            """;

    private static DriverOutput ok(ProcessOutput out) {
        DriverOutput d = DriverOutput.parse(out.stdoutLines());
        assertTrue(d.errors().isEmpty() && d.finished(), () -> "errors: " + d.errors() + "\n" + out.stderrTail());
        return d;
    }

    private static long count(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).count();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"python3", LocalDriver.PY27})
    void oneThreadSamplesRunOnTheThreadAsked(String python) throws IOException {
        LocalDriver.assumeInstalled(python);
        Path dir = LocalDriver.workloadDir("whichthread", WHICH_THREAD);
        for (String on : List.of("main", "worker")) {
            ProcessOutput out = LocalDriver.run(python, "run", "whichthread", "--threads", "1,2", "--warmups", "1",
                    "--samples", "2", "--size", "2", "--one-thread-on", on, "--path", dir.toString());
            DriverOutput d = ok(out);
            // 3 rounds: 3 one-thread calls and 3 x 2 two-thread calls
            long main = count(out.stderrTail(), "ran-on=MainThread");
            long workers = count(out.stderrTail(), "ran-on=gillab-worker-");
            assertEquals(on.equals("main") ? 3 : 0, main, out.stderrTail());
            assertEquals(on.equals("main") ? 6 : 9, workers, out.stderrTail());
            d.samples().forEach(s -> assertEquals(s.threads() == 1 ? on : null, s.timedOn(), "" + s));
            assertEquals(on, d.layout().orElseThrow().path("one_thread_on").asText());
        }
    }

    private static List<List<Integer>> orders(JsonNode layout) {
        List<List<Integer>> out = new ArrayList<>();
        layout.path("warmup_orders").forEach(r -> {
            List<Integer> round = new ArrayList<>();
            r.forEach(t -> round.add(t.asInt()));
            out.add(round);
        });
        return out;
    }

    private static ProcessOutput countdown(String python, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "countdown", "--threads", "1,2,3", "--warmups", "6",
                "--samples", "2", "--size", "30"));
        args.addAll(List.of(extra));
        return LocalDriver.run(python, Map.of("GILLAB_ENV_PAD", "x".repeat(37)), args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"python3", LocalDriver.PY27})
    void aLayoutSeedShufflesTheWarmUpsReproduciblyAndSaysSo(String python) throws IOException {
        LocalDriver.assumeInstalled(python);
        DriverOutput d = ok(countdown(python, "--layout-seed", "12345"));
        JsonNode layout = d.layout().orElseThrow();
        List<List<Integer>> orders = orders(layout);
        assertEquals(12345, layout.path("seed").asLong());
        assertEquals(37, layout.path("env_pad_seen").asInt(), "the padded environment reaches the process");
        assertTrue(layout.path("environ_bytes").asInt() > 37, "" + layout);
        // the record says what ran: the warm-up samples, in index order, are the rounds' orders
        List<Integer> warm = d.samples().stream().filter(Sample::warmup).map(Sample::threads)
                .toList();
        assertEquals(orders.stream().flatMap(List::stream).toList(), warm);
        assertTrue(orders.stream().allMatch(o -> o.stream().sorted().toList().equals(List.of(1, 2, 3))), "" + orders);
        assertTrue(orders.stream().distinct().count() > 1, "6 rounds of 3! orders are not all alike: " + orders);
        // measured rounds keep their alternating order (round 6 ascending, round 7 descending)
        assertEquals(List.of(1, 2, 3, 3, 2, 1), d.samples().stream().filter(s -> !s.warmup())
                .map(Sample::threads).toList());
        // the same seed, the same orders (here and, below, on the other Python); another seed, others
        assertEquals(orders, orders(ok(countdown(python, "--layout-seed", "12345")).layout().orElseThrow()));
        assertNotEquals(orders, orders(ok(countdown(python, "--layout-seed", "54321")).layout().orElseThrow()));
        assertEquals(List.of(List.of(1, 2, 3), List.of(2, 3, 1), List.of(2, 3, 1), List.of(2, 1, 3), List.of(1, 3, 2),
                List.of(2, 1, 3)), orders, "splitmix64 gives these on every Python");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"python3", LocalDriver.PY27})
    void withoutASeedWarmUpsAlternateAsBefore(String python) throws IOException {
        LocalDriver.assumeInstalled(python);
        JsonNode layout = ok(countdown(python)).layout().orElseThrow();
        assertTrue(layout.path("seed").isNull(), "" + layout);
        assertEquals(List.of(List.of(1, 2, 3), List.of(3, 2, 1), List.of(1, 2, 3), List.of(3, 2, 1), List.of(1, 2, 3),
                List.of(3, 2, 1)), orders(layout));
    }
}
