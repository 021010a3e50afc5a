package acd.cti.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent(AcdConsultOver,Call: ...,Status: ...)} from the shipped dialplan: on the
 * agent's channel, the Dial to the colleague consulted came back (no answer, or the colleague
 * hung up or was hung up) and the agent waits to be joined back to the caller. Asterisk-Java
 * builds it by its name, so the name and setters matter.
 */
public class AcdConsultOverEvent extends UserEvent {
    private static final long serialVersionUID = 1L;
    private String call;
    private String status;

    public AcdConsultOverEvent(Object source) {
        super(source);
    }

    public String getCall() {
        return call;
    }

    public void setCall(String call) {
        this.call = call;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
