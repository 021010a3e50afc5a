package acd.cti.seat.codec;

import acd.core.engine.AgentState;

import java.util.List;
import java.util.Map;

/** One message to a desktop. Times are the engine's event time in epoch milliseconds. */
public sealed interface SeatNotice {

    /** A configured not-ready reason, for the desktop's menu. */
    record ReasonName(int code, String name) {
    }

    /**
     * {@code loggedIn}: the login was accepted. For an agent, {@code state} and {@code reason}
     * are where the agent stood when the desktop logged in; later changes come as {@link State}.
     */
    record LoggedIn(SeatRequest.Role role, String id, String name, AgentState state, String reason,
                    long heartbeatMs, long figuresEveryMs, List<ReasonName> reasons) implements SeatNotice {
        public LoggedIn {
            reasons = List.copyOf(reasons);
        }
    }

    /** {@code ack}: the request was accepted and handed to the engine (its effect comes as {@link State}). */
    record Ack(String action, String agent) implements SeatNotice {
    }

    /** {@code error}: what was wrong; the request had no effect. */
    record Error(SeatErrorCode code, String message) implements SeatNotice {
    }

    /** {@code offered}: the screen pop while the seat rings. Ids are configuration ids; absent ones are null. */
    record Offered(long callId, String callerNumber, String queue, String queueLabel, String tier, String tierLabel,
                   String brand, String brandLabel, String accountManager, String ivrPath, long waitSeconds,
                   long ringTimeoutSeconds, boolean callback, long timeMs) implements SeatNotice {
    }

    /** {@code offerCancelled}: stop showing the pop; the call will not connect to this seat. */
    record OfferCancelled(long callId, String reason, long timeMs) implements SeatNotice {
        public static final String WITHDRAWN = "withdrawn";
        public static final String NOT_ANSWERED = "not answered";
    }

    /** {@code connected}: the agent is talking with the caller. */
    record Connected(long callId, String callerNumber, String queue, long waitSeconds, String recording, long timeMs)
            implements SeatNotice {
    }

    /**
     * {@code transferred}: the agent sent the call on ({@code toAgent} null unless a colleague
     * was named); wrap-up follows if the agent has any.
     */
    record Transferred(long callId, String queue, String toAgent, long talkSeconds, long timeMs) implements SeatNotice {
    }

    /** {@code consulting}: the agent's colleague is being rung about the call; the caller is on hold. */
    record Consulting(long callId, String colleague, long timeMs) implements SeatNotice {
    }

    /** {@code consulted}: a colleague asks this agent about their caller; the agent's phone rings. */
    record Consulted(long callId, String fromAgent, String callerNumber, String queue, String tier, String brand,
                     long timeMs) implements SeatNotice {
    }

    /**
     * {@code consultEnded}: the consultation is over. {@code handedOver}: the colleague has the
     * caller (to the agent who asked: their part is done, wrap-up follows; the colleague hears
     * {@code connected}). Otherwise the agent who asked has the caller back.
     */
    record ConsultEnded(long callId, String fromAgent, String colleague, boolean handedOver, long talkSeconds,
                        long timeMs) implements SeatNotice {
    }

    /** {@code ended}: the call is over; wrap-up follows if the agent has any. */
    record Ended(long callId, long talkSeconds, long timeMs) implements SeatNotice {
    }

    /** {@code state}: an agent's new state, with the reason's name when not ready. */
    record State(String agent, AgentState state, String reason, int reasonCode, long timeMs) implements SeatNotice {
    }

    /** One agent in a supervisor's {@link Agents} list. */
    record AgentRow(String agent, String name, AgentState state, String reason) {
    }

    /** {@code agents}: every configured agent and where each stands, sent to a supervisor at login. */
    record Agents(List<AgentRow> agents) implements SeatNotice {
        public Agents {
            agents = List.copyOf(agents);
        }
    }

    /** Figures of one tier in one queue. Rates are fractions 0..1, NaN when there were no calls. */
    record TierRow(String tier, String label, long offered, long answered, double serviceLevel, double answerRate,
                   long waitingNow) {
    }

    /**
     * Figures of one queue since the start. {@code agentsByState} is indexed by
     * {@link AgentState#ordinal()}: agents who have the queue's skills, by where they stand.
     */
    record QueueRow(String queue, String label, int thresholdSeconds, int targetPercent, long offered, long answered,
                    long answeredWithinThreshold, long abandoned, double serviceLevel, double answerRate,
                    long waitingNow, double longestWaitingNowSeconds, long[] agentsByState, List<TierRow> tiers,
                    Boolean peakMode) {
        public QueueRow {
            agentsByState = agentsByState.clone();
            tiers = List.copyOf(tiers);
        }
    }

    /** {@code figures}: the supervisor's live queue figures. */
    record Figures(long timeMs, List<QueueRow> queues, long[] agentsByState) implements SeatNotice {
        public Figures {
            queues = List.copyOf(queues);
            agentsByState = agentsByState.clone();
        }
    }

