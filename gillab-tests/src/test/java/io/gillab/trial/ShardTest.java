package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void theShardsOfAMatrixCoverItOnceEach() {
        List<Integer> matrix = IntStream.range(0, 11).boxed().toList();
        for (int n = 1; n <= 5; n++) {
            List<Integer> union = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                List<Integer> mine = new Shard(i, n).select(matrix);
                assertEquals(Shard.parse(i + "/" + n).select(matrix), mine, "deterministic");
                union.addAll(mine);
            }
            assertEquals(matrix, union.stream().sorted().toList(), n + " shards");
        }
    }

    @Test
    void malformedShardsNameTheProblem() {
        assertEquals("a shard is i/n with 1 <= i <= n, got 3/2",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("3/2")).getMessage());
        assertEquals("a shard is written i/n, e.g. 1/4, got 'half'",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("half")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/2"));
    }
}
