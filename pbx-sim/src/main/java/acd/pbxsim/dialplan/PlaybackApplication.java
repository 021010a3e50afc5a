package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;

import java.util.List;

/** Playback(file[&file...]): takes the files' length; sets PLAYBACKSTATUS. */
final class PlaybackApplication implements Application {

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        List<String> args = Expressions.arguments(data);
        String files = args.isEmpty() ? "" : args.get(0);
        boolean allThere = true;
        for (String f : files.split("&")) {
            allThere &= in.prompts().exists(f.strip());
        }
        String status = allThere ? "SUCCESS" : "FAILED";
        return TimedActivity.start(channel, in, in.prompts().totalLengthMs(files),
                () -> in.pbx().setVariable(channel, "PLAYBACKSTATUS", status));
    }
}
