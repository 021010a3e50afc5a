package acd.pbxsim.ami;

import acd.pbxsim.dialplan.CallRecorder;
import acd.pbxsim.dialplan.Interpreter;
import acd.pbxsim.dialplan.ManagerBridge;
import acd.pbxsim.dialplan.Originator;
import acd.pbxsim.pbx.CallerId;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.Location;
import acd.pbxsim.pbx.OriginateResult;
import acd.pbxsim.pbx.Pbx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The manager actions the simulator answers, each the way Asterisk 20's manager.c does: the same
 * response headers and messages, errors worded alike, list actions as a Success with
 * {@code EventList: start}, the items, and a {@code ...Complete} event. Runs on the PBX thread.
 */
public final class AmiActions {

    public static final String AMI_VERSION = "9.0.0";
    /** AST_MAX_PUBLIC_UNIQUEID: the longest Uniqueid an Originate may assign. */
    static final int MAX_PUBLIC_UNIQUEID = 149;

    private final Pbx pbx;
    private final Interpreter interpreter;
    private final Originator originator;
    private final Map<String, AmiUser> users = new HashMap<>();
    private final long authFailureDelayMs;
    private final long startedEpochMs;

    /** The write permission each action needs (0: none), as registered in manager.c. */
    private static final Map<String, Integer> AUTHORITY = new HashMap<>();

    static {
        int system = Privilege.SYSTEM.bit();
        int call = Privilege.CALL.bit();
        int reporting = Privilege.REPORTING.bit();
        AUTHORITY.put("hangup", system | call);
        AUTHORITY.put("setvar", call);
        AUTHORITY.put("getvar", call | reporting);
        AUTHORITY.put("redirect", call);
        AUTHORITY.put("bridge", call);
        AUTHORITY.put("mixmonitor", system);
        AUTHORITY.put("originate", Privilege.ORIGINATE.bit());
        AUTHORITY.put("command", Privilege.COMMAND.bit());
        AUTHORITY.put("coresettings", system | reporting);
        AUTHORITY.put("corestatus", system | reporting);
        AUTHORITY.put("coreshowchannels", system | reporting);
        AUTHORITY.put("devicestatelist", call | reporting);
    }

    public AmiActions(Pbx pbx, Interpreter interpreter, Originator originator, List<AmiUser> amiUsers,
                      long authFailureDelayMs) {
        this.pbx = pbx;
        this.interpreter = interpreter;
        this.originator = originator;
        for (AmiUser u : amiUsers) {
            users.put(u.username().toLowerCase(Locale.ROOT), u);
        }
        this.authFailureDelayMs = authFailureDelayMs;
        this.startedEpochMs = pbx.time().nowMs();
    }

    public void handle(AmiSession s, AmiMessage m) {
        if (s.closing()) {
            return;
        }
        String action = firstNonEmpty(m, "Action");
        if (action.isEmpty()) {
            s.send(error(m, "Missing action in request"));
            return;
        }
        String key = action.toLowerCase(Locale.ROOT);
        if (!s.authenticated() && !key.equals("login") && !key.equals("logoff") && !key.equals("challenge")) {
            s.send(error(m, "Permission denied"));
            return;
        }
        Integer authority = AUTHORITY.get(key);
        if (authority != null && (s.writeMask() & authority) == 0) {
            s.send(error(m, "Permission denied"));
            return;
        }
        switch (key) {
            case "login" -> login(s, m);
            case "logoff" -> s.sendAndClose(response(m, "Goodbye").add("Message", "Thanks for all the fish."));
            case "challenge" -> challenge(s, m);
            case "ping" -> s.send(response(m, "Success").add("Ping", "Pong").add("Timestamp", timestamp()));
            case "events" -> events(s, m);
            case "command" -> command(s, m);
            case "coresettings" -> coreSettings(s, m);
            case "corestatus" -> coreStatus(s, m);
            case "setvar" -> setvar(s, m);
            case "getvar" -> getvar(s, m);
            case "redirect" -> redirect(s, m);
            case "bridge" -> bridge(s, m);
            case "mixmonitor" -> mixMonitor(s, m);
            case "hangup" -> hangup(s, m);
            case "originate" -> originate(s, m);
            case "coreshowchannels" -> coreShowChannels(s, m);
            case "devicestatelist" -> deviceStateList(s, m);
            default -> s.send(error(m, "Invalid/unknown command: " + action
                    + ". Use Action: ListCommands to show available commands."));
        }
    }

