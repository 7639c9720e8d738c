package io.gillab.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The machine a result was measured on, for reproducibility: CPU model and count, cgroup CPU and memory
 * limits, memory, OS and kernel, hostname, the JVM and its flags, gillab's version, the load average
 * (a busy machine makes timings noisy) and the CPU frequency governor.
 *
 * <p>Every read is best effort: a file that is missing or unreadable (another OS, a container without
 * {@code /sys}) gives a null field, never an exception.
 */
public final class MachineInfo {
    /** cgroup v1 writes "no limit" as a page-aligned Long.MAX_VALUE; anything this large is no limit. */
    static final long V1_UNLIMITED_FLOOR = 1L << 60;
    private static final String POM_PROPERTIES = "META-INF/maven/io.gillab/gillab-core/pom.properties";
    private static final int MAX_READ_BYTES = 4 << 20;

    private MachineInfo() {
    }

    /** The machine this JVM runs on, as one JSON object with snake_case fields. */
    public static ObjectNode collect(ObjectMapper json) {
        return collect(json, Path.of("/"));
    }

    /** The same, reading {@code /proc} and {@code /sys} under {@code root} (tests pass a fake tree). */
    static ObjectNode collect(ObjectMapper json, Path root) {
        ObjectNode o = json.createObjectNode();
        o.put("collected_at", Instant.now().toString());
        o.put("cpu_model", parseCpuModel(read(root.resolve("proc/cpuinfo"))));
        o.put("cpu_count", Runtime.getRuntime().availableProcessors());
        Cgroups cg = Cgroups.of(root);
        o.put("cgroup_version", cg.version());
        o.put("cgroup_cpu_quota", cg.cpuQuota());
        o.put("memory_total_bytes", parseMemTotal(read(root.resolve("proc/meminfo"))));
        o.put("cgroup_memory_limit_bytes", cg.memoryLimit());
        o.put("os_name", System.getProperty("os.name"));
        o.put("os_version", System.getProperty("os.version"));
        o.put("os_arch", System.getProperty("os.arch"));
        o.put("kernel", firstLine(read(root.resolve("proc/sys/kernel/osrelease"))));
        o.put("hostname", hostname(root));
        o.put("java_vendor", System.getProperty("java.vendor"));
        o.put("java_version", System.getProperty("java.version"));
        o.put("java_runtime_version", System.getProperty("java.runtime.version"));
        o.put("java_vm_name", System.getProperty("java.vm.name"));
        ArrayNode args = o.putArray("jvm_input_arguments");
        jvmInputArguments().forEach(args::add);
        o.put("gillab_version", gillabVersion());
        o.put("load_average", loadAverage());
        double[] loads = parseLoadAvg(read(root.resolve("proc/loadavg")));
        if (loads != null) {
            ArrayNode l = o.putArray("load_average_1_5_15");
            for (double d : loads) {
                l.add(d);
            }
        } else {
            o.putNull("load_average_1_5_15");
        }
        o.put("cpu_governor", firstLine(read(root.resolve("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"))));
        return o;
    }

    // ---------------------------------------------------------------- parsing (pure, unit-tested)

