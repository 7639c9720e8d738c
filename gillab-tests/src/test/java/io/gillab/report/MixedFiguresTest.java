package io.gillab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gillab.model.Fork;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The convoy table's notes: what ended each K's samples (the time limit, the request limit). */
class MixedFiguresTest {

    private static Map<String, Double> metrics(double stop, double requests) {
        Map<String, Double> m = new HashMap<>();
        m.put("latency_p99", 0.001);
        m.put("stop", stop);
        m.put("requests", requests);
        return m;
    }

    private static TrialResult convoy(List<Sample> samples) {
        Fork fork = Fork.builder().exitCode(0).implementation(new ObjectMapper().createObjectNode().put("cpu_count", 2))
                .samples(samples).otherOutputLines(0L).otherOutputExamples(List.of()).build();
        return TrialResult.builder().runId("r").trial("cpython:3.13/convoy").runtime("cpython:3.13").name("convoy")
                .kind("mixed").mode("threads").status(TrialResult.Status.ok).wallSeconds(1.0).threadCounts(List.of(0, 1))
                .size(2000L).warmups(0).scalingMode("strong").forks(List.of(fork)).build();
    }

    @Test
    void notesSayWhichRuleEndedTheSamples() {
        List<Sample> samples = new ArrayList<>();
        samples.add(new Sample(0, false, 1.5, 0, 2000, null, metrics(1, 1290), 0));
        samples.add(new Sample(1, false, 0.4, 0, 2000, null, metrics(2, 2000), 0));
        samples.add(new Sample(2, false, 0.4, 0, 2000, null, metrics(2, 2000), 0));
        samples.add(new Sample(3, false, 1.5, 1, 2000, null, metrics(1, 13), 0));
        samples.add(new Sample(4, false, 1.5, 1, 2000, null, metrics(1, 28), 0));
        samples.add(new Sample(5, true, 0.4, 1, 2000, null, metrics(2, 2000), 0)); // a warm-up: not counted
        TrialResult r = convoy(samples);
        assertEquals("time limit in 1/3 samples (1290 requests), request limit in 2/3 samples (2000 requests)",
                MixedFigures.stops(r, 0));
        assertEquals("time limit in 2/2 samples (13-28 requests: below 368 its p99 has a lower bound only)",
                MixedFigures.stops(r, 1));
    }

    @Test
    void resultsWrittenBeforeSayNothing() {
        TrialResult old = convoy(List.of(new Sample(0, false, 0.4, 0, 2000, null, Map.of("latency_p99", 0.001), 0)));
        assertEquals("", MixedFigures.stops(old, 0));
    }
}
