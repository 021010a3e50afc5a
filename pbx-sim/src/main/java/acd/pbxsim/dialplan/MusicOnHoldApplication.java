package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.PbxEvents;

import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * MusicOnHold(class[,seconds]): the caller waits on music until the server redirects the
 * channel, the caller hangs up, or the optional duration ends.
 */
final class MusicOnHoldApplication implements Application {

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        List<String> args = Expressions.arguments(data);
        String mohClass = args.isEmpty() || args.get(0).isBlank() ? "default" : args.get(0).strip();
        PbxEvents events = in.pbx().events();
        events.musicOnHoldStart(channel, mohClass);
        Hold hold = new Hold(events);
        channel.activity(hold);
        if (args.size() > 1 && !args.get(1).isBlank()) {
            long ms = Math.round(Double.parseDouble(args.get(1).strip()) * 1000);
            hold.timer = in.pbx().after(ms, () -> {
                if (channel.activity() == hold && !channel.gone() && !channel.hangupRequested()) {
                    events.musicOnHoldStop(channel);
                    in.resume(channel);
                }
            });
        }
        return Flow.WAIT;
    }

    private static final class Hold implements Activity {
        private final PbxEvents events;
        ScheduledFuture<?> timer;

        Hold(PbxEvents events) {
            this.events = events;
        }

        @Override
        public boolean interrupt(Channel channel, Interruption why) {
            if (timer != null) {
                timer.cancel(false);
            }
            events.musicOnHoldStop(channel);
            return true;
        }
    }
}
