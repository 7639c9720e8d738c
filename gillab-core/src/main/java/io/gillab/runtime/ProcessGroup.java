package io.gillab.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything one trial process started. The process is started as the leader of its own session and
 * process group ({@code setsid}, which execs in place: the pid is the trial process's), so its children and
 * grandchildren share its group even after their parent has gone (a {@code sleep &} orphaned to init). At the
 * trial's end whatever is left in the group is ended: a polite SIGTERM, then SIGKILL after a short grace. The
 * members are found in {@code /proc} (Linux); where there is no {@code setsid} or {@code /proc}, only the
 * process's live descendants are ended, as before.
 */
final class ProcessGroup {
    /** How long leftovers get to exit by themselves (a multiprocessing resource tracker sees its pipe close). */
    static final Duration SETTLE = Duration.ofMillis(500);
    /** How long they get after SIGTERM before SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(1);
    private static final Path SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
            .filter(Files::isExecutable).findFirst().orElse(null);
    private static final Path PROC = Path.of("/proc");

    private ProcessGroup() {
    }

    /** The command, run as the leader of a new session and process group when the machine can. */
    static List<String> leader(List<String> command) {
        if (SETSID == null) {
            return command;
        }
        List<String> c = new ArrayList<>(command.size() + 1);
        c.add(SETSID.toString());
        c.addAll(command);
        return c;
    }

    /**
     * Ends the processes still in group {@code pgid} (the trial process's pid) once the trial process is gone.
     *
     * @return how many were still running after {@link #SETTLE}: processes the trial left behind
     */
    static int end(long pgid) {
        List<ProcessHandle> left = awaitGone(pgid, SETTLE);
        if (left.isEmpty()) {
            return 0;
        }
        left.forEach(ProcessHandle::destroy);
        List<ProcessHandle> stubborn = awaitGone(pgid, GRACE);
        stubborn.forEach(ProcessHandle::destroyForcibly);
        return left.size();
    }

    /** The group's live members after waiting up to {@code wait} for them to exit. */
    private static List<ProcessHandle> awaitGone(long pgid, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<ProcessHandle> live = members(pgid);
        while (!live.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            live = members(pgid);
        }
        return live;
    }

    /** Live (not zombie) processes whose process group is {@code pgid}, from /proc/PID/stat. */
    static List<ProcessHandle> members(long pgid) {
        if (SETSID == null || !Files.isDirectory(PROC)) {
            return List.of();
        }
        List<ProcessHandle> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String stat;
                try {
                    stat = Files.readString(p.resolve("stat"));
                } catch (IOException e) {
                    return; // gone meanwhile
                }
                // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so read after the last ')'
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (f.length > 2 && !f[0].equals("Z") && f[2].equals(Long.toString(pgid))) {
                    ProcessHandle.of(Long.parseLong(p.getFileName().toString())).ifPresent(out::add);
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
