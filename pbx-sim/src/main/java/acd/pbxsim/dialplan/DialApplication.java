package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.CallerId;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.ChannelState;
import acd.pbxsim.pbx.Endpoint;
import acd.pbxsim.pbx.Location;
import acd.pbxsim.pbx.Pbx;

import java.util.List;

/**
 * Dial(tech/resource[&...],[seconds],[options]) to one phone. An endpoint without a contact (an
 * unregistered seat, or one not configured) fails at once with CHANUNAVAIL and no DialBegin, as
 * a PJSIP request does; otherwise the phone's channel rings and {@link DialAttempt} follows it.
 * Only the first of several '&' targets is dialled. {@code Local/1001@ctx} rings the phone whose
 * number is 1001 directly, without the Local channel's second half. {@code PJSIP/<number>@<trunk>}
 * goes out over the trunk to the customer the carrier reaches: the channel is the trunk's
 * ({@code PJSIP/hotline-trunk-0000000a}), as Asterisk names an outbound call on an endpoint.
 * A seat's channel carries the seat's own caller id, the called phone sees the caller's
 * (connected line). Of the options, {@code g} (the caller goes on after the called side hangs
 * up), {@code F(context^exten^priority)} (where the called side goes on when the caller leaves
 * it) and {@code U(context^arg...)} (a subroutine on the answering side) are played; others are
 * ignored.
 */
final class DialApplication implements Application {

    @Override
    public Flow execute(Channel caller, String data, Interpreter in) {
        Pbx pbx = in.pbx();
        List<String> args = Expressions.arguments(data);
        String target = args.isEmpty() ? "" : args.get(0).split("&")[0].strip();
        long timeoutMs = 0;
        if (args.size() > 1 && !args.get(1).isBlank()) {
            try {
                timeoutMs = Math.round(Double.parseDouble(args.get(1).strip()) * 1000);
            } catch (NumberFormatException e) {
                timeoutMs = 0;
            }
        }
        DialOptions options = DialOptions.parse(args.size() > 2 ? args.get(2).strip() : "");
        int slash = target.indexOf('/');
        if (slash <= 0) {
            pbx.setVariable(caller, "DIALSTATUS", "CHANUNAVAIL");
            return Flow.NEXT;
        }
        String tech = target.substring(0, slash);
        String resource = target.substring(slash + 1);
        boolean local = tech.equalsIgnoreCase("Local");
        Endpoint endpoint = local ? byNumber(pbx, resource.split("@")[0]) : pbx.reach(target);
        if (endpoint == null || !endpoint.hasContact()) {
            pbx.setVariable(caller, "DIALSTATUS", "CHANUNAVAIL");
            return Flow.NEXT;
        }
        Location where = endpoint.location() != null ? endpoint.location() : new Location(in.seatContext(), "s", 1);
        Channel callee;
        if (local) {
            String name = "Local/" + resource + "-" + pbx.ids().channelSuffix("Local") + ";1";
            callee = pbx.addChannel(name, "Local", endpoint.device(), ChannelState.DOWN, caller.callerIdNum(),
                    caller.callerIdName(), where, caller.linkedid());
        } else {
            // chan_pjsip gives an outbound channel its endpoint's caller id; app_dial fills in the
            // caller's only where the endpoint has none
            CallerId own = endpoint.callerId();
            String device = endpoint.device();
            callee = pbx.newChannel(tech, device.substring(device.indexOf('/') + 1), device, ChannelState.DOWN,
                    own == null ? caller.callerIdNum() : own.number(),
                    own == null ? caller.callerIdName() : own.name(), where, caller.linkedid());
        }
        callee.connectedLine(caller.callerIdNum(), caller.callerIdName());
        caller.party().onDialing(caller, endpoint.device());
        pbx.events().dialBegin(caller, callee, resource);
        DialAttempt attempt = new DialAttempt(in, caller, callee, options);
        attempt.start(endpoint, timeoutMs);
        return Flow.WAIT;
    }

    private static Endpoint byNumber(Pbx pbx, String number) {
        for (Endpoint e : pbx.endpoints()) {
            String device = e.device();
            if (device.substring(device.indexOf('/') + 1).equals(number)) {
                return e;
            }
        }
        return null;
    }
}
