package io.gillab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./gillab}: the command-line entry point. */
@Command(name = "gillab", mixinStandardHelpOptions = true, versionProvider = GillabCommand.Version.class,
        description = "Runs the same Python workloads on Jython, GraalPy and CPython and reports how they differ.",
        subcommands = {RunCommand.class, ReportCommand.class, MergeCommand.class, ListCommand.class, CellsCommand.class, CostCommand.class,
                FidelityCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class})
public final class GillabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Read by InternalErrorHandler from the command line; declared so every command accepts it.
    @CommandLine.Option(names = InternalErrorHandler.DEBUG, scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print the stack trace too.")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'gillab run' or 'gillab list'");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GillabCommand());
        // A usage error is one clear line and a hint, not the whole help text.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            // A refused choice names its option itself ("--scaling must be strong or weak, got 'x'").
            cmd.getErr().println("gillab: " + (ex.getCause() instanceof RunChoices.Refused r ? r.getMessage() : ex.getMessage()));
            cmd.getErr().println("try: gillab " + cmd.getCommandName().replace("gillab", "").strip()
                    + (cmd.getCommandName().equals("gillab") ? "" : " ") + "--help");
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler(new InternalErrorHandler());
        ExitCodes.describe(cl);
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = GillabCommand.class.getPackage().getImplementationVersion();
            return new String[] {"gillab " + (v == null ? "(development build)" : v) + ", Java " + Runtime.version()};
        }
    }
}
