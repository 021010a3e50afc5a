package acd.pbxsim.world;

/** How a simulated call ended, from the caller's side. */
public enum Outcome {
    /** Still going. */
    IN_PROGRESS,
    /** A seat answered and the call has ended. */
    COMPLETED,
    /** The caller hung up while waiting for a person (after ACD_QUEUED=1): an abandon. */
    ABANDONED,
    /** The caller hung up in the IVR, before being put in line. */
    IVR_ABANDONED,
    /** The IVR ended the call without queueing it (self-service done, or no ACD_QUEUED). */
    SELF_SERVICE,
    /** The wait ended in voicemail (acd-exit with ACD_EXIT=voicemail). */
    VOICEMAIL,
    /** The wait ended with the closing message (acd-exit). */
    CLOSED,
    /** Hung up by the PBX (AMI Hangup) while waiting, nobody having answered. */
    DISCONNECTED,
    /** The AGI script could not be reached or failed before the call was queued. */
    FAILED
}
