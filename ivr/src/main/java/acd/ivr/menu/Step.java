package acd.ivr.menu;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the menu asks the PBX to do next: one primitive at a time. The driver performs it and
 * answers with the {@link Reply} each kind names; {@link HandOver} and {@link HangUp} end the
 * call's time in the menu and take no reply.
 */
public sealed interface Step {

    /**
     * Plays sounds in order, not interruptible; numbers, amounts and months read back are sounds
     * too (see {@link acd.ivr.speech.Speech}). Reply: {@link Reply.Done}.
     */
    record Play(List<String> sounds) implements Step {
        public Play {
            sounds = List.copyOf(sounds);
        }
    }

    /**
     * Plays the prompts (keys pressed during them count) and collects up to {@code maxDigits}
     * keys, giving up {@code timeoutMs} after the last. Reply: {@link Reply.Digits}, empty when
     * the caller pressed nothing.
     */
    record Collect(List<String> prompts, int maxDigits, long timeoutMs) implements Step {
        public Collect {
            prompts = List.copyOf(prompts);
        }
    }

    /** Sets a channel variable, e.g. {@code CHANNEL(language)}. Reply: {@link Reply.Done}. */
    record SetVariable(String name, String value) implements Step {
    }

    /**
     * A self-service request for the driver to run (see {@link SelfServiceDesk}), possibly on
     * another thread. Reply: {@link Reply.Outcome}.
     *
     * @param arguments call variables the action reads, {@code number} (the caller's) and
     *                  {@code callId}; they may hold a PIN, so they are not for logs
     */
    record Action(ActionKind kind, Map<String, String> arguments) implements Step {
        public Action {
            Objects.requireNonNull(kind, "kind");
            arguments = Map.copyOf(arguments);
        }

        public String argument(String name) {
            return arguments.get(name);
        }

        /** Names the arguments without their values: a PIN must not reach a log by way of a step. */
        @Override
        public String toString() {
            return "Action[" + kind.spelling() + " " + new java.util.TreeSet<>(arguments.keySet()) + "]";
        }
    }

    /**
     * The caller wants a person: put the call in {@code queue}. Ends the menu.
     *
     * @param skills   required skills beyond the queue's own (may be empty)
     * @param ivrPath  the nodes the caller went through, e.g. {@code lang>main>billing}, for the seat
     * @param language the language the caller chose
     */
    record HandOver(String queue, List<String> skills, String ivrPath, String language) implements Step {
        public HandOver {
            skills = List.copyOf(skills);
        }
    }

    /** Hangs the call up. Ends the menu. Also the last step after the caller hung up (nothing to send then). */
    record HangUp() implements Step {
    }
}
