package acd.pbxsim.pbx;

/**
 * The outcome of an Originate, as OriginateResponse reports it. Reason is the last control
 * frame Asterisk saw: 0 no channel, 1 hung up, 3 ringing (timed out), 4 answered, 5 busy,
 * 8 congestion. Either application/data or context/exten is set.
 */
public record OriginateResult(String actionId, boolean success, String channel, String application,
                              String data, String context, String exten, int reason, String uniqueid,
                              String callerIdNum, String callerIdName) {

    public boolean isApplication() {
        return application != null && !application.isEmpty();
    }
}