    // ---- response helpers (astman_send_response_full) ----

    static AmiMessage response(AmiMessage action, String response) {
        AmiMessage r = AmiMessage.response(response);
        String id = action.value("ActionID");
        if (!id.isEmpty()) {
            r.add("ActionID", id);
        }
        return r;
    }

    static AmiMessage ack(AmiMessage action, String message) {
        return response(action, "Success").add("Message", message);
    }

    static AmiMessage error(AmiMessage action, String message) {
        return response(action, "Error").add("Message", message);
    }

    private static AmiMessage listAck(AmiMessage action, String message) {
        return response(action, "Success").add("EventList", "start").add("Message", message);
    }

    private static AmiMessage listComplete(AmiMessage action, String event, int items) {
        AmiMessage m = AmiMessage.event(event);
        String id = action.value("ActionID");
        if (!id.isEmpty()) {
            m.add("ActionID", id);
        }
        return m.add("EventList", "Complete").add("ListItems", items);
    }

    private static String firstNonEmpty(AmiMessage m, String name) {
        for (String v : m.all(name)) {
            if (!v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private String timestamp() {
        long ms = pbx.time().nowMs();
        return Math.floorDiv(ms, 1000) + "." + String.format("%06d", Math.floorMod(ms, 1000) * 1000);
    }

    // ---- session ----

    private void login(AmiSession s, AmiMessage m) {
        if (s.authenticated()) {
            s.send(ack(m, "Already authenticated"));
            return;
        }
        AmiUser user = users.get(m.value("Username").toLowerCase(Locale.ROOT));
        if (user == null || !credentialsMatch(s, m, user)) {
            s.refuseAfter(authFailureDelayMs, error(m, "Authentication failed"));
            return;
        }
        s.loggedIn(user, Privilege.mask(m.value("Events")));
        s.send(ack(m, "Authentication accepted"));
        int system = Privilege.SYSTEM.bit();
        if ((s.eventMask() & system) != 0 && (s.readMask() & system) != 0) {
            long uptime = (pbx.time().nowMs() - startedEpochMs) / 1000;
            s.send(AmiMessage.event("FullyBooted")
                    .add("Privilege", Privilege.SYSTEM.header())
                    .add("Uptime", uptime)
                    .add("LastReload", uptime)
                    .add("Status", "Fully Booted"));
        }
    }

    private static boolean credentialsMatch(AmiSession s, AmiMessage m, AmiUser user) {
        if (m.value("AuthType").equalsIgnoreCase("MD5")) {
            String key = m.value("Key");
            return !key.isEmpty() && !s.challenge().isEmpty() && key.equals(md5(s.challenge() + user.secret()));
        }
        return m.value("Secret").equals(user.secret());
    }

    static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(32);
            for (byte b : digest) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }

    private void challenge(AmiSession s, AmiMessage m) {
        if (!m.value("AuthType").equalsIgnoreCase("MD5")) {
            s.send(error(m, "Must specify AuthType"));
            return;
        }
        if (s.challenge().isEmpty()) {
            s.challenge(pbx.ids().challenge());
        }
        s.send(response(m, "Success").add("Challenge", s.challenge()));
    }

    private static void events(AmiSession s, AmiMessage m) {
        int mask = Privilege.mask(m.value("EventMask"));
        if (mask < 0) {
            s.send(error(m, "Invalid event mask"));
            return;
        }
        s.eventMask(mask);
        s.send(response(m, "Success").add("Events", mask > 0 ? "On" : "Off"));
    }

    // ---- the core ----

    private void command(AmiSession s, AmiMessage m) {
        String cmd = m.value("Command").strip();
        if (cmd.isEmpty()) {
            s.send(error(m, "No command provided"));
            return;
        }
        List<String> output;
        boolean ok = true;
        String normal = cmd.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        switch (normal) {
            case "core show version" -> output = List.of(CoreFacts.versionLine());
            case "core show uptime" -> {
                long up = (pbx.time().nowMs() - startedEpochMs) / 1000;
                output = List.of("System uptime: " + CoreFacts.uptime(up), "Last reload: " + CoreFacts.uptime(up));
            }
            case "core show channels" -> output = CoreFacts.channelsTable(pbx.channels());
            default -> {
                ok = false;
                output = List.of("No such command '" + cmd + "' (type 'core show help " + cmd
                        + "' for other possible commands)");
            }
        }
        AmiMessage r = response(m, ok ? "Success" : "Error").add("Message", "Command output follows");
        for (String line : output) {
            r.add("Output", line);
        }
        s.send(r);
    }

    private void coreSettings(AmiSession s, AmiMessage m) {
        s.send(response(m, "Success")
                .add("AMIversion", AMI_VERSION)
                .add("AsteriskVersion", CoreFacts.VERSION)
                .add("SystemName", "")
                .add("CoreMaxCalls", 0)
                .add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "asterisk")
                .add("CoreRunGroup", "asterisk")
                .add("CoreMaxFilehandles", 0)
                .add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "No")
                .add("CoreHTTPenabled", "No"));
    }

