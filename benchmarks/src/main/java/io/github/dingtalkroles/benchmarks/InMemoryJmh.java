package io.github.dingtalkroles.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link InMemoryDirectoryBenchmark} with JMH, once with 1 thread and once with 2, and prints
 * operations per second and the 2-thread / 1-thread ratio. Arguments: {@code quick} for a short run.
 */
public final class InMemoryJmh {
    private InMemoryJmh() {
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int warmups = quick ? 2 : 3;
        int iterations = quick ? 3 : 5;
        TimeValue time = TimeValue.seconds(quick ? 1 : 2);
        int forks = quick ? 1 : 2;
        Map<String, double[]> scores = new LinkedHashMap<>();
        Map<String, double[]> errors = new LinkedHashMap<>();
        int[] threadCounts = {1, 2};
        for (int t = 0; t < threadCounts.length; t++) {
            Options options = new OptionsBuilder()
                    .include(InMemoryDirectoryBenchmark.class.getName())
                    .threads(threadCounts[t])
                    .forks(forks)
                    .warmupIterations(warmups)
                    .warmupTime(time)
                    .measurementIterations(iterations)
                    .measurementTime(time)
                    .jvmArgs("-Xmx512m")
                    .verbosity(VerboseMode.SILENT)
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            for (RunResult result : results) {
                String name = result.getParams().getBenchmark();
                name = name.substring(name.lastIndexOf('.') + 1);
                scores.computeIfAbsent(name, k -> new double[threadCounts.length])[t] =
                        result.getPrimaryResult().getScore();
                errors.computeIfAbsent(name, k -> new double[threadCounts.length])[t] =
                        result.getPrimaryResult().getScoreError();
            }
        }
        System.out.printf("### In-memory backend (JMH 1.37, %s: %d fork(s), %d x %s warm-up, %d x %s"
                + " measurement; 1,000 groups x 5 roles)%n%n", quick ? "quick" : "full", forks, warmups, time,
                iterations, time);
        System.out.println("| operation | 1 thread ops/s | 2 threads ops/s | 2 threads / 1 thread |");
        System.out.println("| --- | ---: | ---: | ---: |");
        List<String> names = new ArrayList<>(scores.keySet());
        for (String name : names) {
            double[] s = scores.get(name);
            double[] e = errors.get(name);
            System.out.printf("| %s | %s ± %s | %s ± %s | %s |%n", name, Stats.number(s[0]), Stats.number(e[0]),
                    Stats.number(s[1]), Stats.number(e[1]), Stats.ratio(s[1] / s[0]));
        }
        System.out.println();
        System.out.println("(± is JMH's 99.9 % confidence half-width; with 2 threads on 2 cores, JMH's own"
                + " threads and the OS share the same cores)");
        System.out.println();
    }
}
