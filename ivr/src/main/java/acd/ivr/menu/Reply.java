package acd.ivr.menu;

import java.util.Map;
import java.util.Objects;

/** What the driver tells the menu after performing a {@link Step}; each carries the time it happened. */
public sealed interface Reply {

    long nowMs();

    /** A play, say or set-variable step finished. */
    record Done(long nowMs) implements Reply {
    }

    /** The keys a collect step got, as the PBX reported them; empty when none were pressed. */
    record Digits(String digits, long nowMs) implements Reply {
        public Digits {
            digits = digits == null ? "" : digits;
        }
    }

    /** How an action ended: one of its kind's outcome keys, and the variables it set. */
    record Outcome(String key, Map<String, String> values, long nowMs) implements Reply {
        public Outcome {
            Objects.requireNonNull(key, "key");
            values = Map.copyOf(values);
        }
    }

    /** The caller hung up while the step ran; valid in reply to any step. */
    record HungUp(long nowMs) implements Reply {
    }

    static Done done(long nowMs) {
        return new Done(nowMs);
    }

    static Digits digits(String digits, long nowMs) {
        return new Digits(digits, nowMs);
    }

    static HungUp hungUp(long nowMs) {
        return new HungUp(nowMs);
    }
}
