package io.github.dingtalkroles.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code roles generate-completion}: picocli's {@link AutoComplete.GenerateCompletion}, declared by hand
 * like the other commands ({@link Specs}) with the same name, description and output.
 */
final class Completion implements Runnable {
    private CommandSpec spec;

    private Completion() {
    }

    static CommandSpec spec() {
        Completion completion = new Completion();
        completion.spec = Specs.command(completion, "generate-completion", Specs.description(
                "Generate bash/zsh completion script for ${ROOT-COMMAND-NAME:-the root command of this command}.",
                "Run the following command to give `${ROOT-COMMAND-NAME:-$PARENTCOMMAND}` TAB completion in the current shell:",
                "",
                "  source <(${PARENT-COMMAND-FULL-NAME:-$PARENTCOMMAND} ${COMMAND-NAME})",
                ""))
                .version("generate-completion " + CommandLine.VERSION)
                .helpCommand(true);
        completion.spec.usageMessage().optionListHeading("Options:%n");
        return completion.spec;
    }

    @Override
    public void run() {
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        // Not println: a completion script with Windows line separators fails in strange ways.
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().print('\n');
        spec.commandLine().getOut().flush();
    }
}
