package io.gillab.runtime;

import java.io.IOException;
import java.time.Duration;

/** A runtime the user asked for that cannot run here: listed with the reason, never dropped. */
public record MissingRuntime(String id, String reason) implements PythonRuntime {

    @Override
    public Availability availability() {
        return Availability.no(reason);
    }

    @Override
    public int defaultWarmups() {
        return 3;
    }

    @Override
    public ProcessOutput run(DriverCall call, Duration timeout) throws IOException {
        throw new IOException(reason);
    }
}
