package io.gillab.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineInfoTest {

    @Test
    void cpuMaxV2() {
        assertEquals(2.0, MachineInfo.parseCpuMax("200000 100000"));
        assertEquals(1.5, MachineInfo.parseCpuMax("150000 100000\n"));
        assertEquals(0.5, MachineInfo.parseCpuMax("50000"));
        assertNull(MachineInfo.parseCpuMax("max 100000"));
        assertNull(MachineInfo.parseCpuMax("max"));
        assertNull(MachineInfo.parseCpuMax(""));
        assertNull(MachineInfo.parseCpuMax("lots 100000"));
        assertNull(MachineInfo.parseCpuMax(null));
    }

    @Test
    void cpuQuotaV1() {
        assertEquals(3.0, MachineInfo.parseCfsQuota("300000\n", "100000\n"));
        assertNull(MachineInfo.parseCfsQuota("-1", "100000"));
        assertNull(MachineInfo.parseCfsQuota("100000", "0"));
        assertNull(MachineInfo.parseCfsQuota(null, "100000"));
        assertNull(MachineInfo.parseCfsQuota("100000", null));
    }

    @Test
    void memoryLimit() {
        assertEquals(2147483648L, MachineInfo.parseMemoryLimit("2147483648\n"));
        assertNull(MachineInfo.parseMemoryLimit("max\n"));
        assertNull(MachineInfo.parseMemoryLimit("9223372036854771712"), "cgroup v1's 'no limit'");
        assertNull(MachineInfo.parseMemoryLimit("garbage"));
        assertNull(MachineInfo.parseMemoryLimit(null));
    }

    @Test
    void memTotal() {
        String meminfo = "MemTotal:       24683656 kB\nMemFree:         1000000 kB\nMemAvailable:   20000000 kB\n";
        assertEquals(24683656L * 1024, MachineInfo.parseMemTotal(meminfo));
        assertEquals(1024L, MachineInfo.parseMemTotal("MemFree: 5 kB\nMemTotal: 1 kB"));
        assertNull(MachineInfo.parseMemTotal("MemFree: 5 kB\n"));
        assertNull(MachineInfo.parseMemTotal("MemTotal: lots kB\n"));
        assertNull(MachineInfo.parseMemTotal(null));
    }

    @Test
    void cpuModel() {
        String cpuinfo = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel\t\t: 85\n"
                + "model name\t: Intel(R) Xeon(R) Processor\nflags\t\t: fpu\n\nprocessor\t: 1\n"
                + "model name\t: Intel(R) Xeon(R) Processor\n";
        assertEquals("Intel(R) Xeon(R) Processor", MachineInfo.parseCpuModel(cpuinfo));
        assertNull(MachineInfo.parseCpuModel("processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\n"));
        assertNull(MachineInfo.parseCpuModel(null));
    }

    @Test
    void cgroupPath() {
        String v1 = "9:name=systemd:/\n4:memory:/process_api/abc\n2:cpu,cpuacct:/docker/xyz\n0::/\n";
        assertEquals("/process_api/abc", MachineInfo.parseCgroupPath(v1, "memory"));
        assertEquals("/docker/xyz", MachineInfo.parseCgroupPath(v1, "cpu"));
        assertEquals("/", MachineInfo.parseCgroupPath(v1, null));
        assertEquals("/user.slice/session-1.scope", MachineInfo.parseCgroupPath("0::/user.slice/session-1.scope", null));
        assertNull(MachineInfo.parseCgroupPath("4:memory:/x", "pids"));
        assertNull(MachineInfo.parseCgroupPath(null, null));
    }

    @Test
    void loadAvg() {
        assertArrayEquals(new double[] {1.37, 1.53, 1.13}, MachineInfo.parseLoadAvg("1.37 1.53 1.13 2/102 18589\n"));
        assertNull(MachineInfo.parseLoadAvg("1.0"));
        assertNull(MachineInfo.parseLoadAvg(null));
    }

    @Test
    void fakeCgroupV2TreeTakesTheTightestLimitOnThePath(@TempDir Path root) throws IOException {
        write(root, "proc/cpuinfo", "model name\t: Test CPU 9000\n");
        write(root, "proc/meminfo", "MemTotal: 2048 kB\n");
        write(root, "proc/self/cgroup", "0::/a/b\n");
        write(root, "proc/sys/kernel/osrelease", "6.1.0-test\n");
        write(root, "proc/sys/kernel/hostname", "testhost\n");
        write(root, "sys/fs/cgroup/cgroup.controllers", "cpu memory\n");
        write(root, "sys/fs/cgroup/cpu.max", "max 100000\n");
        write(root, "sys/fs/cgroup/a/cpu.max", "400000 100000\n");
        write(root, "sys/fs/cgroup/a/b/cpu.max", "250000 100000\n");
        write(root, "sys/fs/cgroup/a/memory.max", "1073741824\n");
        write(root, "sys/fs/cgroup/a/b/memory.max", "max\n");
        write(root, "sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n");

        ObjectNode o = MachineInfo.collect(ResultsFile.json(), root);
        assertEquals("Test CPU 9000", o.get("cpu_model").asText());
        assertEquals("v2", o.get("cgroup_version").asText());
        assertEquals(2.5, o.get("cgroup_cpu_quota").asDouble());
        assertEquals(1073741824L, o.get("cgroup_memory_limit_bytes").asLong());
        assertEquals(2048L * 1024, o.get("memory_total_bytes").asLong());
        assertEquals("6.1.0-test", o.get("kernel").asText());
        assertEquals("testhost", o.get("hostname").asText());
        assertEquals("performance", o.get("cpu_governor").asText());
    }

    @Test
    void fakeCgroupV1Tree(@TempDir Path root) throws IOException {
        write(root, "proc/self/cgroup", "4:memory:/job\n2:cpu,cpuacct:/\n");
        write(root, "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "150000\n");
        write(root, "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
        write(root, "sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
        write(root, "sys/fs/cgroup/memory/job/memory.limit_in_bytes", "536870912\n");

        ObjectNode o = MachineInfo.collect(ResultsFile.json(), root);
        assertEquals("v1", o.get("cgroup_version").asText());
        assertEquals(1.5, o.get("cgroup_cpu_quota").asDouble());
        assertEquals(536870912L, o.get("cgroup_memory_limit_bytes").asLong());
    }

    @Test
    void anEmptyRootGivesNullsNotExceptions(@TempDir Path root) {
        ObjectNode o = MachineInfo.collect(ResultsFile.json(), root);
        for (String field : new String[] {"cpu_model", "cgroup_version", "cgroup_cpu_quota", "memory_total_bytes",
                "cgroup_memory_limit_bytes", "kernel", "cpu_governor", "load_average_1_5_15"}) {
            assertTrue(o.has(field), field + " is always present");
            assertTrue(o.get(field).isNull(), field + " is null without its file");
        }
        assertTrue(o.get("cpu_count").asInt() >= 1);
        assertFalse(o.get("java_version").asText().isEmpty());
        assertTrue(o.get("jvm_input_arguments").isArray());
        assertFalse(o.get("gillab_version").asText().isEmpty());
    }

    @Test
    void theRealMachineNeverThrows() {
        ObjectNode o = MachineInfo.collect(ResultsFile.json());
        assertTrue(o.get("cpu_count").asInt() >= 1);
        assertTrue(o.has("load_average"));
        assertTrue(o.has("gillab_version"));
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