    private void coreStatus(AmiSession s, AmiMessage m) {
        String[] started = CoreFacts.dateAndTime(startedEpochMs);
        s.send(response(m, "Success")
                .add("CoreStartupDate", started[0])
                .add("CoreStartupTime", started[1])
                .add("CoreReloadDate", started[0])
                .add("CoreReloadTime", started[1])
                .add("CoreCurrentCalls", pbx.channels().size()));
    }

    // ---- channels ----

    private void setvar(AmiSession s, AmiMessage m) {
        String name = m.value("Channel");
        String variable = m.value("Variable");
        if (variable.isEmpty()) {
            s.send(error(m, "No variable specified"));
            return;
        }
        Channel ch = null;
        if (!name.isEmpty()) {
            ch = pbx.findChannel(name);
            if (ch == null) {
                s.send(error(m, "No such channel"));
                return;
            }
        }
        s.send(ack(m, "Variable Set"));
        pbx.setVariable(ch, variable, m.value("Value"));
    }

    private void getvar(AmiSession s, AmiMessage m) {
        String name = m.value("Channel");
        String variable = m.value("Variable");
        if (variable.isEmpty()) {
            s.send(error(m, "No variable specified"));
            return;
        }
        Channel ch = null;
        if (!name.isEmpty()) {
            ch = pbx.findChannel(name);
            if (ch == null) {
                s.send(error(m, "No such channel"));
                return;
            }
        }
        String value = pbx.variable(ch, variable);
        s.send(response(m, "Success").add("Variable", variable).add("Value", value == null ? "" : value));
    }

    private void redirect(AmiSession s, AmiMessage m) {
        String name = m.value("Channel");
        String extra = m.value("ExtraChannel");
        if (name.isEmpty()) {
            s.send(error(m, "Channel not specified"));
            return;
        }
        String context = m.value("Context");
        String exten = m.value("Exten");
        String priority = m.value("Priority");
        if (context.isEmpty()) {
            s.send(error(m, "Context not specified"));
            return;
        }
        if (exten.isEmpty()) {
            s.send(error(m, "Exten not specified"));
            return;
        }
        if (priority.isEmpty()) {
            s.send(error(m, "Priority not specified"));
            return;
        }
        Location target = target(context, exten, priority);
        if (target == null) {
            s.send(error(m, "Priority is invalid"));
            return;
        }
        Location extraTarget = null;
        if (!extra.isEmpty() && !m.value("ExtraContext").isEmpty()) {
            if (m.value("ExtraExten").isEmpty()) {
                s.send(error(m, "ExtraExten not specified"));
                return;
            }
            if (m.value("ExtraPriority").isEmpty()) {
                s.send(error(m, "ExtraPriority not specified"));
                return;
            }
            extraTarget = target(m.value("ExtraContext"), m.value("ExtraExten"), m.value("ExtraPriority"));
            if (extraTarget == null) {
                s.send(error(m, "ExtraPriority is invalid"));
                return;
            }
        }
        Channel ch = pbx.findChannel(name);
        if (ch == null) {
            s.send(error(m, "Channel does not exist: " + name));
            return;
        }
        if (ch.hangupRequested()) {
            s.send(error(m, "Redirect failed, channel not up."));
            return;
        }
        if (extra.isEmpty()) {
            s.send(ack(m, "Redirect successful"));
            pbx.redirect(ch, target);
            return;
        }
        Channel ch2 = pbx.findChannel(extra);
        if (ch2 == null) {
            s.send(error(m, "ExtraChannel does not exist: " + extra));
            return;
        }
        if (ch2.hangupRequested()) {
            s.send(error(m, "Redirect failed, extra channel not up."));
            return;
        }
        s.send(ack(m, "Dual Redirect successful"));
        pbx.redirectTogether(ch, target, ch2, extraTarget != null ? extraTarget : target);
    }

