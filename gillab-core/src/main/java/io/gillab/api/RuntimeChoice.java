package io.gillab.api;

/**
 * A runtime a run or a test class asked for, resolved here: {@code cpython} becomes one runtime per local
 * {@code gillab/cpython:*} image (or the local python3), and each says whether it can run and, if not, why.
 *
 * @param id          as results.jsonl names it ({@code jython}, {@code graalpy}, {@code cpython:3.13}, ...)
 * @param container   runs in a container
 * @param unavailable why it cannot run here, or null
 */
public record RuntimeChoice(String id, boolean container, String unavailable) {

    public boolean available() {
        return unavailable == null;
    }

    @Override
    public String toString() {
        return id;
    }
}
