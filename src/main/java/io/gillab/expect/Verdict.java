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
 * @param claimHolds true = confirmed, false = contradicted, null = no claim (or no data)
 * @param source     a link or citation for the expectation or claim, or null
 * @param reason     why the table expects this, in a sentence, or null
 */
public record Verdict(String check, String subject, String trial, String runtime, String observed, String expected,
        String tolerance, Outcome outcome, String detail, String claim, String prediction, Boolean claimHolds,
        String source, String reason) {

    public enum Outcome {
        /** The observation meets the expectation. */
        MATCH,
        /** It does not: the implementation changed, or the table is wrong. */
        MISMATCH,
        /** The trial did not give the value (failed, timed out, skipped): no judgement. */
        NO_DATA
    }
}
