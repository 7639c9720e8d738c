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
        quietLogging();
        System.exit(commandLine().execute(args));
    }

    /**
     * Testcontainers and docker-java log through SLF4J: only their warnings reach the terminal, on stderr.
     * Set here rather than in a simplelogger.properties at the jar's root, which would be a consumer's too;
     * a -D on the command line still wins.
     */
    static void quietLogging() {
        java.util.Map<String, String> defaults = java.util.Map.of(
                "org.slf4j.simpleLogger.defaultLogLevel", "warn",
                "org.slf4j.simpleLogger.logFile", "System.err",
                "org.slf4j.simpleLogger.showDateTime", "false",
                "org.slf4j.simpleLogger.showThreadName", "false",
                "org.slf4j.simpleLogger.showShortLogName", "true",
                "org.slf4j.simpleLogger.log.org.testcontainers.utility.ResourceReaper", "error");
        defaults.forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
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
            // The version run-*.json records: the jar manifest's Implementation-Version (the pom's).
            String v = io.gillab.results.MachineInfo.gillabVersion();
            return new String[] {"gillab " + (v.equals("dev") ? "(development build)" : v) + ", Java " + Runtime.version()};
        }
    }
}
