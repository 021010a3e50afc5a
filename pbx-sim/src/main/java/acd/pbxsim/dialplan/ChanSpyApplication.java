package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.PbxEvents;

import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * ChanSpy([chanprefix][,options]): the channel listens in on another whose name begins with
 * {@code chanprefix} and that is in a bridge (a seat on a call), as a team lead does from the
 * supervisor desk. The simulator carries no audio: it announces ChanSpyStart, holds the spying
 * channel while the spied-on one talks, then announces ChanSpyStop and goes on with the next
 * priority, as Asterisk does with option E. The other options (q, w, B...) change only the audio
 * and are taken as given. With nothing to spy on it goes on at once; Asterisk without S would
 * wait for a channel to appear, which the shipped dialplan never asks of it.
 */
final class ChanSpyApplication implements Application {
    /** How often the simulator looks whether the spied-on call is still on. */
    static final long CHECK_EVERY_MS = 250;

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        List<String> args = Expressions.arguments(data);
        String prefix = args.isEmpty() ? "" : args.get(0).strip();
        Channel spyee = null;
        for (Channel other : in.pbx().channels()) {
            if (other != channel && !other.gone() && other.bridge() != null
                    && other.name().regionMatches(true, 0, prefix, 0, prefix.length())) {
                spyee = other;
                break;
            }
        }
        if (spyee == null) {
            return Flow.NEXT;
        }
        PbxEvents events = in.pbx().events();
        events.chanSpyStart(channel, spyee);
        Spying spying = new Spying(events, spyee);
        channel.activity(spying);
        spying.watch(channel, in);
        return Flow.WAIT;
    }

    private static final class Spying implements Activity {
        private final PbxEvents events;
        private final Channel spyee;
        private ScheduledFuture<?> check;
        private boolean over;

        Spying(PbxEvents events, Channel spyee) {
            this.events = events;
            this.spyee = spyee;
        }

        void watch(Channel spyer, Interpreter in) {
            check = in.pbx().after(CHECK_EVERY_MS, () -> {
                if (over || spyer.activity() != this || spyer.gone() || spyer.hangupRequested()) {
                    return;
                }
                if (spyee.gone() || spyee.bridge() == null) {
                    stop(spyer);
                    in.resume(spyer);
                } else {
                    watch(spyer, in);
                }
            });
        }

        private void stop(Channel spyer) {
            over = true;
            events.chanSpyStop(spyer, spyee);
        }

        @Override
        public boolean interrupt(Channel channel, Interruption why) {
            if (check != null) {
                check.cancel(false);
            }
            if (!over) {
                stop(channel);
            }
            return true;
        }
    }
}
