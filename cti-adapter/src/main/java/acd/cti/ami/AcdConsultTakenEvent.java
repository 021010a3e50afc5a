package acd.cti.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent(AcdConsultTaken,Call: ...)} from the shipped dialplan: on the colleague's
 * channel, the agent hung up while the two talked, which hands the caller over (Dial's F
 * option sent the colleague's channel on). Asterisk-Java builds it by its name.
 */
public class AcdConsultTakenEvent extends UserEvent {
    private static final long serialVersionUID = 1L;
    private String call;

    public AcdConsultTakenEvent(Object source) {
        super(source);
    }

    public String getCall() {
        return call;
    }

    public void setCall(String call) {
        this.call = call;
    }
}