    /**
     * Bridge (features.c action_bridge): Channel1 and Channel2, each found by name prefix, are
     * taken from where they are into a new bridge. Tone is accepted; there is no audio to play.
     */
    private void bridge(AmiSession s, AmiMessage m) {
        String name1 = m.value("Channel1");
        String name2 = m.value("Channel2");
        if (name1.isEmpty() || name2.isEmpty()) {
            s.send(error(m, "Missing channel parameter in request"));
            return;
        }
        Channel ch1 = pbx.findChannelByPrefix(name1);
        if (ch1 == null) {
            s.send(error(m, "Channel1 does not exist: " + name1));
            return;
        }
        Channel ch2 = pbx.findChannelByPrefix(name2);
        if (ch2 == null) {
            s.send(error(m, "Channel2 does not exist: " + name2));
            return;
        }
        // Asterisk fails to add a channel that is hanging up, and the same one twice; refused
        // here before either is touched
        if (ch1.hangupRequested()) {
            s.send(error(m, "Unable to add Channel1 to bridge: " + ch1.name()));
            return;
        }
        if (ch2.hangupRequested() || ch2 == ch1) {
            s.send(error(m, "Unable to add Channel2 to bridge: " + ch2.name()));
            return;
        }
        s.send(ack(m, "Channels have been bridged"));
        ManagerBridge.join(interpreter, ch1, ch2);
    }

    /**
     * MixMonitor (app_mixmonitor's manager_mixmonitor): starts recording the channel into File, as
     * the application would on it. Its success is a bare Response: Success.
     */
    private void mixMonitor(AmiSession s, AmiMessage m) {
        String name = m.value("Channel");
        if (name.isEmpty()) {
            s.send(error(m, "No channel specified"));
            return;
        }
        Channel ch = pbx.findChannel(name);
        if (ch == null) {
            s.send(error(m, "No such channel"));
            return;
        }
        if (m.value("File").isBlank()) {
            s.send(error(m, "Could not start monitoring channel"));
            return;
        }
        s.send(response(m, "Success"));
        CallRecorder.start(pbx, ch, m.value("File"));
    }

    /** A numeric priority, or a label found in the dialplan; null when neither. */
    private Location target(String context, String exten, String priority) {
        try {
            int p = Integer.parseInt(priority.strip());
            return p < 1 ? null : new Location(context, exten, p);
        } catch (NumberFormatException label) {
            var e = interpreter.dialplan().find(context, exten);
            int p = e == null ? -1 : e.priorityOf(priority.strip());
            return p < 1 ? null : new Location(context, exten, p);
        }
    }

    private void hangup(AmiSession s, AmiMessage m) {
        String name = m.value("Channel");
        if (name.isEmpty()) {
            s.send(error(m, "No channel specified"));
            return;
        }
        HangupCause cause = HangupCause.NORMAL_CLEARING;
        String causeText = m.value("Cause").strip();
        if (!causeText.isEmpty()) {
            try {
                int code = Integer.parseInt(causeText);
                if (code >= 0 && code <= 127) {
                    cause = HangupCause.of(code);
                }
            } catch (NumberFormatException ignored) {
                // Asterisk logs the bad cause and hangs up without one.
            }
        }
        if (name.startsWith("/")) {
            hangupMatching(s, m, name, cause);
            return;
        }
        Channel ch = pbx.findChannel(name);
        if (ch == null) {
            s.send(error(m, "No such channel"));
            return;
        }
        s.send(ack(m, "Channel Hungup"));
        pbx.hangup(ch, cause);
    }

    private void hangupMatching(AmiSession s, AmiMessage m, String slashed, HangupCause cause) {
        if (slashed.length() < 2 || !slashed.endsWith("/")) {
            s.send(error(m, "Regex format invalid, Channel param should be /regex/"));
            return;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(slashed.substring(1, slashed.length() - 1));
        } catch (PatternSyntaxException e) {
            s.send(error(m, "Regex compile failed on: " + slashed));
            return;
        }
        s.send(listAck(m, "Channels hung up will follow"));
        int count = 0;
        for (Channel ch : pbx.channels()) {
            if (pattern.matcher(ch.name()).find()) {
                count++;
                AmiMessage e = AmiMessage.event("ChannelHungup").add("Channel", ch.name());
                if (!m.value("ActionID").isEmpty()) {
                    e.add("ActionID", m.value("ActionID"));
                }
                s.send(e);
                pbx.hangup(ch, cause);
            }
        }
        s.send(listComplete(m, "ChannelsHungupListComplete", count));
    }

