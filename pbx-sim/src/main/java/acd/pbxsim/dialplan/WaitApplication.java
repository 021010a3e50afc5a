package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;

/** Wait(seconds). */
final class WaitApplication implements Application {

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        double seconds;
        try {
            seconds = Double.parseDouble(data.strip());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        return TimedActivity.start(channel, in, Math.round(seconds * 1000), () -> {
        });
    }
}
