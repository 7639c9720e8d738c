package io.gillab.expect;

/**
 * One expectation judged against one trial: what was observed, what the expectations table says,
 * and — where the seed or the literature made a claim about it — that claim and whether this
 * observation confirms or contradicts it.
 *
 * @param check      the expectation's name, e.g. {@code refcount_fresh_dict}
 * @param subject    the probe or workload it reads, e.g. {@code refcount}, {@code countdown}
 * @param trial      the trial id it was judged on, e.g. {@code cpython:3.13/refcount}
 * @param runtime    the runtime id, e.g. {@code cpython:3.13}
 * @param observed   the observed value in words, e.g. {@code 2}, {@code AttributeError}, {@code 1.07x}
 * @param expected   the table's expectation in words, e.g. {@code 2}, {@code >= 1.6x}
 * @param tolerance  the tolerance in words, or null
 * @param outcome    whether the observation meets the expectation
 * @param detail     the evidence a failing test prints: samples, ratios, the raw probe value
 * @param claim      the seed's or literature's claim this row tests, or null
 * @param prediction what that claim predicts for this runtime in words, or null
 * @param claimHolds true = confirmed, false = contradicted, null = no claim, no data, or not applicable
 * @param source     a link or citation for the expectation or claim, or null
 * @param reason     why the table expects this, in a sentence, or null
 * @param notApplicable why the claim does not apply to this runtime (outside the claim's scope), or null
 * @param control    the observation against a control runtime outside the claim's scope in the same run
 *                   (e.g. the GIL's share of the convoy's p99 ratio), or null
 */
public record Verdict(String check, String subject, String trial, String runtime, String observed, String expected,
        String tolerance, Outcome outcome, String detail, String claim, String prediction, Boolean claimHolds,
        String source, String reason, String notApplicable, String control) {

    /** A verdict whose claim (if any) applies, with no control. */
    public Verdict(String check, String subject, String trial, String runtime, String observed, String expected,
            String tolerance, Outcome outcome, String detail, String claim, String prediction, Boolean claimHolds,
            String source, String reason) {
        this(check, subject, trial, runtime, observed, expected, tolerance, outcome, detail, claim, prediction,
                claimHolds, source, reason, null, null);
    }

    /** The same verdict with a control observation beside it. */
    public Verdict withControl(String text) {
        return new Verdict(check, subject, trial, runtime, observed, expected, tolerance, outcome, detail, claim,
                prediction, claimHolds, source, reason, notApplicable, text);
    }

    public enum Outcome {
        /** The observation meets the expectation. */
        MATCH,
        /** It does not: the implementation changed, or the table is wrong. */
        MISMATCH,
        /** The trial did not give the value (failed, timed out, skipped): no judgement. */
        NO_DATA
    }
}