    private void originate(AmiSession s, AmiMessage m) {
        String channel = m.value("Channel");
        if (channel.isEmpty()) {
            s.send(error(m, "Channel not specified"));
            return;
        }
        String context = m.value("Context");
        String exten = m.value("Exten");
        String priorityText = m.value("Priority");
        String application = m.value("Application");
        int priority = 0;
        if (!priorityText.isEmpty()) {
            Location at = target(context, exten, priorityText);
            if (at == null) {
                s.send(error(m, "Invalid priority"));
                return;
            }
            priority = at.priority();
        }
        long timeoutMs = 30_000;
        if (!m.value("Timeout").isEmpty()) {
            try {
                timeoutMs = Long.parseLong(m.value("Timeout").strip());
            } catch (NumberFormatException e) {
                s.send(error(m, "Invalid timeout"));
                return;
            }
        }
        if (channel.indexOf('/') <= 0) {
            s.send(error(m, "Invalid channel"));
            return;
        }
        String channelId = m.value("ChannelId").strip();
        String otherChannelId = m.value("OtherChannelId").strip();
        if (channelId.length() > MAX_PUBLIC_UNIQUEID || otherChannelId.length() > MAX_PUBLIC_UNIQUEID) {
            s.send(error(m, "Uniqueid length exceeds maximum of " + MAX_PUBLIC_UNIQUEID));
            return;
        }
        if (application.isEmpty()) {
            if (exten.isEmpty() || context.isEmpty() || priority == 0) {
                s.send(error(m, "Originate with 'Exten' requires 'Context' and 'Priority'"));
                return;
            }
            if (!interpreter.dialplan().exists(context, exten)) {
                s.send(error(m, "Extension does not exist."));
                return;
            }
        }
        String[] callerId = callerId(m.value("CallerID"));
        Map<String, String> variables = new LinkedHashMap<>();
        for (String v : m.all("Variable")) {
            for (String pair : v.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    variables.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
                }
            }
        }
        boolean async = isTrue(m.value("Async"));
        Originator.Request request = new Originator.Request(channel, context, exten, priority, application,
                m.value("Data"), timeoutMs, callerId[1], callerId[0], variables,
                async ? m.value("ActionID") : null, channelId, otherChannelId);
        if (async) {
            s.send(ack(m, "Originate successfully queued"));
            originator.originate(request, pbx.events()::originateResponse);
        } else {
            originator.originate(request, (OriginateResult r) -> s.send(r.success()
                    ? ack(m, "Originate successfully queued")
                    : error(m, "Originate failed")));
        }
    }

    /** ast_callerid_parse: {@code "Name" <number>} or a bare number; returns name, number. */
    static String[] callerId(String text) {
        CallerId id = CallerId.parse(text);
        return new String[] {id.name(), id.number()};
    }

    private static boolean isTrue(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("yes") || s.equals("1") || s.equals("on") || s.equals("y")
                || s.equals("t");
    }

    private void coreShowChannels(AmiSession s, AmiMessage m) {
        s.send(listAck(m, "Channels will follow"));
        String id = m.value("ActionID");
        int count = 0;
        long now = pbx.time().nowMs();
        for (Channel ch : pbx.channels()) {
            AmiMessage e = AmiMessage.event("CoreShowChannel");
            if (!id.isEmpty()) {
                e.add("ActionID", id);
            }
            AmiEventWriter.channel(e, "", ch)
                    .add("Application", ch.application())
                    .add("ApplicationData", ch.applicationData())
                    .add("Duration", CoreFacts.hms((now - ch.createdMs()) / 1000))
                    .add("BridgeId", ch.bridge() == null ? "" : ch.bridge().uniqueid());
            s.send(e);
            count++;
        }
        s.send(listComplete(m, "CoreShowChannelsComplete", count));
    }

    private void deviceStateList(AmiSession s, AmiMessage m) {
        s.send(listAck(m, "Device State Changes will follow"));
        String id = m.value("ActionID");
        int count = 0;
        for (Map.Entry<String, String> d : pbx.deviceStates().entrySet()) {
            AmiMessage e = AmiMessage.event("DeviceStateChange");
            if (!id.isEmpty()) {
                e.add("ActionID", id);
            }
            s.send(e.add("Device", d.getKey()).add("State", d.getValue()));
            count++;
        }
        s.send(listComplete(m, "DeviceStateListComplete", count));
    }
}
