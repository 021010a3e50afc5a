package acd.cti.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent(AcdDialFailed,Status: ...,Endpoint: ...)} from the shipped dialplan: the Dial
 * to a seat came back without an answer. It is the only word of a seat that could not even be
 * called (a PJSIP endpoint with no registered phone fails at once with CHANUNAVAIL and sends no
 * DialBegin or DialEnd). Asterisk-Java builds it by its name, so the name and setters matter.
 */
public class AcdDialFailedEvent extends UserEvent {
    private static final long serialVersionUID = 1L;
    private String status;
    private String endpoint;
    private String delivery;

    public AcdDialFailedEvent(Object source) {
        super(source);
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getDelivery() {
        return delivery;
    }

    public void setDelivery(String delivery) {
        this.delivery = delivery;
    }
}
