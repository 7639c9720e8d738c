package io.gillab.cli;

import io.gillab.trial.Run;
import io.gillab.trial.RunEvent;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with the trial count and ETA under the per-trial lines, on a terminal only: when
 * stdout is a pipe or a file (CI logs), the plain lines are all there is.
 */
final class ProgressBarDisplay implements Run.Progress {
    private final PrintStream out;
    private ProgressBar bar;

    private ProgressBarDisplay(PrintStream out) {
        this.out = out;
    }

    /** A bar on an interactive terminal, plain lines otherwise. */
    static Run.Progress forTerminal(PrintStream out) {
        return interactive() ? new ProgressBarDisplay(out) : Run.Progress.lines(out);
    }

    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a Console even for pipes; isTerminal() tells them apart.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console is only there when both streams are a terminal
        }
    }

    @Override
    public void start(int trials) {
        bar = new ProgressBarBuilder().setTaskName("trials").setInitialMax(trials)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(out)).build();
    }

    @Override
    public synchronized void trialEnded(RunEvent event) {
        printAbove(Run.Progress.line(event));
        bar.step();
    }

    /** Clears the bar's line, prints, and lets the bar redraw below. */
    private void printAbove(String line) {
        out.print("\r\033[K");
        out.println(line);
        bar.refresh();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
