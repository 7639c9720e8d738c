package io.gillab.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How busy the machine was while trials ran: the 1-minute load average, sampled every second
 * from {@code /proc/loadavg} while trials run. A scaling expectation that fails while other processes
 * kept the cores busy says nothing about the runtime (2 threads cannot run in parallel on cores that
 * are not free), so {@link ExpectationTests} then skips it with the load in the reason instead of failing.
 */
public final class LoadMonitor {
    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final List<double[]> SAMPLES = new ArrayList<>(); // {epoch seconds, load1}
    private static Thread thread;

    private LoadMonitor() {
    }

    /** Starts sampling (once); a machine without /proc/loadavg has no samples. */
    public static synchronized void start() {
        if (thread != null || !Files.isReadable(LOADAVG)) {
            return;
        }
        thread = new Thread(() -> {
            while (true) {
                Double l = read();
                if (l != null) {
                    double now = Instant.now().toEpochMilli() / 1000.0;
                    synchronized (SAMPLES) {
                        SAMPLES.add(new double[] {now, l});
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gillab-load");
        thread.setDaemon(true);
        thread.start();
    }

    static Double read() {
        try {
            String s = Files.readString(LOADAVG).strip();
            return Double.parseDouble(s.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The mean 1-minute load average between two instants, if it was sampled then. */
    public static OptionalDouble meanBetween(Instant from, Instant to) {
        double a = from.toEpochMilli() / 1000.0;
        double b = to.toEpochMilli() / 1000.0;
        synchronized (SAMPLES) {
            return SAMPLES.stream().filter(x -> x[0] >= a && x[0] <= b).mapToDouble(x -> x[1]).average();
        }
    }

    /**
     * The load above which a 2-thread measurement is not trusted: twice the cores plus one (the trial's
     * own threads, its JIT and GC threads account for a few).
     */
    public static double busyThreshold(int cores) {
        return 2.0 * cores + 1;
    }
}
