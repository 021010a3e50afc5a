package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.HangupCause;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * VoiceMail(box[,options]): the greeting plays, the caller speaks a message and puts the phone
 * down, which is how a real voicemail call ends. As Asterisk does, a message of a second or more
 * is kept, and VM_MESSAGEFILE names its file ({@code <spool>/<context>/<box>/INBOX/msgNNNN}),
 * whether the caller finished or hung up while speaking.
 */
final class VoiceMailApplication implements Application {
    static final String SPOOL = "/var/spool/asterisk/voicemail";
    private static final long MIN_MESSAGE_MS = 1_000;

    /** The next message number of each box, as app_voicemail counts them. */
    private final Map<String, Integer> nextMessage = new HashMap<>();

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        List<String> args = Expressions.arguments(data);
        String box = args.isEmpty() ? "" : args.get(0).strip();
        long greetingMs = in.prompts().lengthMs("vm-intro");
        Recording recording = new Recording(in, box, in.pbx().time().elapsedMs() + greetingMs);
        channel.activity(recording);
        recording.timer = in.pbx().after(greetingMs + in.voicemailMessageMs(), () -> {
            if (channel.activity() == recording && !channel.gone() && !channel.hangupRequested()) {
                recording.keep(channel);
                in.pbx().setVariable(channel, "VMSTATUS", "SUCCESS");
                in.pbx().hangup(channel, HangupCause.NORMAL_CLEARING);
            }
        });
        return Flow.WAIT;
    }

    private final class Recording implements Activity {
        private final Interpreter in;
        private final String box;
        private final long messageStartsMs;
        private boolean kept;
        ScheduledFuture<?> timer;

        Recording(Interpreter in, String box, long messageStartsMs) {
            this.in = in;
            this.box = box;
            this.messageStartsMs = messageStartsMs;
        }

        void keep(Channel channel) {
            if (kept) {
                return;
            }
            kept = true;
            String[] parts = box.split("@", 2);
            String context = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : "default";
            String key = context + "/" + parts[0];
            int n = nextMessage.merge(key, 1, Integer::sum) - 1;
            in.pbx().setVariable(channel, "VM_MESSAGEFILE",
                    String.format("%s/%s/INBOX/msg%04d", SPOOL, key, n));
        }

        @Override
        public boolean interrupt(Channel channel, Interruption why) {
            if (timer != null) {
                timer.cancel(false);
            }
            if (why == Interruption.HANGUP && in.pbx().time().elapsedMs() - messageStartsMs >= MIN_MESSAGE_MS) {
                keep(channel);
            }
            return true;
        }
    }
}
