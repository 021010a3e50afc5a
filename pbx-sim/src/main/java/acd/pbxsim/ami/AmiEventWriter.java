package acd.pbxsim.ami;

import acd.pbxsim.pbx.Bridge;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.OriginateResult;
import acd.pbxsim.pbx.PbxEvents;

import java.util.function.BiConsumer;

/**
 * Turns what happens in the PBX into Asterisk 20's event blocks: the names, header order and
 * fields of the transcripts (a channel's state block is ast_manager_build_channel_state_string,
 * a bridge's ast_manager_build_bridge_state_string). Only ACD_* variables get a VarSet, to keep
 * the stream as quiet as a filtered real PBX.
 */
public final class AmiEventWriter implements PbxEvents {

    private final BiConsumer<Privilege, AmiMessage> out;

    /** {@code out} receives each event with its category, on the PBX thread. */
    public AmiEventWriter(BiConsumer<Privilege, AmiMessage> out) {
        this.out = out;
    }

    // ---- shared blocks ----

    /** The channel state block, with "Dest" or another prefix for the second channel of an event. */
    public static AmiMessage channel(AmiMessage m, String prefix, Channel ch) {
        return m.add(prefix + "Channel", ch.name())
                .add(prefix + "ChannelState", ch.state().code())
                .add(prefix + "ChannelStateDesc", ch.state().description())
                .add(prefix + "CallerIDNum", ch.callerIdNum())
                .add(prefix + "CallerIDName", ch.callerIdName())
                .add(prefix + "ConnectedLineNum", ch.connectedNum())
                .add(prefix + "ConnectedLineName", ch.connectedName())
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", "")
                .add(prefix + "Context", ch.context())
                .add(prefix + "Exten", ch.exten())
                .add(prefix + "Priority", ch.priority())
                .add(prefix + "Uniqueid", ch.uniqueid())
                .add(prefix + "Linkedid", ch.linkedid());
    }

    private static AmiMessage bridge(AmiMessage m, Bridge b) {
        return m.add("BridgeUniqueid", b.uniqueid())
                .add("BridgeType", b.type())
                .add("BridgeTechnology", b.technology())
                .add("BridgeCreator", "<unknown>")
                .add("BridgeName", "<unknown>")
                .add("BridgeNumChannels", b.size())
                .add("BridgeVideoSourceMode", "none");
    }

    private static AmiMessage event(String name, Privilege category) {
        return AmiMessage.event(name).add("Privilege", category.header());
    }

    private void emit(Privilege category, AmiMessage m) {
        out.accept(category, m);
    }

    private void channelEvent(String name, Channel ch) {
        emit(Privilege.CALL, channel(event(name, Privilege.CALL), "", ch));
    }

    // ---- events ----

    @Override
    public void newchannel(Channel ch) {
        channelEvent("Newchannel", ch);
    }

    @Override
    public void newstate(Channel ch) {
        channelEvent("Newstate", ch);
    }

    @Override
    public void newConnectedLine(Channel ch) {
        channelEvent("NewConnectedLine", ch);
    }

