package io.gillab.expect;

/**
 * A claim the table tests: from the seed article (paraphrased) or the literature.
 *
 * @param id     e.g. {@code refcounting}
 * @param text   the claim in a sentence
 * @param source where it comes from
 */
public record Claim(String id, String text, String source) {
}
