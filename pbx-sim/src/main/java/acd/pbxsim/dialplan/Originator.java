package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.ChannelState;
import acd.pbxsim.pbx.Endpoint;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.IncomingCall;
import acd.pbxsim.pbx.Location;
import acd.pbxsim.pbx.OriginateResult;
import acd.pbxsim.pbx.Party;
import acd.pbxsim.pbx.Pbx;

import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Originate: a call the PBX places itself. {@code Local/exten@context[/options]} makes the two
 * halves of a Local channel, ;2 running the dialplan at exten@context and ;1 running the
 * requested application or extension once ;2 answers; a seat endpoint ({@code PJSIP/1001}) or a
 * customer over the carrier ({@code PJSIP/13800000001@hotline-trunk}) is rung through its phone.
 * The requester may name the new channel's Uniqueid (ChannelId; for a Local channel that is ;1's,
 * and ;2's is OtherChannelId or, as core_local makes it, ChannelId;2). The result arrives on the
 * PBX thread when the call is answered or has failed.
 */
public final class Originator {

    /** The reason codes of OriginateResponse (the last control frame seen). */
    public static final int REASON_FAILED = 0;
    public static final int REASON_RINGING = 3;
    public static final int REASON_ANSWERED = 4;
    public static final int REASON_BUSY = 5;
    public static final int REASON_CONGESTION = 8;

    /**
     * What to originate; either application or context/exten/priority is set. channelId and
     * otherChannelId are the Uniqueids asked for, null or empty to have the PBX draw them.
     */
    public record Request(String channel, String context, String exten, int priority, String application,
                          String data, long timeoutMs, String callerIdNum, String callerIdName,
                          Map<String, String> variables, String actionId, String channelId,
                          String otherChannelId) {
    }

    private final Interpreter in;
    private final Pbx pbx;
    private final Function<Channel, Party> partyForLocalCall;

    /**
     * @param partyForLocalCall who is behind the ;2 half of a Local call (a simulated caller when
     *                          it lands in the inbound context), given that half's channel
     */
    public Originator(Interpreter in, Function<Channel, Party> partyForLocalCall) {
        this.in = in;
        this.pbx = in.pbx();
        this.partyForLocalCall = partyForLocalCall;
    }

    public void originate(Request r, Consumer<OriginateResult> done) {
        int slash = r.channel().indexOf('/');
        String tech = r.channel().substring(0, slash);
        String resource = r.channel().substring(slash + 1);
        if (tech.equalsIgnoreCase("Local")) {
            local(r, resource, done);
        } else {
            endpoint(r, tech, resource, done);
        }
    }

    private OriginateResult result(Request r, boolean success, String channelName, int reason, String uniqueid) {
        return new OriginateResult(r.actionId(), success, channelName, r.application(), r.data(), r.context(),
                r.exten(), reason, uniqueid, orUnknown(r.callerIdNum()), orUnknown(r.callerIdName()));
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "<unknown>" : s;
    }

    private static String assigned(String uniqueid) {
        return uniqueid == null || uniqueid.isBlank() ? null : uniqueid.strip();
    }

    /** Asterisk will not make a channel whose assigned Uniqueid another channel has. */
    private boolean taken(String uniqueid) {
        return uniqueid != null && pbx.uniqueidInUse(uniqueid);
    }

    /** What the originated channel does once answered. */
    private void proceed(Request r, Channel ch) {
        if (r.application() != null && !r.application().isEmpty()) {
            in.runApplication(ch, r.application(), r.data() == null ? "" : r.data());
        } else {
            ch.location(new Location(r.context(), r.exten(), Math.max(1, r.priority())));
            in.run(ch);
        }
    }

    // ---- Local/exten@context ----

