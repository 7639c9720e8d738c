package io.gillab.trial;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --shard i/n}: a deterministic 1/n of the trial matrix, so that n CI jobs with the same options
 * cover it once. Trials are dealt round-robin in matrix order, which spreads each runtime's trials
 * over the shards.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, got " + index + "/" + count);
        }
    }

    public static Shard parse(String text) {
        var m = java.util.regex.Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a shard is written i/n, e.g. 1/4, got '" + text + "'");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public <T> List<T> select(List<T> all) {
        List<T> mine = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            if (k % count == index - 1) {
                mine.add(all.get(k));
            }
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
