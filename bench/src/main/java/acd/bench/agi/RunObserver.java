package acd.bench.agi;

import java.util.function.IntSupplier;

/** Hooks into the phases of a load run, for measuring the server beside it. */
interface RunObserver {

    /** The warm-up is over; the measured window starts. */
    default void windowOpened() {
    }

    /**
     * The window has closed and the calls still open are about to drain: the moment to look at
     * what a server holds per open call. Runs on the generator's starting thread; no call is
     * started until it returns, while open calls go on.
     */
    default void windowClosed(IntSupplier openSessions) {
    }

    RunObserver NONE = new RunObserver() {
    };
}
