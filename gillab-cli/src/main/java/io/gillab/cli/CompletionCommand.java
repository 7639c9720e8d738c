package io.gillab.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gillab completion}: prints picocli's bash/zsh completion script for every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash/zsh completion script for gillab.",
                "bash: source <(./gillab completion); zsh: autoload -U +X compinit && compinit; source <(./gillab completion)"})
final class CompletionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(AutoComplete.bash("gillab", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
    }
}
