package acd.server.journal;

import acd.cti.ami.PbxEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * Follows, from the AMI stream, which seat channel each caller is dialled to and which of the
 * two leaves the conversation first. Asterisk reports that with BridgeLeave: the side that hung
 * up leaves the bridge, then the other is pushed out. The Hangup events alone do not tell, as
 * {@code Dial} destroys the seat's channel before the caller's even when the caller hung up; a
 * Hangup decides only when no BridgeLeave was seen. Runs on the AMI event thread, before the
 * call flow sees the same event, so its findings reach the queue_log before the engine's.
 */
final class SeatLegWatch {
    /** Past this many open dials, events must have been lost: start afresh rather than grow. */
    private static final int MAX_FOLLOWED = 100_000;

    private final Map<String, String> callerOfSeat = new HashMap<>();
    private final Map<String, String> seatOfCaller = new HashMap<>();
    private final QueueLogJournal journal;

    SeatLegWatch(QueueLogJournal journal) {
        this.journal = journal;
    }

    void onPbxEvent(PbxEvent event) {
        if (event instanceof PbxEvent.DialBegin e) {
            // Seat-to-seat and other calls the ACD did not queue are none of the queue_log's business.
            if (e.uniqueId() == null || e.destUniqueId() == null || !journal.follows(e.uniqueId())) {
                return;
            }
            if (seatOfCaller.size() >= MAX_FOLLOWED) {
                forgetAll();
            }
            String earlier = seatOfCaller.put(e.uniqueId(), e.destUniqueId());
            if (earlier != null) {
                callerOfSeat.remove(earlier);
            }
            callerOfSeat.put(e.destUniqueId(), e.uniqueId());
            journal.seatChannel(e.uniqueId(), e.destUniqueId());
        } else if (event instanceof PbxEvent.DialEnd e) {
            if (!e.answered() && e.destUniqueId() != null) {
                String caller = callerOfSeat.remove(e.destUniqueId());
                if (caller != null) {
                    seatOfCaller.remove(caller);
                }
            }
        } else if (event instanceof PbxEvent.BridgeLeave e) {
            leftFirst(e.uniqueId());
        } else if (event instanceof PbxEvent.ChannelHangup e) {
            leftFirst(e.uniqueId());
        } else if (event instanceof PbxEvent.Disconnected) {
            // Events are being missed: whatever is followed may never see its end.
            forgetAll();
        }
    }

    /** The first of a caller and seat pair to leave decides; the other's leaving is then ignored. */
    private void leftFirst(String uniqueId) {
        if (uniqueId == null) {
            return;
        }
        String caller = callerOfSeat.remove(uniqueId);
        if (caller != null) {
            seatOfCaller.remove(caller);
            journal.endedBy(caller, true);
            return;
        }
        String seat = seatOfCaller.remove(uniqueId);
        if (seat != null) {
            callerOfSeat.remove(seat);
            journal.endedBy(uniqueId, false);
        }
    }

    private void forgetAll() {
        callerOfSeat.clear();
        seatOfCaller.clear();
    }

    int followed() {
        return seatOfCaller.size();
    }
}
