package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.HangupCause;

import java.util.concurrent.ScheduledFuture;

/**
 * VoiceMail(box[,options]): the greeting plays, the caller speaks a message and puts the phone
 * down, which is how a real voicemail call ends.
 */
final class VoiceMailApplication implements Application {

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        long greetingMs = in.prompts().lengthMs("vm-intro");
        Recording recording = new Recording();
        channel.activity(recording);
        recording.timer = in.pbx().after(greetingMs + in.voicemailMessageMs(), () -> {
            if (channel.activity() == recording && !channel.gone() && !channel.hangupRequested()) {
                in.pbx().setVariable(channel, "VMSTATUS", "SUCCESS");
                in.pbx().hangup(channel, HangupCause.NORMAL_CLEARING);
            }
        });
        return Flow.WAIT;
    }

    private static final class Recording implements Activity {
        ScheduledFuture<?> timer;

        @Override
        public boolean interrupt(Channel channel, Interruption why) {
            if (timer != null) {
                timer.cancel(false);
            }
            return true;
        }
    }
}
