package acd.cti.qa;

import acd.cti.flow.PbxActions;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A team lead listening in on a seat's call from the supervisor desk: the PBX rings the lead's
 * own phone, and once the lead answers, the shipped dialplan's {@code acd-listen} spies on the
 * seat's channel (ChanSpy) until the seat's call ends or the lead hangs up.
 */
public final class ListenIn {
    /** Where the shipped dialplan spies on the seat. */
    public static final String CONTEXT = "acd-listen";
    /** How long the lead's phone rings before the PBX gives up. */
    static final long RING_MS = 30_000;

    /** What the lead does on the call. */
    public enum Mode {
        /** Hears the agent and the caller; neither hears the lead. */
        LISTEN("listen", "q"),
        /** Hears both and talks to the agent alone: coaching. */
        WHISPER("whisper", "qw"),
        /** Hears both and talks to both. */
        BARGE("barge", "qB");

        private final String wireName;
        private final String spyOptions;

        Mode(String wireName, String spyOptions) {
            this.wireName = wireName;
            this.spyOptions = spyOptions;
        }

        public String wireName() {
            return wireName;
        }

        /** The mode a desk names, if it is one. */
        public static Optional<Mode> named(String name) {
            for (Mode mode : values()) {
                if (mode.wireName.equals(name)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    private final Map<String, String> phones;
    private final PbxActions pbx;

    /** @param phones each team lead's own phone, by supervisor id ({@code lead1 -> PJSIP/9001}) */
    public ListenIn(Map<String, String> phones, PbxActions pbx) {
        this.phones = Map.copyOf(phones);
        this.pbx = Objects.requireNonNull(pbx, "pbx");
    }

    /** The lead's phone, or empty when none is configured. */
    public Optional<String> phoneOf(String supervisor) {
        return Optional.ofNullable(phones.get(supervisor));
    }

    /**
     * Rings {@code phone}; answered, it spies on {@code seatEndpoint}'s call. The lead's display
     * shows whose call it is.
     *
     * @return whether the PBX took the request
     */
    public CompletionStage<Boolean> start(String phone, String seatEndpoint, String agent, Mode mode) {
        return pbx.originate(phone, null, "\"" + mode.wireName() + " " + agent + "\" <" + agent + ">", RING_MS, CONTEXT,
                Map.of("ACD_SPY_ON", seatEndpoint, "ACD_SPY_OPTIONS", mode.spyOptions));
    }
}
