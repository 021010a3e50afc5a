package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.PbxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MusicOnHold(class[,seconds]): the caller waits on music until the server redirects the
 * channel, the caller hangs up, or the optional duration ends.
 */
final class MusicOnHoldApplication implements Application {

    private static final Logger log = LoggerFactory.getLogger(MusicOnHoldApplication.class);
    private static final Pattern LEADING_NUMBER = Pattern.compile("[+-]?\\d+");

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        List<String> args = Expressions.arguments(data);
        String mohClass = args.isEmpty() || args.get(0).isBlank() ? "default" : args.get(0).strip();
        PbxEvents events = in.pbx().events();
        events.musicOnHoldStart(channel, mohClass);
        Hold hold = new Hold(events);
        channel.activity(hold);
        long ms = durationMs(args.size() > 1 ? args.get(1) : "");
        if (ms > 0) {
            hold.timer = in.pbx().after(ms, () -> {
                if (channel.activity() == hold && !channel.gone() && !channel.hangupRequested()) {
                    events.musicOnHoldStop(channel);
                    in.resume(channel);
                }
            });
        }
        return Flow.WAIT;
    }

    /**
     * The time limit in ms; 0 for none. app_moh reads the seconds as sscanf's %d does (leading
     * digits); anything else is logged and the music plays until something else ends it.
     */
    private static long durationMs(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        Matcher seconds = LEADING_NUMBER.matcher(t);
        if (!seconds.lookingAt()) {
            log.warn("Invalid MusicOnHold duration '{}'. Will wait indefinitely.", t);
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(seconds.group()) * 1000L);
        } catch (NumberFormatException tooLong) {
            log.warn("Invalid MusicOnHold duration '{}'. Will wait indefinitely.", t);
            return 0;
        }
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
