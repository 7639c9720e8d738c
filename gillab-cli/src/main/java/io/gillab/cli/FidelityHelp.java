package io.gillab.cli;

import java.util.ListResourceBundle;

/** {@code fidelity}'s wording of the {@link SharedRunFlags}: there they also drive the direct side. */
public final class FidelityHelp extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {"python", "The interpreter for both sides of (a) and behind cpython-local (default: ${DEFAULT-VALUE} on PATH)."},
            {"timeout", "Time limit per trial and per direct process (default: ${DEFAULT-VALUE})."},
            {"out", "Output directory (default: results/fidelity-<date-time>)."},
        };
    }
}