    /** The first "model name" of /proc/cpuinfo, or null (ARM and others may have none). */
    static String parseCpuModel(String cpuinfo) {
        if (cpuinfo == null) {
            return null;
        }
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                String v = line.substring(colon + 1).strip();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /** MemTotal of /proc/meminfo in bytes ("MemTotal:  24683656 kB"), or null. */
    static Long parseMemTotal(String meminfo) {
        if (meminfo == null) {
            return null;
        }
        for (String line : meminfo.split("\n")) {
            if (!line.startsWith("MemTotal:")) {
                continue;
            }
            String[] parts = line.substring("MemTotal:".length()).strip().split("\\s+");
            try {
                long n = Long.parseLong(parts[0]);
                String unit = parts.length > 1 ? parts[1].toLowerCase() : "";
                return switch (unit) {
                    case "kb" -> n * 1024;
                    case "mb" -> n * 1024 * 1024;
                    case "gb" -> n * 1024 * 1024 * 1024;
                    case "", "b" -> n;
                    default -> null;
                };
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** cgroup v2 cpu.max, "QUOTA PERIOD": the number of CPUs quota/period, or null for "max" or garbage. */
    static Double parseCpuMax(String cpuMax) {
        if (cpuMax == null) {
            return null;
        }
        String[] parts = cpuMax.strip().split("\\s+");
        if (parts.length == 0 || parts[0].equals("max")) {
            return null;
        }
        // a lone quota means the default period of 100 ms
        return parseCfsQuota(parts[0], parts.length > 1 ? parts[1] : "100000");
    }

    /** cgroup v1 cpu.cfs_quota_us and cpu.cfs_period_us: CPUs, or null for -1 (no quota) or garbage. */
    static Double parseCfsQuota(String quota, String period) {
        if (quota == null || period == null) {
            return null;
        }
        try {
            long q = Long.parseLong(quota.strip());
            long p = Long.parseLong(period.strip());
            return q <= 0 || p <= 0 ? null : (double) q / p;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** memory.max (v2) or memory.limit_in_bytes (v1) in bytes; null for "max", v1's huge "no limit", garbage. */
    static Long parseMemoryLimit(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.equals("max")) {
            return null;
        }
        try {
            long n = Long.parseLong(s);
            return n <= 0 || n >= V1_UNLIMITED_FLOOR ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The process's cgroup path from /proc/self/cgroup: for v2 ({@code controller} null) the "0::PATH"
     * line, for v1 the line whose controller list contains {@code controller}. Null when absent.
     */
    static String parseCgroupPath(String procSelfCgroup, String controller) {
        if (procSelfCgroup == null) {
            return null;
        }
        for (String line : procSelfCgroup.split("\n")) {
            String[] f = line.strip().split(":", 3);
            if (f.length < 3) {
                continue;
            }
            if (controller == null ? f[0].equals("0") && f[1].isEmpty()
                    : List.of(f[1].split(",")).contains(controller)) {
                return f[2];
            }
        }
        return null;
    }

    /** The three load averages of /proc/loadavg ("1.37 1.53 1.13 2/102 18589"), or null. */
    static double[] parseLoadAvg(String loadavg) {
        if (loadavg == null) {
            return null;
        }
        String[] f = loadavg.strip().split("\\s+");
        if (f.length < 3) {
            return null;
        }
        try {
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- cgroups

    /** The cgroup limits that apply to this process (the tightest along its cgroup's ancestors). */
    record Cgroups(String version, Double cpuQuota, Long memoryLimit) {
        static Cgroups of(Path root) {
            Path mount = root.resolve("sys/fs/cgroup");
            String self = read(root.resolve("proc/self/cgroup"));
            if (Files.isRegularFile(mount.resolve("cgroup.controllers"))) {
                List<Path> dirs = chain(mount, parseCgroupPath(self, null));
                Double cpu = null;
                Long mem = null;
                for (Path d : dirs) {
                    cpu = min(cpu, parseCpuMax(read(d.resolve("cpu.max"))));
                    mem = min(mem, parseMemoryLimit(read(d.resolve("memory.max"))));
                }
                return new Cgroups("v2", cpu, mem);
            }
            Path cpuMount = Files.isDirectory(mount.resolve("cpu")) ? mount.resolve("cpu") : mount.resolve("cpu,cpuacct");
            Path memMount = mount.resolve("memory");
            if (!Files.isDirectory(cpuMount) && !Files.isDirectory(memMount)) {
                return new Cgroups(null, null, null);
            }
            Double cpu = null;
            for (Path d : chain(cpuMount, parseCgroupPath(self, "cpu"))) {
                cpu = min(cpu, parseCfsQuota(read(d.resolve("cpu.cfs_quota_us")), read(d.resolve("cpu.cfs_period_us"))));
            }
            Long mem = null;
            for (Path d : chain(memMount, parseCgroupPath(self, "memory"))) {
                mem = min(mem, parseMemoryLimit(read(d.resolve("memory.limit_in_bytes"))));
            }
            return new Cgroups("v1", cpu, mem);
        }

        /**
         * The process's cgroup directory and each ancestor up to the mount point. Inside a container with
         * a cgroup namespace the path is "/" and the mount point is the process's own cgroup; where the
         * path does not exist under the mount (another namespace), only the mount point is read.
         */
        static List<Path> chain(Path mount, String cgroupPath) {
            List<Path> out = new ArrayList<>();
            if (cgroupPath != null) {
                String rel = cgroupPath.replaceAll("^/+", "");
                if (!rel.isEmpty() && !rel.contains("..")) {
                    Path d = mount.resolve(rel).normalize();
                    while (d != null && d.startsWith(mount) && !d.equals(mount)) {
                        if (Files.isDirectory(d)) {
                            out.add(d);
                        }
                        d = d.getParent();
                    }
                }
            }
            out.add(mount);
            return out;
        }

        // if/else, not ?: — a conditional mixing Double and double unboxes null
        private static Double min(Double a, Double b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            return Math.min(a, b);
        }

        private static Long min(Long a, Long b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            return Math.min(a, b);
        }
    }

    // ---------------------------------------------------------------- the JVM and gillab

    private static List<String> jvmInputArguments() {
        try {
            return List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments());
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    /** The jar's Implementation-Version, else the version in Maven's pom.properties, else "dev". */
    public static String gillabVersion() {
        try {
            String v = MachineInfo.class.getPackage().getImplementationVersion();
            if (v != null && !v.isBlank()) {
                return v;
            }
        } catch (RuntimeException e) {
            // fall through
        }
        try (InputStream in = MachineInfo.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        } catch (Exception e) {
            // fall through
        }
        return "dev";
    }

    /** The one-minute system load average, or null where the OS cannot tell (the MXBean answers -1). */
    private static Double loadAverage() {
        try {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 || Double.isNaN(l) ? null : l;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String hostname(Path root) {
        String h = firstLine(read(root.resolve("proc/sys/kernel/hostname")));
        if (h == null) {
            h = firstLine(read(root.resolve("etc/hostname")));
        }
        if (h == null) {
            String env = System.getenv("HOSTNAME");
            h = env == null || env.isBlank() ? null : env.strip();
        }
        if (h == null) {
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                return null;
            }
        }
        return h;
    }

    // ---------------------------------------------------------------- reading

    /** The file's text, or null when it is missing, unreadable or too large. Never throws. */
    static String read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            // /proc and /sys files report size 0: read with a cap instead of trusting the size.
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(MAX_READ_BYTES);
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (Exception e) {
            return null;
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        int nl = s.indexOf('\n');
        s = (nl >= 0 ? s.substring(0, nl) : s).strip();
        return s.isEmpty() ? null : s;
    }
}
