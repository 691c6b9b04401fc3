package io.github.dingtalkroles.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 5: wall time of {@code roles list} on a local store against {@code java -version}, as the
 * median of several runs of each, the variants taking turns (round-robin) so drift hits all alike.
 * Variants: the plain jar, then the JVM options the launcher adds one at a time (C1 only, an AppCDS
 * archive of the classes {@code roles list} loads, one compiler thread and no hsperfdata file,
 * picocli's start-up switches), and the {@code ./roles} launcher as shipped, which the target applies to.
 *
 * <p>Arguments: {@code repositoryRoot [runs]}.
 */
public final class CliStart {
    private CliStart() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        String java = ChildJvm.javaBin();
        Path jar = root.resolve("app-cli/target/roles.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the CLI first: " + jar + " is missing");
        }
        Path work = Files.createTempDirectory("roles-start");
        Path store = work.resolve("directory.json");
        Path archive = work.resolve("roles-list.jsa");
        List<String> list = List.of("-jar", jar.toString(), "--store", store.toString(), "list");

        // a store to read (list alone creates none): the Default group and one more
        run(command(java, List.of(), List.of("-jar", jar.toString(), "--store", store.toString(),
                "add-group", "--name", "HR")), root);
        run(command(java, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=off"), list), root);
        String cds = "-XX:SharedArchiveFile=" + archive;
        run(command(java, List.of(cds, "-Xshare:on"), list), root); // fails unless the archive maps
        String c1 = "-XX:TieredStopAtLevel=1";
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("java -version (baseline)", command(java, List.of(), List.of("-version")));
        variants.put("java -jar roles.jar list", command(java, List.of(), list));
        variants.put("+ -XX:TieredStopAtLevel=1", command(java, List.of(c1), list));
        variants.put("+ AppCDS archive (-XX:SharedArchiveFile)", command(java, List.of(cds), list));
        variants.put("+ AppCDS + TieredStopAtLevel=1", command(java, List.of(cds, c1), list));
        variants.put("+ AppCDS + TieredStopAtLevel=1 + CICompilerCount=1 + -UsePerfData",
                command(java, List.of(cds, c1, "-XX:CICompilerCount=1", "-XX:-UsePerfData"), list));
        variants.put("+ picocli switches (all the launcher's options)",
                command(java, List.of(cds, c1, "-XX:CICompilerCount=1", "-XX:-UsePerfData",
                        "-Dpicocli.disable.closures=true",
                        "-Dpicocli.converters.excludes=java\\.time\\..*,java\\.sql\\..*"), list));
        variants.put("./roles list (launcher)", List.of(root.resolve("roles").toString(), "--store", store.toString(),
                "list"));

        Map<String, double[]> millis = new LinkedHashMap<>();
        variants.keySet().forEach(name -> millis.put(name, new double[runs]));
        for (List<String> command : variants.values()) {
            run(command, root); // warm the file cache and, for the launcher, let it prepare itself
        }
        for (int r = 0; r < runs; r++) {
            List<String> names = new ArrayList<>(variants.keySet());
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((r + k) % names.size());
                millis.get(name)[r] = run(variants.get(name), root);
            }
        }
        double baseline = Stats.median(millis.get("java -version (baseline)"));
        System.out.printf("### CLI start (median of %d runs each, round-robin; store with the Default group and one more)%n%n",
                runs);
        System.out.println("| command | median ms | min ms | max ms | ratio to java -version |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (Map.Entry<String, double[]> entry : millis.entrySet()) {
            double[] values = entry.getValue().clone();
            Arrays.sort(values);
            double median = Stats.median(values);
            System.out.printf("| %s | %.0f | %.0f | %.0f | %s |%n", entry.getKey(), median, values[0],
                    values[values.length - 1], Stats.ratio(median / baseline));
        }
        System.out.println();
        for (File f : work.toFile().listFiles()) {
            Files.deleteIfExists(f.toPath());
        }
        Files.deleteIfExists(work);
    }

    private static List<String> command(String java, List<String> options, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.addAll(args);
        return command;
    }

    /** Runs {@code command} to its end, output discarded; returns its wall time in milliseconds. */
    static double run(List<String> command, Path dir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("ROLES_STORE");
        builder.environment().remove("ROLES_JAVA_OPTS");
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
        return millis;
    }
}
