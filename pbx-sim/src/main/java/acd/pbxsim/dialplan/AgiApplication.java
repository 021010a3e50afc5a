package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Channel;

import java.util.List;

/**
 * AGI(agi://host[:port]/script[?query][,arg...]): hands the channel to a FastAGI script. When the
 * script ends the channel goes on (AGISTATUS SUCCESS or FAILURE); a channel hung up or
 * redirected meanwhile is finished by the PBX instead.
 */
final class AgiApplication implements Application {

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        List<String> args = Expressions.arguments(data);
        String url = args.isEmpty() ? "" : args.get(0).strip();
        List<String> scriptArgs = args.size() > 1 ? args.subList(1, args.size()) : List.of();
        Activity[] session = new Activity[1];
        in.agi().run(channel, url, List.copyOf(scriptArgs), status -> {
            if (session[0] != null && channel.activity() != session[0] && !channel.gone()) {
                // AMI Bridge took the channel away meanwhile: the script talked to what it left behind
                return;
            }
            in.pbx().setVariable(channel, "AGISTATUS", status);
            if (channel.hangupRequested() || channel.pendingRedirect() != null) {
                in.pbx().activityEnded(channel);
            } else {
                in.resume(channel);
            }
        });
        session[0] = channel.activity();
        return channel.gone() ? Flow.ENDED : Flow.WAIT;
    }
}
