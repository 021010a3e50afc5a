package acd.pbxsim.pbx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Asterisk channel. Mutated only on the PBX thread; AMI and AGI read it there too, so the
 * events they build are snapshots taken at the moment they happen.
 */
public final class Channel {

    private final String name;
    private final String uniqueid;
    private final String linkedid;
    private final String tech;
    private final String device;
    private final long createdMs;
    private final Map<String, String> variables = new LinkedHashMap<>();

    private ChannelState state;
    private String callerIdNum;
    private String callerIdName;
    private String connectedNum = "<unknown>";
    private String connectedName = "<unknown>";
    private String dnid = "";
    private Location location;
    private String application = "";
    private String applicationData = "";
    private Activity activity;
    private Bridge bridge;
    private Party party = Party.NOBODY;
    private Location pendingRedirect;
    private HangupCause hangupCause;
    private boolean hangupRequested;
    private boolean gone;
    private boolean runsDialplan;
    private boolean inDualRedirect;

    Channel(String name, String uniqueid, String linkedid, String tech, String device, ChannelState state,
            String callerIdNum, String callerIdName, Location location, long createdMs) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid == null ? uniqueid : linkedid;
        this.tech = tech;
        this.device = device;
        this.state = state;
        this.callerIdNum = callerIdNum;
        this.callerIdName = callerIdName;
        this.location = location;
        this.createdMs = createdMs;
    }

    public String name() {
        return name;
    }

    public String uniqueid() {
        return uniqueid;
    }

    public String linkedid() {
        return linkedid;
    }

    /** Channel technology (PJSIP, SIP, Local): agi_type. */
    public String tech() {
        return tech;
    }

    /** The device whose state this channel counts towards (a seat endpoint), or null. */
    public String device() {
        return device;
    }

    public long createdMs() {
        return createdMs;
    }

    public ChannelState state() {
        return state;
    }

    void state(ChannelState newState) {
        this.state = newState;
    }

    public String callerIdNum() {
        return callerIdNum;
    }

    public String callerIdName() {
        return callerIdName;
    }

    public void callerId(String num, String nameOfCaller) {
        this.callerIdNum = num;
        this.callerIdName = nameOfCaller;
    }

    public String connectedNum() {
        return connectedNum;
    }

    public String connectedName() {
        return connectedName;
    }

    public void connectedLine(String num, String nameOfPeer) {
        this.connectedNum = num;
        this.connectedName = nameOfPeer;
    }

    public String dnid() {
        return dnid;
    }

    public void dnid(String dialled) {
        this.dnid = dialled;
    }

    public Location location() {
        return location;
    }

    public void location(Location where) {
        this.location = where;
    }

    public String context() {
        return location.context();
    }

    public String exten() {
        return location.exten();
    }

    public int priority() {
        return location.priority();
    }

    public String application() {
        return application;
    }

    public String applicationData() {
        return applicationData;
    }

    public void application(String app, String data) {
        this.application = app;
        this.applicationData = data;
    }

    public Activity activity() {
        return activity;
    }

    public void activity(Activity current) {
        this.activity = current;
    }

    public Bridge bridge() {
        return bridge;
    }

    void bridge(Bridge b) {
        this.bridge = b;
    }

    public Party party() {
        return party;
    }

    public void party(Party p) {
        this.party = p == null ? Party.NOBODY : p;
    }

    public String variable(String varName) {
        return variables.get(varName);
    }

    /** Set without events; {@link Pbx#setVariable} is the way that tells AMI and the party. */
    void putVariable(String varName, String value) {
        variables.put(varName, value);
    }

    /** Unset without events; Return uncovering what a subroutine's arguments hid. */
    void removeVariable(String varName) {
        variables.remove(varName);
    }

    public Map<String, String> variables() {
        return Collections.unmodifiableMap(variables);
    }

    public Location pendingRedirect() {
        return pendingRedirect;
    }

    void pendingRedirect(Location where) {
        this.pendingRedirect = where;
    }

    public HangupCause hangupCause() {
        return hangupCause;
    }

    void hangupCause(HangupCause cause) {
        this.hangupCause = cause;
    }

    /** A hang-up was asked for; the channel may linger while an AGI script finishes. */
    public boolean hangupRequested() {
        return hangupRequested;
    }

    void markHangupRequested() {
        this.hangupRequested = true;
    }

    public boolean gone() {
        return gone;
    }

    void markGone() {
        this.gone = true;
    }

    /**
     * Whether the channel runs the dialplan itself (AST_FLAG_IN_AUTOLOOP), as a caller does; a
     * Dial's called channel does not until something sends it there.
     */
    public boolean runsDialplan() {
        return runsDialplan;
    }

    public void markRunsDialplan() {
        this.runsDialplan = true;
    }

    /**
     * The channel is one of the two an AMI Redirect with ExtraChannel moves
     * (AST_FLAG_BRIDGE_DUAL_REDIRECT_WAIT): the other leaving their bridge must not hang it up.
     */
    public boolean inDualRedirect() {
        return inDualRedirect;
    }

    void inDualRedirect(boolean moving) {
        this.inDualRedirect = moving;
    }

    @Override
    public String toString() {
        return name + "(" + uniqueid + ", " + state.description() + ", " + location + ")";
    }
}
