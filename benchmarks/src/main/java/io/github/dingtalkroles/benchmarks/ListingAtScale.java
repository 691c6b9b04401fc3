package io.github.dingtalkroles.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 2: walks directories of 1,000, 10,000 and 100,000 role groups (5 roles each) in full through
 * the port's all-groups walk over the emulator. The emulator runs in its own JVM ({@code -Xmx1g}),
 * the walking client in another with {@code -Xmx64m} ({@link WalkClient}).
 *
 * <p>Arguments: {@code quick} for 1,000 and 10,000 groups only.
 */
public final class ListingAtScale {
    static final int ROLES_PER_GROUP = 5;
    static final String CLIENT_HEAP = "-Xmx64m";

    private ListingAtScale() {
    }

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int[] sizes = quick ? new int[] {1_000, 10_000} : new int[] {1_000, 10_000, 100_000};
        // Groups walked before measuring: several whole walks even at the largest size, for the JIT of
        // both JVMs (a single 100,000-group warm-up walk left the largest size 20-25 % behind).
        int warmup = quick ? 100_000 : 400_000;
        System.out.printf("### Listing at scale (%s; client JVM %s, emulator JVM -Xmx1g, pages of 200)%n%n",
                quick ? "quick" : "full", CLIENT_HEAP);
        System.out.println("| groups | roles | pages | wall ms | ms per 1,000 groups | vs 1,000 groups"
                + " | peak heap MiB (sum of pools) | old gen peak MiB | client max heap MiB |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        double basePerThousand = 0;
        for (int size : sizes) {
            Map<String, Long> result;
            try (ChildJvm emulator = ChildJvm.start(List.of("-Xmx1g"), EmulatorServer.class,
                    String.valueOf(size), String.valueOf(ROLES_PER_GROUP))) {
                String url = emulator.await("url");
                try (ChildJvm client = ChildJvm.start(List.of(CLIENT_HEAP), WalkClient.class, url,
                        String.valueOf(warmup), "100000")) {
                    result = parse(client.await("result"));
                    int exit = client.waitFor();
                    if (exit != 0) {
                        throw new IllegalStateException("the walking client failed (exit " + exit + ")");
                    }
                }
            }
            long groups = result.get("groups");
            double millis = result.get("nanos") / 1e6;
            double perThousand = millis / (groups / 1000.0);
            if (basePerThousand == 0) {
                basePerThousand = perThousand;
            }
            System.out.printf("| %,d | %,d | %d | %.0f | %.1f | %s | %.1f | %.1f | %.0f |%n", groups,
                    result.get("roles"), result.get("pages"), millis, perThousand,
                    Stats.ratio(perThousand / basePerThousand), mib(result.get("heapPeak")),
                    mib(result.get("oldPeak")), mib(result.get("maxHeap")));
            System.out.flush();
        }
        System.out.println();
        System.out.printf("(groups include the Default group; \"vs 1,000 groups\" is the time per 1,000 groups"
                + " relative to the 1,000-group walk: 1.00 means linear; each size is warmed up over about"
                + " %,d groups and measured over about 100,000 groups, in whole walks, and the mean walk is shown)%n", warmup);
        System.out.println();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    static Map<String, Long> parse(String line) {
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        return values;
    }
}
