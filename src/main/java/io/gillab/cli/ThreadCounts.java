package io.gillab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine;

/** Parses {@code --threads}: a list ({@code 1,2,4}) or a range ({@code 1..4}), positive integers only. */
final class ThreadCounts implements CommandLine.ITypeConverter<List<Integer>> {

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
                    for (int i = lo; i <= hi; i++) {
                        counts.add(i);
                    }
                } else {
                    int n = Integer.parseInt(p);
                    if (n < 1) {
                        throw new NumberFormatException();
                    }
                    counts.add(n);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a thread count list: use positive integers like 1,2,4 or a range like 1..4");
            }
        }
        if (counts.size() > 64) {
            throw new CommandLine.TypeConversionException("'" + value + "' asks for more than 64 thread counts");
        }
        return new ArrayList<>(counts);
    }
}
