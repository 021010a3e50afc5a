package acd.cti.flow;

import acd.core.engine.HangupSide;

/**
 * What the adapter knows of one caller's channel: connection state, not routing state. Fields
 * change on the AGI, AMI and engine threads, hence volatile.
 */
final class CallLeg {
    final long callId;
    /** The caller's channel; a callback's is the customer's once they answer, none before. */
    volatile String uniqueId;
    volatile String channel;
    final String callerNumber;
    /** Agent the engine offered the call to, or -1. */
    volatile int offeredAgent = -1;
    /** The agent whose delivery (Setvar, Redirect) Asterisk accepted, or -1. */
    volatile int deliveredTo = -1;
    volatile String ringSeconds = "15";
    /** The name of the recording of the conversation with the seat offered now. */
    volatile String recording = "";
    /** Counts the deliveries to seats, so word of an earlier Dial is never taken for the current one. */
    volatile int deliveries;
    /** Uniqueid of the seat's channel while the Dial runs or the call is connected. */
    volatile String seatUniqueId;
    /** The seat's channel's name, for the actions that move it. */
    volatile String seatChannel;
    /**
     * The bridge the caller last entered: only leaving it says who hung up. Null while the
     * caller is between bridges (on hold during a consultation).
     */
    volatile String bridgeId;
    /** The consultation under way, or null. */
    volatile Consultation consultation;
    volatile boolean answered;
    /** Which side left the seat's bridge first; the first to leave is the one who hung up. */
    volatile HangupSide hungUpFirst = HangupSide.UNKNOWN;
    /** Set once the engine has been told the call is over, so it is told only once. */
    volatile boolean finished;
    /** Set once the engine has the call: before that a hang-up is no abandon. */
    volatile boolean arrived;
    /** The language the caller chose in the menus, for what they hear while waiting; null: the default. */
    volatile String language;
    /** The caller hung up to be called back: nobody is on the line until the callback reaches them. */
    volatile boolean callback;
    /** The channel the server originated for the callback under way (its Uniqueid), or null. */
    volatile String originated;
    /** How the callback under way calls: the seat first, or the customer first. */
    volatile boolean seatFirst;
    /** What the last announcement said when it offered a callback, for the /callback script; else null. */
    volatile String offerSounds;

    CallLeg(long callId, String uniqueId, String channel, String callerNumber) {
        this.callId = callId;
        this.uniqueId = uniqueId;
        this.channel = channel;
        this.callerNumber = callerNumber;
    }

    /** The language the caller hears: the one chosen in the menus, else the default. */
    String spokenLanguage() {
        String chosen = language;
        return chosen == null || chosen.isBlank() ? AsteriskCallFlow.DEFAULT_LANGUAGE : chosen;
    }

    @Override
    public String toString() {
        return "call " + callId + " (" + channel + ", " + uniqueId + ")";
    }
}
