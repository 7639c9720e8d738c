package io.gillab.trial;

import io.gillab.model.ExecutionMode;
import io.gillab.runtime.PythonRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * The trials a run covers: runtime x workload x execution mode (each trial measures every thread
 * count) plus runtime x probe. Runtimes come first so that each runtime's trials run back to back.
 */
public final class TrialMatrix {
    private TrialMatrix() {
    }

    public static List<TrialSpec> build(List<PythonRuntime> runtimes, List<CatalogueEntry> entries,
            List<Integer> threadCounts, Presets.Measurement m) {
        return build(runtimes, entries, threadCounts, m, List.of(ExecutionMode.THREADS));
    }

    public static List<TrialSpec> build(List<PythonRuntime> runtimes, List<CatalogueEntry> entries,
            List<Integer> threadCounts, Presets.Measurement m, List<String> modes) {
        List<TrialSpec> specs = new ArrayList<>();
        for (PythonRuntime rt : runtimes) {
            Presets.PerRuntime p = m.forRuntime(rt);
            for (CatalogueEntry e : entries) {
                if (e.isProbe()) {
                    specs.add(new TrialSpec(rt.id(), e, List.of(1), 1, 0, null, m.minSeconds(), 1, m.scaling(),
                            ExecutionMode.THREADS, m.jitWaitSeconds(), m.oneThreadOn(), null));
                    continue;
                }
                for (String mode : modes) {
                    specs.add(new TrialSpec(rt.id(), e, e.threads() != null ? e.threads() : threadCounts,
                            e.roundsFor(m.samples(), p.samples()),
                            e.warmupsFor(m.warmups(), p.warmups(), rt.isJit()), m.size(), m.minSeconds(), p.forks(), m.scaling(), mode, m.jitWaitSeconds(),
                            m.oneThreadOn(), null));
                }
            }
        }
        return specs;
    }
}
