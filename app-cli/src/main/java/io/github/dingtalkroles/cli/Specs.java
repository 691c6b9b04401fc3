package io.github.dingtalkroles.cli;

import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the command line's picocli model with picocli's programmatic API instead of its annotations.
 *
 * <p>Why not annotations: every start of {@code roles} would read them through reflection, and the JDK
 * represents each annotation as a dynamic proxy whose class it generates at run time, one per
 * annotation type ({@code @Command}, {@code @Option}, ... and their own {@code @Retention} and
 * {@code @Target}); CDS cannot archive those classes. In a probe on 2 cores, building the same model
 * by hand took 14 ms instead of 37 ms, about a quarter of a {@code roles list}. These helpers keep the declarations
 * about as short as the annotations were; the model (names, labels, descriptions, defaults, help and
 * version options) is the same.
 */
final class Specs {
    private Specs() {
    }

    /**
     * A command running {@code command} with these options, then {@code -h/--help} and
     * {@code -V/--version} (what {@code mixinStandardHelpOptions = true} gave, in the same order).
     */
    static CommandSpec command(Runnable command, String name, String[] description, OptionSpec.Builder... options) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description);
        for (OptionSpec.Builder option : options) {
            spec.addOption(option.build());
        }
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    /** Lines of a command's description. */
    static String[] description(String... lines) {
        return lines;
    }

    /**
     * An option of {@code type} whose parsed (or default) value goes to {@code field}. Before each
     * parse picocli resets it to its initial value: null, or zero and false for primitive types.
     */
    static OptionSpec.Builder option(String name, Class<?> type, Consumer<Object> field) {
        OptionSpec.Builder option = OptionSpec.builder(name).type(type).setter(new ISetter() {
            @Override
            public <T> T set(T value) {
                field.accept(value);
                return null;
            }
        });
        if (type == boolean.class) {
            // no explicit arity: picocli then treats the flag as it does an annotated one, taking
            // no parameter but accepting an attached one (--all=true, --verbose=false)
            return option.initialValue(false);
        }
        if (type == int.class) {
            return option.initialValue(0);
        }
        return type == long.class ? option.initialValue(0L) : option;
    }
}
