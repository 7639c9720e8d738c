package io.gillab.expect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one trial gave for one check's observation.
 *
 * @param value     the value (a JSON node; null or a missing node when the trial has none)
 * @param exception the exception the probe reported for its call (the result's {@code exception}
 *                  field), or null
 * @param words     the value in words, e.g. {@code 2}, {@code raises AttributeError}, {@code 1.07x}
 * @param detail    the evidence: samples, ratios, the raw probe value
 * @param noData    why there is nothing to judge (the trial failed, too few samples, ...), or null
 * @param ciLow     the low end of the value's 95% confidence interval, for a measured number (else null)
 * @param ciHigh    its high end, or null
 */
public record Observed(JsonNode value, String exception, String words, String detail, String noData, Double ciLow,
        Double ciHigh) {

    public Observed(JsonNode value, String exception, String words, String detail, String noData) {
        this(value, exception, words, detail, noData, null, null);
    }

    public static Observed none(String why, String detail) {
        return new Observed(null, null, "no data", detail, why);
    }

    /** Whether the value comes with a confidence interval. */
    public boolean hasInterval() {
        return ciLow != null && ciHigh != null && !ciLow.isNaN() && !ciHigh.isNaN();
    }

    /** The value as a number, or null when it is not one. */
    public Double number() {
        return value != null && value.isNumber() ? value.asDouble() : null;
    }
}
