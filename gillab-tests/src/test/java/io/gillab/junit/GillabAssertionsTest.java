package io.gillab.junit;

import static io.gillab.junit.GillabAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.TrialResult;
import io.gillab.results.ResultSet;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The assertions judge recorded trials by the table's rules: a speedup by its 95% interval, a probe value
 * exactly; a failure names the observed value, the expectation and the evidence.
 */
class GillabAssertionsTest {
    private static TrialResult trial(String name, String runtime) throws IOException {
        return ResultSet.load(Path.of("src/test/resources/fixtures/reports")).results().stream()
                .filter(t -> t.name().equals(name) && t.runtime().equals(runtime) && t.status() == TrialResult.Status.ok)
                .findFirst().orElseThrow();
    }

    @Test
    void aSpeedupIsJudgedByItsIntervalAndAFailureShowsTheEvidence() throws IOException {
        TrialResult jython = trial("countdown", "jython");
        // this recording's interval is wide (1.44x, 95% CI 0.0062 to 335: two forks whose medians are 1.47x and
        // 0.62x, t = 12.7 in log space): a cell fails only outside it
        assertThat(jython).isOk().speedup(2).isAtLeast(1.3);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(jython).speedup(2).isAtLeast(1000));
        assertTrue(e.getMessage().contains("observed ") && e.getMessage().contains("expected >= 1000")
                && e.getMessage().contains("evidence: ") && e.getMessage().contains("95%"), e.getMessage());
    }

    @Test
    void aProbeValueAndARaisedException() throws IOException {
        TrialResult refcount = trial("refcount", "jython");
        assertThat(refcount).value("fresh_dict").raises("AttributeError");
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(refcount).value("fresh_dict").isEqualTo(2));
        assertTrue(e.getMessage().contains("expected 2") && e.getMessage().contains("AttributeError"), e.getMessage());
    }

    @Test
    void aFailedTrialIsNotOk() throws IOException {
        TrialResult failed = ResultSet.load(Path.of("src/test/resources/fixtures/reports")).results().stream()
                .filter(t -> t.status() == TrialResult.Status.failed).findFirst().orElseThrow();
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertThat(failed).isOk());
        assertTrue(e.getMessage().contains("expected status ok, was failed"), e.getMessage());
    }
}
