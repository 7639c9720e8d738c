package io.gillab.worker;

import java.util.Map;
import java.util.function.Consumer;

/** A Python engine embedded in the worker JVM. */
interface EmbeddedEngine {

    /**
     * Runs the driver script with its arguments and returns the process exit code the driver
     * asked for ({@code sys.exit}). {@code hostRecord} is called once, before the driver runs.
     */
    int run(String driverPath, String[] driverArgs, Consumer<Map<String, Object>> hostRecord);
}
