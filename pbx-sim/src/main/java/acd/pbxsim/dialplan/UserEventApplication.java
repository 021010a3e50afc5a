package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;

import java.util.ArrayList;
import java.util.List;

/** UserEvent(name[,Key: value[,...]]): an AMI UserEvent with the channel and the given fields. */
final class UserEventApplication implements Application {

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        String[] parts = data.split(",");
        List<String[]> fields = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            if (colon > 0) {
                fields.add(new String[]{parts[i].substring(0, colon).strip(), parts[i].substring(colon + 1).strip()});
            }
        }
        in.pbx().events().userEvent(channel, parts[0].strip(), fields);
        return Flow.NEXT;
    }
}
