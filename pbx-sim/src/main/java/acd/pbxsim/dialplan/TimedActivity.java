package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Channel;

import java.util.concurrent.ScheduledFuture;

/** An application that just takes time (Wait, Playback): a timer that resumes the channel. */
final class TimedActivity implements Activity {

    private final ScheduledFuture<?> timer;

    private TimedActivity(ScheduledFuture<?> timer) {
        this.timer = timer;
    }

    static Application.Flow start(Channel channel, Interpreter in, long simMs, Runnable beforeResume) {
        TimedActivity[] self = new TimedActivity[1];
        ScheduledFuture<?> t = in.pbx().after(simMs, () -> {
            if (channel.activity() == self[0] && !channel.gone() && !channel.hangupRequested()) {
                beforeResume.run();
                in.resume(channel);
            }
        });
        self[0] = new TimedActivity(t);
        channel.activity(self[0]);
        return Application.Flow.WAIT;
    }

    @Override
    public boolean interrupt(Channel channel, Interruption why) {
        timer.cancel(false);
        return true;
    }
}
