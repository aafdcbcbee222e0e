package vn.sohoa.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The benchmarks' command lines: {@code --name value} pairs. */
final class BenchOptions {

    private BenchOptions() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
