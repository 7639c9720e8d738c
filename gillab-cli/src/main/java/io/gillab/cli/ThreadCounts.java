package io.gillab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine;

/**
 * Parses {@code --threads}: a list ({@code 1,2,4}) or a range ({@code 1..4}), positive integers only, each at
 * most {@link #MAX_THREADS}, and at most {@link #MAX_COUNTS} of them.
 */
final class ThreadCounts implements CommandLine.ITypeConverter<List<Integer>> {
    /** More threads than any machine gillab measures on has cores many times over; more is a typo. */
    static final int MAX_THREADS = 1024;
    static final int MAX_COUNTS = 64;

    @Override
    public List<Integer> convert(String value) {
        return parse(value);
    }

    static List<Integer> parse(String value) {
        TreeSet<Integer> counts = new TreeSet<>();
        for (String part : value.split(",")) {
            String p = part.strip();
            try {
                if (p.contains("..")) {
                    String[] ends = p.split("\\.\\.", -1);
                    int lo = Integer.parseInt(ends[0].strip());
                    int hi = Integer.parseInt(ends[1].strip());
                    if (lo < 1 || hi < lo) {
                        throw new NumberFormatException();
                    }
                    tooMany(value, hi);
                    if (hi - lo + 1 > MAX_COUNTS) {
                        throw new CommandLine.TypeConversionException("'" + value + "' asks for more than "
                                + MAX_COUNTS + " thread counts");
                    }
                    for (int i = lo; i <= hi; i++) {
                        counts.add(i);
                    }
                } else {
                    int n = Integer.parseInt(p);
                    if (n < 1) {
                        throw new NumberFormatException();
                    }
                    tooMany(value, n);
                    counts.add(n);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a thread count list: use positive integers like 1,2,4 or a range like 1..4");
            }
        }
        if (counts.size() > MAX_COUNTS) {
            throw new CommandLine.TypeConversionException("'" + value + "' asks for more than " + MAX_COUNTS
                    + " thread counts");
        }
        return new ArrayList<>(counts);
    }

    private static void tooMany(String value, int n) {
        if (n > MAX_THREADS) {
            throw new CommandLine.TypeConversionException("'" + value + "': at most " + MAX_THREADS
                    + " threads, got " + n);
        }
    }
}