    /** {@code watching}: the reply to {@code watch}; a {@code board} follows every {@code boardEveryMs}. */
    record Watching(long heartbeatMs, long boardEveryMs) implements SeatNotice {
    }

    /**
     * {@code board}: the wallboard's figures, the same document {@code GET /api/queues} serves
     * (see {@link acd.core.metrics.QueueReports}).
     */
    record Board(Map<String, Object> report) implements SeatNotice {
    }

    /**
     * A voicemail reply task as desktops show it. {@code takenBy} is null while nobody has it,
     * {@code lastOutcome} before the first callback; {@code overdue}: open past its due time.
     */
    record TaskRow(long task, String callerNumber, String queue, String tier, String brand, long leftMs, long dueMs,
                   boolean overdue, String takenBy, int attempts, String lastOutcome) {
    }

    /** {@code tasks}: the open reply tasks, VIP first, then the oldest message. */
    record Tasks(long timeMs, List<TaskRow> tasks) implements SeatNotice {
        public Tasks {
            tasks = List.copyOf(tasks);
        }
    }

    /** {@code task}: one task as a step left it ({@code action} is the request that changed it). */
    record Task(String action, TaskRow task) implements SeatNotice {
    }

    /**
     * A work order as desktops show it. Names are the wire's ({@code follow-up}, {@code in-progress},
     * {@code hand-off}); {@code grade} and {@code gradeLabel} are null but for a complaint,
     * {@code nextDue} null once every deadline is met, {@code overdue} the steps past their
     * deadline, earliest first. {@code agent} is who talked with the customer on {@code call}.
     */
    record OrderRow(long order, String kind, String grade, String gradeLabel, String state, String customer,
                    String call, String queue, String tier, String brand, String agent, String summary,
                    String assignee,
                    String openedBy, long openedMs, String nextDue, long nextDueMs, List<String> overdue,
                    long closedMs) {
        public OrderRow {
            overdue = List.copyOf(overdue);
        }
    }

    /** {@code orders}: open orders, the earliest due first; or a customer's latest ({@code customer} set). */
    record Orders(long timeMs, String customer, List<OrderRow> orders) implements SeatNotice {
        public Orders {
            orders = List.copyOf(orders);
        }
    }

    /** {@code order}: one order as a step left it ({@code action} is the request, or the step, that changed it). */
    record Order(String action, OrderRow order) implements SeatNotice {
    }

    /** One step of an order's record. */
    record OrderStepRow(String step, String actor, String note, long atMs) {
    }

    /** {@code orderHistory}: every step of an order, oldest first. */
    record OrderHistory(long order, List<OrderStepRow> steps) implements SeatNotice {
        public OrderHistory {
            steps = List.copyOf(steps);
        }
    }

    /**
     * {@code report}: a service-level report, its period, days and rows (see the protocol
     * document), as the report's own plain map.
     */
    record Report(Map<String, Object> report) implements SeatNotice {
    }

    /** {@code reportCsv}: a service-level report of days {@code from} to {@code to} as CSV. */
    record ReportCsv(String period, String from, String to, String csv) implements SeatNotice {
    }

    /** {@code ordersCsv}: the orders opened from {@code from} to {@code to} (days), as CSV. */
    record OrdersCsv(String from, String to, int orders, String csv) implements SeatNotice {
    }

    /** {@code orderEscalated}: pushed to supervisors when an overdue step raises a complaint's grade. */
    record OrderEscalated(OrderRow order) implements SeatNotice {
    }

    /**
     * A call drawn for quality review as desks show it. {@code score}, {@code note} and
     * {@code scoredBy} are null before the first score; {@code redo}: the score is below the
     * redo mark, and {@code redoClosedBy} the team lead who closed it (null while open).
     */
    record QaRow(long item, String day, String call, String agent, String queue, String tier, String brand,
                 String callerNumber, long connectedMs, long talkSeconds, Integer score, String note, String scoredBy,
                 long scoredMs, boolean redo, String redoClosedBy, String redoNote) {
    }

    /** {@code qaSample}: a day's sample ({@code drawn} false, and no items, before the day is drawn). */
    record QaSampleList(String day, boolean drawn, List<QaRow> items) implements SeatNotice {
        public QaSampleList {
            items = List.copyOf(items);
        }
    }

    /** {@code qaItem}: one sample item as a step left it ({@code action} is the request that changed it). */
    record QaItem(String action, QaRow item) implements SeatNotice {
    }

    /** {@code qaRedo}: pushed to supervisors when a score flags a call to be redone. */
    record QaRedo(QaRow item) implements SeatNotice {
    }

    /** {@code qaRedos}: the redos no team lead has closed, oldest score first. */
    record QaRedos(List<QaRow> items) implements SeatNotice {
        public QaRedos {
            items = List.copyOf(items);
        }
    }

    /** {@code recording}: where to hear a call's recording, until {@code expiresMs}. */
    record RecordingPass(String call, String url, long expiresMs) implements SeatNotice {
    }
}
