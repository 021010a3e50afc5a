package acd.pbxsim.world;

import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.Party;
import acd.pbxsim.pbx.Pbx;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A simulated caller on one call: keys in the scripted answers, gives up after their patience if
 * no seat has answered, hangs up after their talk time, and keeps the record of the call. Lives
 * on the PBX thread.
 */
public final class SimulatedCaller implements Party {

    private final CallerScript script;
    private final Pbx pbx;
    private final Iterator<String> keypresses;
    private final List<String> seatsRung = new ArrayList<>();
    private final CompletableFuture<CallOutcome> ended = new CompletableFuture<>();
    private Channel channel;
    private long arrivedAtMs = -1;
    private long queuedAtMs = -1;
    private long answeredAtMs = -1;
    private long endedAtMs = -1;
    private String seat;
    private String agiStatus = "";
    private boolean surveyed;
    private boolean callerHungUp;
    private boolean voicemail;
    private boolean closed;
    private ScheduledFuture<?> patience;
    private ScheduledFuture<?> talk;

    public SimulatedCaller(CallerScript script, Pbx pbx) {
        this.script = script;
        this.pbx = pbx;
        this.keypresses = script.keypresses().iterator();
    }

    public CallerScript script() {
        return script;
    }

    /** The caller's call has reached the PBX on {@code ch}; patience starts now. */
    public void arrived(Channel ch) {
        this.channel = ch;
        this.arrivedAtMs = pbx.time().nowMs();
        if (script.patienceMs() > 0) {
            patience = pbx.after(script.patienceMs(), () -> {
                if (answeredAtMs < 0) {
                    hangUp();
                }
            });
        }
    }

    public Channel channel() {
        return channel;
    }

    public CompletableFuture<CallOutcome> ended() {
        return ended;
    }

    /** The caller puts the phone down. */
    public void hangUp() {
        if (channel != null && !channel.gone() && !channel.hangupRequested()) {
            callerHungUp = true;
            pbx.hangup(channel, HangupCause.NORMAL_CLEARING);
        }
    }

    // ---- what the PBX tells the caller ----

    /** The dialplan's context where a waiting caller hears their place and, over a long wait, a callback offer. */
    private static final String ANNOUNCE_CONTEXT = "acd-announce";

    @Override
    public String nextKeypresses() {
        // The only prompt of the announcements is the callback offer: answered apart when the script says how.
        if (script.callbackAnswer() != null && channel != null && ANNOUNCE_CONTEXT.equals(channel.context())) {
            return script.callbackAnswer();
        }
        return keypresses.hasNext() ? keypresses.next() : null;
    }

    @Override
    public void onVariable(Channel self, String name, String value) {
        if (name.equals("ACD_QUEUED") && value.equals("1") && queuedAtMs < 0) {
            queuedAtMs = pbx.time().nowMs();
        } else if (name.equals("AGISTATUS")) {
            agiStatus = value;
        }
    }

    @Override
    public void onApplication(Channel self, String application) {
        if (application.equalsIgnoreCase("VoiceMail")) {
            voicemail = true;
        } else if (self.context().equals("acd-exit")) {
            closed = true;
        } else if (self.context().equals("acd-survey")) {
            surveyed = true;
        }
    }

    @Override
    public void onDialing(Channel self, String device) {
        seatsRung.add(device);
    }

    @Override
    public void onConnected(Channel self, Channel peer) {
        if (answeredAtMs >= 0) {
            return;
        }
        answeredAtMs = pbx.time().nowMs();
        seat = peer.device() != null ? peer.device() : peer.name();
        if (patience != null) {
            patience.cancel(false);
        }
        if (script.talkTimeMs() > 0) {
            talk = pbx.after(script.talkTimeMs(), () -> {
                if (channel.bridge() != null) {
                    hangUp();
                }
            });
        }
    }

    @Override
    public void onHangup(Channel self) {
        endedAtMs = pbx.time().nowMs();
        if (patience != null) {
            patience.cancel(false);
        }
        if (talk != null) {
            talk.cancel(false);
        }
        ended.complete(outcome());
    }

    // ---- the record ----

    public CallOutcome outcome() {
        long talkMs = answeredAtMs < 0 ? -1 : (endedAtMs < 0 ? pbx.time().nowMs() : endedAtMs) - answeredAtMs;
        Outcome o = classify();
        return new CallOutcome(script.number(), script.did(), channel == null ? "" : channel.name(),
                channel == null ? "" : channel.uniqueid(), arrivedAtMs, since(queuedAtMs), since(answeredAtMs),
                o == Outcome.ABANDONED || o == Outcome.IVR_ABANDONED ? since(endedAtMs) : -1, seat,
                List.copyOf(seatsRung), talkMs, surveyed, callerHungUp, since(endedAtMs), o);
    }

    private long since(long atMs) {
        return atMs < 0 ? -1 : atMs - arrivedAtMs;
    }

    private Outcome classify() {
        if (endedAtMs < 0) {
            return Outcome.IN_PROGRESS;
        }
        if (answeredAtMs >= 0) {
            return Outcome.COMPLETED;
        }
        if (callerHungUp) {
            return queuedAtMs >= 0 ? Outcome.ABANDONED : Outcome.IVR_ABANDONED;
        }
        if (voicemail) {
            return Outcome.VOICEMAIL;
        }
        if (closed) {
            return Outcome.CLOSED;
        }
        if (queuedAtMs >= 0) {
            return Outcome.DISCONNECTED;
        }
        return "FAILURE".equals(agiStatus) ? Outcome.FAILED : Outcome.SELF_SERVICE;
    }
}