    private void local(Request r, String resource, Consumer<OriginateResult> done) {
        String target = resource.split("/")[0];
        int at = target.indexOf('@');
        String exten = at < 0 ? target : target.substring(0, at);
        String context = at < 0 ? "default" : target.substring(at + 1);
        if (!in.dialplan().exists(context, exten)) {
            done.accept(result(r, false, r.channel(), REASON_FAILED, "<unknown>"));
            return;
        }
        String oneId = assigned(r.channelId());
        String twoId = assigned(r.otherChannelId());
        if (twoId == null && oneId != null) {
            twoId = oneId + ";2";
        }
        if (taken(oneId) || taken(twoId)) {
            done.accept(result(r, false, r.channel(), REASON_FAILED, "<unknown>"));
            return;
        }
        // The options (/n and the like) are not part of the name: Local/exten@context-0000000n;1.
        String base = "Local/" + exten + "@" + context + "-" + pbx.ids().channelSuffix("Local");
        Location where = new Location(context, exten, 1);
        Channel one = pbx.addChannel(base + ";1", oneId, "Local", null, ChannelState.DOWN, r.callerIdNum(),
                r.callerIdName(), where, null);
        Channel two = pbx.addChannel(base + ";2", twoId, "Local", null, ChannelState.RING, r.callerIdNum(),
                r.callerIdName(), where, one.uniqueid());
        two.dnid(exten);
        // Originate sets its variables on the channel it made (;1, with VarSet); calling ;1 copies
        // them to ;2 quietly, so the dialplan ;2 runs reads them too.
        r.variables().forEach((k, v) -> pbx.setVariable(one, k, v));
        pbx.inheritVariables(one, two);
        LocalCall call = new LocalCall(r, one, two, done);
        one.party(call.halfOne);
        two.party(call.new HalfTwo(partyForLocalCall.apply(two)));
        one.activity(call.waiting);
        pbx.events().dialBegin(null, one, resource);
        if (r.timeoutMs() > 0) {
            call.timeout = pbx.after(r.timeoutMs(), call::timedOut);
        }
        pbx.later(() -> in.run(two));
    }

    private final class LocalCall {
        final Request request;
        final Channel one;
        final Channel two;
        final Consumer<OriginateResult> done;
        ScheduledFuture<?> timeout;
        boolean answered;
        boolean reported;

        /** ;1 waits for ;2 to answer; a hang-up of ;1 meanwhile ends both. */
        final Activity waiting = (ch, why) -> true;

        final Party halfOne = new Party() {
            @Override
            public void onHangup(Channel self) {
                report(false, REASON_FAILED);
                pbx.later(() -> pbx.hangup(two, self.hangupCause()));
            }
        };

        LocalCall(Request request, Channel one, Channel two, Consumer<OriginateResult> done) {
            this.request = request;
            this.one = one;
            this.two = two;
            this.done = done;
        }

        /** Nobody answered in time: Asterisk hangs up ;1, which takes ;2 with it, then reports. */
        void timedOut() {
            if (!answered) {
                pbx.hangup(one, HangupCause.NO_ANSWER);
            }
        }

        void report(boolean success, int reason) {
            if (!reported) {
                reported = true;
                if (timeout != null) {
                    timeout.cancel(false);
                }
                done.accept(result(request, success, one.name(), reason, one.uniqueid()));
            }
        }

        /** The ;2 half: its own party (maybe a simulated caller), tied to ;1. */
        final class HalfTwo implements Party {
            private final Party inner;

            HalfTwo(Party inner) {
                this.inner = inner;
            }

            @Override
            public String nextKeypresses() {
                return inner.nextKeypresses();
            }

            @Override
            public void onAnswered(Channel self) {
                inner.onAnswered(self);
                if (answered || one.gone()) {
                    return;
                }
                answered = true;
                // ;1 hears of the answer through the Local channel's frame queue: after what ;2
                // does at that moment (the bridge of the Dial that answered it).
                pbx.later(() -> {
                    if (one.gone() || one.hangupRequested()) {
                        return;
                    }
                    pbx.newState(one, ChannelState.UP);
                    pbx.events().dialEnd(null, one, "ANSWER");
                    report(true, REASON_ANSWERED);
                    one.activity(null);
                    proceed(request, one);
                });
            }

            @Override
            public void onDialing(Channel self, String device) {
                inner.onDialing(self, device);
            }

            @Override
            public void onConnected(Channel self, Channel peer) {
                inner.onConnected(self, peer);
            }

            @Override
            public void onVariable(Channel self, String name, String value) {
                inner.onVariable(self, name, value);
            }

