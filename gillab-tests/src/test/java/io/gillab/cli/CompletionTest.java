package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.ExecutionMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gillab completion}: a bash/zsh script that completes the commands and the enumerated values. */
class CompletionTest {
    @TempDir
    Path tmp;

    @Test
    void bashCompletesCommandsAndChoices() throws Exception {
        MergeCommandTest.Cli c = MergeCommandTest.gillab("completion");
        assertEquals(0, c.code(), c::err);
        assertTrue(c.out().contains("bashcompinit"), "zsh support");
        Path script = tmp.resolve("gillab-completion.bash");
        Files.writeString(script, c.out());
        assertEquals("strong weak", complete(script, "gillab run --scaling "));
        assertEquals("worker main", complete(script, "gillab run --one-thread-on "));
        assertEquals("threads processes interpreters contexts", complete(script, "gillab run --mode "));
        assertEquals("cells cost completion", complete(script, "gillab c"));
    }

    /** What bash's completion function offers for the line (the cursor at its end). */
    private static String complete(Path script, String line) throws Exception {
        String words = line.endsWith(" ") ? line + "''" : line;
        String program = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                + " COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_gillab 2>/dev/null;"
                + " printf '%s\\n' \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void modeChoicesAreTheExecutionModes() {
        assertEquals(ExecutionMode.ALL, Arrays.stream(RunChoices.Mode.values()).map(Enum::name).toList());
    }
}
