package acd.cti.ami;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Turns the AMI events the ACD needs into {@link PbxEvent}s and drops the rest at once (with
 * {@code read=all} most of the stream is VarSet and security chatter). Runs on Asterisk-Java's
 * event thread, whose queue drops events when full: so it does no I/O and never waits on
 * anything but the sink.
 */
public final class AmiEventTranslator implements ManagerEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(AmiEventTranslator.class);

    private final Consumer<PbxEvent> sink;
    private final AtomicLong translated = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    public AmiEventTranslator(Consumer<PbxEvent> sink) {
        this.sink = sink;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        PbxEvent translatedEvent = translate(event);
        if (translatedEvent != null) {
            translated.incrementAndGet();
            sink.accept(translatedEvent);
        }
    }

    /** The ACD's record for an AMI event, or null for an event it does not need or cannot use. */
    PbxEvent translate(ManagerEvent event) {
        if (event instanceof HangupEvent e) {
            if (missing(event, e.getUniqueId(), "Uniqueid")) {
                return null;
            }
            return new PbxEvent.ChannelHangup(e.getUniqueId(), e.getLinkedId(), e.getChannel(),
                    e.getCause() == null ? 0 : e.getCause(), e.getCauseTxt());
        }
        if (event instanceof DialBeginEvent e) {
            if (originated(e.getUniqueId(), e.getDestUniqueId())) {
                return null;
            }
            if (missing(event, e.getUniqueId(), "Uniqueid") || missing(event, e.getDestUniqueId(), "DestUniqueid")) {
                return null;
            }
            return new PbxEvent.DialBegin(e.getUniqueId(), e.getChannel(), e.getDestUniqueId(), e.getDestChannel(),
                    e.getDialString());
        }
        if (event instanceof DialEndEvent e) {
            if (originated(e.getUniqueId(), e.getDestUniqueId())) {
                return null;
            }
            if (missing(event, e.getUniqueId(), "Uniqueid") || missing(event, e.getDialStatus(), "DialStatus")) {
                return null;
            }
            return new PbxEvent.DialEnd(e.getUniqueId(), e.getChannel(), e.getDestUniqueId(), e.getDestChannel(),
                    e.getDialStatus());
        }
        if (event instanceof AcdDialFailedEvent e) {
            if (missing(event, e.getUniqueId(), "Uniqueid") || missing(event, e.getStatus(), "Status")) {
                return null;
            }
            return new PbxEvent.DialFailed(e.getUniqueId(), e.getChannel(), e.getStatus(), e.getEndpoint(),
                    e.getDelivery());
        }
        if (event instanceof AcdConsultOverEvent e) {
            if (missing(event, e.getUniqueId(), "Uniqueid") || missing(event, e.getCall(), "Call")) {
                return null;
            }
            return new PbxEvent.ConsultOver(e.getUniqueId(), e.getChannel(), e.getCall(), e.getStatus());
        }
        if (event instanceof AcdConsultTakenEvent e) {
            if (missing(event, e.getUniqueId(), "Uniqueid") || missing(event, e.getCall(), "Call")) {
                return null;
            }
            return new PbxEvent.ConsultTaken(e.getUniqueId(), e.getChannel(), e.getCall());
        }
        if (event instanceof BridgeEnterEvent e) {
            if (missing(event, e.getUniqueId(), "Uniqueid")) {
                return null;
            }
            return new PbxEvent.BridgeEnter(e.getUniqueId(), e.getChannel(), e.getBridgeUniqueId());
        }
        if (event instanceof BridgeLeaveEvent e) {
            if (missing(event, e.getUniqueId(), "Uniqueid")) {
                return null;
            }
            return new PbxEvent.BridgeLeave(e.getUniqueId(), e.getChannel(), e.getBridgeUniqueId());
        }
        if (event instanceof DeviceStateChangeEvent e) {
            if (missing(event, e.getDevice(), "Device") || missing(event, e.getState(), "State")) {
                return null;
            }
            return new PbxEvent.DeviceState(e.getDevice(), e.getState());
        }
        return null;
    }

    /**
     * The dial of an Originate action has no calling channel: Asterisk sends only the Dest*
     * fields. It is a normal event, not a malformed one, and no caller of the ACD's is in it.
     */
    private static boolean originated(String uniqueId, String destUniqueId) {
        return (uniqueId == null || uniqueId.isEmpty()) && destUniqueId != null && !destUniqueId.isEmpty();
    }

    private boolean missing(ManagerEvent event, String value, String field) {
        if (value != null && !value.isEmpty()) {
            return false;
        }
        long n = malformed.incrementAndGet();
        if (n <= 100 || Long.bitCount(n) == 1) {
            LOG.warn("AMI {} without {} dropped (malformed events so far: {})",
                    event.getClass().getSimpleName().replace("Event", ""), field, n);
        }
        return true;
    }

    public long translatedEvents() {
        return translated.get();
    }

    public long malformedEvents() {
        return malformed.get();
    }
}
