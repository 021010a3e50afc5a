package acd.pbxsim.pbx;

/**
 * What happens in the PBX, in Asterisk's event vocabulary. The AMI side turns each call into an
 * event block; the PBX knows nothing of the wire. All calls come from the PBX thread, in the
 * order the events happen.
 */
public interface PbxEvents {

    PbxEvents NONE = new PbxEvents() {
    };

    default void newchannel(Channel ch) {
    }

    default void newstate(Channel ch) {
    }

    default void newexten(Channel ch, String application, String data) {
    }

    default void newConnectedLine(Channel ch) {
    }

    /** The channel's caller id changed (CALLERID(all) set by the dialplan). */
    default void newCallerid(Channel ch) {
    }

    default void varSet(Channel ch, String variable, String value) {
    }

    /** caller is null when the PBX itself dials (Originate). */
    default void dialBegin(Channel caller, Channel dest, String dialString) {
    }

    default void dialState(Channel caller, Channel dest, String status) {
    }

    default void dialEnd(Channel caller, Channel dest, String status) {
    }

    default void bridgeCreate(Bridge bridge) {
    }

    default void bridgeEnter(Bridge bridge, Channel ch) {
    }

    default void bridgeLeave(Bridge bridge, Channel ch) {
    }

    default void bridgeDestroy(Bridge bridge) {
    }

    default void hangupRequest(Channel ch, HangupCause cause) {
    }

    default void softHangupRequest(Channel ch, HangupCause cause) {
    }

    default void hangup(Channel ch) {
    }

    default void agiExecStart(Channel ch, int commandId, String command) {
    }

    default void agiExecEnd(Channel ch, int commandId, String command, int resultCode, String result) {
    }

    default void deviceStateChange(String device, String state) {
    }

    default void musicOnHoldStart(Channel ch, String mohClass) {
    }

    default void musicOnHoldStop(Channel ch) {
    }

    /** MixMonitor started recording {@code ch}. */
    default void mixMonitorStart(Channel ch) {
    }

    /** {@code spyer} listens in on {@code spyee} (ChanSpy). */
    default void chanSpyStart(Channel spyer, Channel spyee) {
    }

    default void chanSpyStop(Channel spyer, Channel spyee) {
    }

    default void originateResponse(OriginateResult result) {
    }

    /** UserEvent(name,Key: value,...) ran on {@code ch}; {@code fields} in the order given. */
    default void userEvent(Channel ch, String name, java.util.List<String[]> fields) {
    }
}