            @Override
            public void onApplication(Channel self, String application) {
                inner.onApplication(self, application);
            }

            /** ;1 goes with ;2; before an answer the failure is reported once ;1 has hung up. */
            @Override
            public void onHangup(Channel self) {
                inner.onHangup(self);
                pbx.later(() -> pbx.hangup(one, self.hangupCause()));
            }
        }
    }

    // ---- a phone ----

    private void endpoint(Request r, String tech, String resource, Consumer<OriginateResult> done) {
        Endpoint endpoint = pbx.reach(r.channel());
        String uniqueid = assigned(r.channelId());
        if (endpoint == null || !endpoint.hasContact() || taken(uniqueid)) {
            done.accept(result(r, false, r.channel(), REASON_FAILED, "<unknown>"));
            return;
        }
        String device = endpoint.device();
        Location where = endpoint.location() != null ? endpoint.location() : new Location(in.seatContext(), "s", 1);
        Channel ch = pbx.newChannel(uniqueid, tech, device.substring(device.indexOf('/') + 1), device,
                ChannelState.DOWN, r.callerIdNum(), r.callerIdName(), where, null);
        r.variables().forEach((k, v) -> pbx.setVariable(ch, k, v));
        pbx.events().dialBegin(null, ch, resource);
        PhoneCall call = new PhoneCall(r, ch, done);
        ch.activity(call);
        if (r.timeoutMs() > 0) {
            call.timeout = pbx.after(r.timeoutMs(), call::timedOut);
        }
        endpoint.ring(call);
    }

    private final class PhoneCall implements IncomingCall, Activity {
        final Request request;
        final Channel ch;
        final Consumer<OriginateResult> done;
        ScheduledFuture<?> timeout;
        int lastReason = REASON_FAILED;
        boolean finished;
        boolean answered;

        PhoneCall(Request request, Channel ch, Consumer<OriginateResult> done) {
            this.request = request;
            this.ch = ch;
            this.done = done;
        }

        @Override
        public Channel channel() {
            return ch;
        }

        @Override
        public Channel caller() {
            return null;
        }

        @Override
        public boolean active() {
            return !finished || (answered && !ch.gone());
        }

        @Override
        public void ringing() {
            if (!finished) {
                lastReason = REASON_RINGING;
                pbx.newState(ch, ChannelState.RINGING);
            }
        }

        @Override
        public void answer() {
            if (finished) {
                return;
            }
            finished = true;
            answered = true;
            cancelTimeout();
            pbx.newState(ch, ChannelState.UP);
            pbx.events().dialEnd(null, ch, "ANSWER");
            ch.activity(null);
            done.accept(result(request, true, ch.name(), REASON_ANSWERED, ch.uniqueid()));
            proceed(request, ch);
        }

        @Override
        public void reject(HangupCause cause) {
            if (finished) {
                return;
            }
            int reason = switch (cause.code()) {
                case 17 -> REASON_BUSY;
                case 34, 42 -> REASON_CONGESTION;
                default -> REASON_FAILED;
            };
            fail(cause.dialStatus(), cause, reason);
        }

        void timedOut() {
            fail("NOANSWER", HangupCause.NO_ANSWER, lastReason);
        }

        private void fail(String status, HangupCause cause, int reason) {
            if (finished) {
                return;
            }
            finished = true;
            cancelTimeout();
            pbx.events().dialEnd(null, ch, status);
            ch.activity(null);
            pbx.destroy(ch, cause);
            done.accept(result(request, false, ch.name(), reason, ch.uniqueid()));
        }

        @Override
        public void hangUp() {
            if (answered) {
                pbx.hangup(ch, HangupCause.NORMAL_CLEARING);
            }
        }

        /** AMI hung up the ringing channel. */
        @Override
        public boolean interrupt(Channel channel, Interruption why) {
            if (!finished) {
                finished = true;
                cancelTimeout();
                pbx.events().dialEnd(null, ch, "CANCEL");
                done.accept(result(request, false, ch.name(), REASON_FAILED, ch.uniqueid()));
            }
            return true;
        }

        private void cancelTimeout() {
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }
}
