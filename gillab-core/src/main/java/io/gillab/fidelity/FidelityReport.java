package io.gillab.fidelity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.results.MachineInfo;
import io.gillab.results.ResultsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** fidelity.json: the machine before and after, each part's figures, the experiment's wall time. */
public final class FidelityReport {
    private final ObjectNode json = ResultsFile.json().createObjectNode();

    /** Starts with the machine as it is now, before anything runs. */
    public FidelityReport() {
        json.set("machine", MachineInfo.collect(ResultsFile.json()));
    }

    public ObjectNode machine() {
        return (ObjectNode) json.get("machine");
    }

    public void add(GillabVsDirect experiment, GillabVsDirect.Result result) {
        experiment.write(result, json.putObject("a_gillab_vs_direct"));
    }

    public void add(RunSplit.Result result) {
        RunSplit.write(result, json.putObject("b_run_split"));
    }

    /** Adds the wall time and the machine as it is now, writes DIR/fidelity.json and returns it. */
    public Path write(Path dir, double wallSeconds) throws IOException {
        json.put("fidelity_wall_seconds", wallSeconds);
        json.set("machine_after", MachineInfo.collect(ResultsFile.json()));
        Path file = dir.resolve("fidelity.json");
        Files.writeString(file, ResultsFile.json().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        return file;
    }

    public ObjectNode machineAfter() {
        return (ObjectNode) json.get("machine_after");
    }
}
