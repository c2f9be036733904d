package org.clinicalrag.eval;

import java.util.function.Consumer;

/** One status line on stderr, rewritten in place, so long runs show where they are without flooding the log. */
public final class Progress implements Consumer<String> {

    private final boolean quiet;

    public Progress(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public void accept(String message) {
        if (!quiet) {
            System.err.print("\r\033[K" + message);
            System.err.flush();
        }
    }

    /** Clears the line before the results are printed. */
    public void done() {
        if (!quiet) {
            System.err.print("\r\033[K");
            System.err.flush();
        }
    }
}