    @Override
    public void newCallerid(Channel ch) {
        emit(Privilege.CALL, channel(event("NewCallerid", Privilege.CALL), "", ch)
                .add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
    }

    @Override
    public void newexten(Channel ch, String application, String data) {
        emit(Privilege.DIALPLAN, channel(event("Newexten", Privilege.DIALPLAN), "", ch)
                .add("Extension", ch.exten())
                .add("Application", application)
                .add("AppData", data));
    }

    @Override
    public void varSet(Channel ch, String variable, String value) {
        if (!variable.startsWith("ACD_")) {
            return;
        }
        emit(Privilege.DIALPLAN, channel(event("VarSet", Privilege.DIALPLAN), "", ch)
                .add("Variable", variable)
                .add("Value", value));
    }

    @Override
    public void dialBegin(Channel caller, Channel dest, String dialString) {
        emit(Privilege.CALL, dial("DialBegin", caller, dest).add("DialString", dialString));
    }

    @Override
    public void dialState(Channel caller, Channel dest, String status) {
        emit(Privilege.CALL, dial("DialState", caller, dest).add("DialStatus", status));
    }

    @Override
    public void dialEnd(Channel caller, Channel dest, String status) {
        emit(Privilege.CALL, dial("DialEnd", caller, dest).add("DialStatus", status));
    }

    private static AmiMessage dial(String name, Channel caller, Channel dest) {
        AmiMessage m = event(name, Privilege.CALL);
        if (caller != null) {
            channel(m, "", caller);
        }
        return channel(m, "Dest", dest);
    }

    @Override
    public void userEvent(Channel ch, String name, java.util.List<String[]> fields) {
        AmiMessage m = channel(event("UserEvent", Privilege.USER), "", ch).add("UserEvent", name);
        for (String[] field : fields) {
            m.add(field[0], field[1]);
        }
        emit(Privilege.USER, m);
    }

    @Override
    public void bridgeCreate(Bridge b) {
        emit(Privilege.CALL, bridge(event("BridgeCreate", Privilege.CALL), b));
    }

    @Override
    public void bridgeEnter(Bridge b, Channel ch) {
        emit(Privilege.CALL, channel(bridge(event("BridgeEnter", Privilege.CALL), b), "", ch));
    }

    @Override
    public void bridgeLeave(Bridge b, Channel ch) {
        emit(Privilege.CALL, channel(bridge(event("BridgeLeave", Privilege.CALL), b), "", ch));
    }

    @Override
    public void bridgeDestroy(Bridge b) {
        emit(Privilege.CALL, bridge(event("BridgeDestroy", Privilege.CALL), b));
    }

    @Override
    public void hangupRequest(Channel ch, HangupCause cause) {
        emit(Privilege.CALL, channel(event("HangupRequest", Privilege.CALL), "", ch).add("Cause", cause.code()));
    }

    @Override
    public void softHangupRequest(Channel ch, HangupCause cause) {
        emit(Privilege.CALL, channel(event("SoftHangupRequest", Privilege.CALL), "", ch).add("Cause", cause.code()));
    }

    @Override
    public void hangup(Channel ch) {
        HangupCause cause = ch.hangupCause() == null ? HangupCause.NORMAL_CLEARING : ch.hangupCause();
        emit(Privilege.CALL, channel(event("Hangup", Privilege.CALL), "", ch)
                .add("Cause", cause.code())
                .add("Cause-txt", cause.text()));
    }

    @Override
    public void agiExecStart(Channel ch, int commandId, String command) {
        emit(Privilege.AGI, channel(event("AGIExecStart", Privilege.AGI), "", ch)
                .add("CommandId", commandId)
                .add("Command", command));
    }

    @Override
    public void agiExecEnd(Channel ch, int commandId, String command, int resultCode, String result) {
        emit(Privilege.AGI, channel(event("AGIExecEnd", Privilege.AGI), "", ch)
                .add("CommandId", commandId)
                .add("Command", command)
                .add("ResultCode", resultCode)
                .add("Result", result));
    }

    @Override
    public void deviceStateChange(String device, String state) {
        emit(Privilege.CALL, event("DeviceStateChange", Privilege.CALL).add("Device", device).add("State", state));
    }

    @Override
    public void musicOnHoldStart(Channel ch, String mohClass) {
        emit(Privilege.CALL, channel(event("MusicOnHoldStart", Privilege.CALL), "", ch).add("Class", mohClass));
    }

    @Override
    public void musicOnHoldStop(Channel ch) {
        channelEvent("MusicOnHoldStop", ch);
    }

    /** Only the start: Asterisk sends MixMonitorStop for StopMixMonitor, not when the channel hangs up. */
    @Override
    public void mixMonitorStart(Channel ch) {
        channelEvent("MixMonitorStart", ch);
    }

    @Override
    public void chanSpyStart(Channel spyer, Channel spyee) {
        emit(Privilege.CALL, channel(channel(event("ChanSpyStart", Privilege.CALL), "Spyer", spyer), "Spyee", spyee));
    }

    @Override
    public void chanSpyStop(Channel spyer, Channel spyee) {
        emit(Privilege.CALL, channel(channel(event("ChanSpyStop", Privilege.CALL), "Spyer", spyer), "Spyee", spyee));
    }

    @Override
    public void originateResponse(OriginateResult r) {
        AmiMessage m = event("OriginateResponse", Privilege.CALL);
        if (r.actionId() != null && !r.actionId().isEmpty()) {
            m.add("ActionID", r.actionId());
        }
        m.add("Response", r.success() ? "Success" : "Failure").add("Channel", r.channel());
        if (r.isApplication()) {
            m.add("Application", r.application()).add("Data", r.data());
        } else {
            m.add("Context", r.context()).add("Exten", r.exten());
        }
        emit(Privilege.CALL, m.add("Reason", r.reason())
                .add("Uniqueid", r.uniqueid())
                .add("CallerIDNum", r.callerIdNum())
                .add("CallerIDName", r.callerIdName()));
    }
}
