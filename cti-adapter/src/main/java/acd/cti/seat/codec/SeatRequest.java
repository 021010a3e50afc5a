package acd.cti.seat.codec;

import acd.ivr.order.ComplaintGrade;
import acd.ivr.order.OrderAction;
import acd.ivr.order.OrderKind;
import acd.ivr.task.ReplyOutcome;

import java.util.List;
import java.util.Map;

/**
 * One message from a desktop. Agent requests carry an optional {@code agent}: when present it
 * must be the desktop's own agent, which the gateway checks; the decoder only reads it.
 */
public sealed interface SeatRequest {

    /** The {@code type} as written on the wire. */
    String type();

    /** Who a desktop logs in as. */
    enum Role {
        AGENT("agent"),
        SUPERVISOR("supervisor"),
        /** A quality reviewer: scores the daily sample and hears only its recordings. */
        REVIEWER("reviewer");

        private final String wireName;

        Role(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** A not-ready reason as the desktop gave it: by name, or by code; neither when absent. */
    record Reason(String name, int code) {
        public static final int NO_CODE = -1;
        public static final Reason NONE = new Reason(null, NO_CODE);

        public boolean isAbsent() {
            return name == null && code == NO_CODE;
        }

        @Override
        public String toString() {
            return name != null ? name : code == NO_CODE ? "none" : Integer.toString(code);
        }
    }

    /** {@code login}: as an agent or a supervisor, with that user's secret. */
    final class Login implements SeatRequest {
        private final Role role;
        private final String id;
        private final String secret;

        public Login(Role role, String id, String secret) {
            this.role = role;
            this.id = id;
            this.secret = secret;
        }

        @Override
        public String type() {
            return "login";
        }

        public Role role() {
            return role;
        }

        public String id() {
            return id;
        }

        public String secret() {
            return secret;
        }

        /** Without the secret: requests end up in log lines and debuggers. */
        @Override
        public String toString() {
            return "login{" + role.wireName() + "=" + id + "}";
        }
    }

    /** {@code ready}: take calls. */
    record Ready(String agent) implements SeatRequest {
        @Override
        public String type() {
            return "ready";
        }
    }

    /** {@code notReady}: no calls, for a configured reason. */
    record NotReady(String agent, Reason reason) implements SeatRequest {
        @Override
        public String type() {
            return "notReady";
        }
    }

    /** {@code wrapUpDone}: after-call work finished early. */
    record WrapUpDone(String agent) implements SeatRequest {
        @Override
        public String type() {
            return "wrapUpDone";
        }
    }

    /** {@code logout}: leave the hotline (after the current call, if any). */
    record Logout(String agent) implements SeatRequest {
        @Override
        public String type() {
            return "logout";
        }
    }

    /** {@code watch}: a wallboard asks for the live queue figures; no login, no actions. */
    record Watch() implements SeatRequest {
        @Override
        public String type() {
            return "watch";
        }
    }

    /** {@code heartbeat}: the desktop is still watched. */
    record Heartbeat() implements SeatRequest {
        @Override
        public String type() {
            return "heartbeat";
        }
    }

    /** {@code setNotReady}: a supervisor takes an agent off the line. */
    record SetNotReady(String agent, Reason reason) implements SeatRequest {
        @Override
        public String type() {
            return "setNotReady";
        }
    }

    /** {@code logoutAgent}: a supervisor logs an agent out. */
    record LogoutAgent(String agent) implements SeatRequest {
        @Override
        public String type() {
            return "logoutAgent";
        }
    }

    /** {@code setSkills}: a supervisor gives an agent a new set of skills, name to proficiency 1..10. */
    record SetSkills(String agent, Map<String, Integer> skills) implements SeatRequest {
        @Override
        public String type() {
            return "setSkills";
        }
    }

    /** {@code setSeatGroups}: a supervisor moves an agent to other seat groups. */
    record SetSeatGroups(String agent, List<String> seatGroups) implements SeatRequest {
        @Override
        public String type() {
            return "setSeatGroups";
        }
    }

    /**
     * {@code peakMode}: a supervisor switches a queue into peak mode ({@code on}) or back: its
     * peak announcement, its shorter longest wait and overflow to the backup queue.
     */
    record PeakMode(String queue, boolean on) implements SeatRequest {
        @Override
        public String type() {
            return "peakMode";
        }
    }

    /** {@code tasks}: the open voicemail reply tasks, in the order they are worked. */
    record Tasks() implements SeatRequest {
        @Override
        public String type() {
            return "tasks";
        }
    }

    /** {@code takeTask}: the agent takes a reply task to call its caller back. */
    record TakeTask(long task) implements SeatRequest {
        @Override
        public String type() {
            return "takeTask";
        }
    }

    /** {@code playMessage}: the agent's phone rings and plays the task's message. */
    record PlayMessage(long task) implements SeatRequest {
        @Override
        public String type() {
            return "playMessage";
        }
    }

    /** {@code callBack}: the agent's phone rings, then the caller who left the message. */
    record CallBack(long task) implements SeatRequest {
        @Override
        public String type() {
            return "callBack";
        }
    }

    /** {@code taskOutcome}: what the callback came to; not reached lets the task go for another try. */
    record TaskOutcome(long task, ReplyOutcome outcome) implements SeatRequest {
        @Override
        public String type() {
            return "taskOutcome";
        }
    }

    /** {@code orders}: the open work orders, the earliest due first; or one customer's latest orders. */
    record Orders(String customer) implements SeatRequest {
        @Override
        public String type() {
            return "orders";
        }
    }

    /**
     * {@code openOrder}: a work order opened at the desk.
     *
     * @param grade      a complaint's grade, null for the other kinds
     * @param call       the call it came from, with its queue, tier and brand; each may be null
     * @param promisedMs a reply time promised to the customer; 0 for none
     */
    record OpenOrder(OrderKind kind, ComplaintGrade grade, String customer, String summary, String call,
                     String queue, String tier, String brand, long promisedMs) implements SeatRequest {
        @Override
        public String type() {
            return "openOrder";
        }
    }

    /**
     * {@code orderStep}: a step on a work order.
     *
     * @param to        the team or agent, for a dispatch
     * @param note      the note, reply, resolution or what the customer said at the revisit
     * @param satisfied whether the customer is content, at the revisit
     */
    record OrderStep(long order, OrderAction step, String to, String note, boolean satisfied) implements SeatRequest {
        @Override
        public String type() {
            return "orderStep";
        }
    }

    /**
     * {@code exportOrders}: the orders opened from day {@code from} to day {@code to}, as CSV;
     * without {@code to}, to today, and without {@code from}, from the first of that month.
     */
    record ExportOrders(java.time.LocalDate from, java.time.LocalDate to) implements SeatRequest {
        @Override
        public String type() {
            return "exportOrders";
        }
    }

    /**
     * {@code report}: the service-level report of days {@code from} to {@code to} by
     * {@code period}; without {@code to}, to today, and without {@code from}, from the first of
     * that month.
     */
    record Report(acd.ivr.report.ReportPeriod period, java.time.LocalDate from, java.time.LocalDate to)
            implements SeatRequest {
        @Override
        public String type() {
            return "report";
        }
    }

    /** {@code exportReport}: the same report as CSV. */
    record ExportReport(acd.ivr.report.ReportPeriod period, java.time.LocalDate from, java.time.LocalDate to)
            implements SeatRequest {
        @Override
        public String type() {
            return "exportReport";
        }
    }

    /** {@code orderHistory}: every step of a work order, oldest first. */
    record OrderHistory(long order) implements SeatRequest {
        @Override
        public String type() {
            return "orderHistory";
        }
    }

    /**
     * {@code transfer}: the agent sends the call they are talking on to a queue (with skills it
     * needs there), to a colleague first, or both; a blind transfer.
     *
     * @param queue   the queue, or null for the call's own
     * @param toAgent the colleague who gets the call first, or null
     * @param skills  skills the call needs there (may be empty)
     */
    record Transfer(String queue, String toAgent, List<String> skills) implements SeatRequest {
        public Transfer {
            skills = List.copyOf(skills);
        }

        @Override
        public String type() {
            return "transfer";
        }
    }

    /**
     * {@code consult}: the agent asks a colleague first, the caller held: the colleague named, or
     * the best free agent of the queue (with the skills); a consultative transfer begins.
     */
    record Consult(String queue, String toAgent, List<String> skills) implements SeatRequest {
        public Consult {
            skills = List.copyOf(skills);
        }

        @Override
        public String type() {
            return "consult";
        }
    }

    /** {@code completeConsult}: the caller goes to the colleague consulted; the agent is done with the call. */
    record CompleteConsult() implements SeatRequest {
        @Override
        public String type() {
            return "completeConsult";
        }
    }

    /** {@code cancelConsult}: the consultation ends and the agent has the caller back. */
    record CancelConsult() implements SeatRequest {
        @Override
        public String type() {
            return "cancelConsult";
        }
    }

    /** {@code qaSample}: a day's quality sample with its scores. */
    record QaSample(java.time.LocalDate day) implements SeatRequest {
        @Override
        public String type() {
            return "qaSample";
        }
    }

    /** {@code qaScore}: a reviewer's score of a sample item, 0..100, with an optional note. */
    record QaScore(long item, int score, String note) implements SeatRequest {
        @Override
        public String type() {
            return "qaScore";
        }
    }

    /** {@code qaRedos}: the redos no team lead has closed. */
    record QaRedos() implements SeatRequest {
        @Override
        public String type() {
            return "qaRedos";
        }
    }

    /** {@code closeRedo}: a team lead says what was done about a redo. */
    record CloseRedo(long item, String note) implements SeatRequest {
        @Override
        public String type() {
            return "closeRedo";
        }
    }

    /** {@code hearRecording}: a pass to hear one call's recording, for whoever may. */
    record HearRecording(String call) implements SeatRequest {
        @Override
        public String type() {
            return "hearRecording";
        }
    }

    /**
     * {@code listenIn}: a team lead listens in on an agent's call from their own phone.
     *
     * @param mode {@code listen}, {@code whisper} or {@code barge}
     */
    record ListenIn(String agent, String mode) implements SeatRequest {
        @Override
        public String type() {
            return "listenIn";
        }
    }
}
