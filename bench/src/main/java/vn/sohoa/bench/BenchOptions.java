package vn.sohoa.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The benchmarks' command lines: {@code --name value} pairs, and flags ({@code --name} followed by another option). */
final class BenchOptions {

    private BenchOptions() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            options.put(args[i], flag ? "" : args[++i]);
        }
        return options;
    }
}
