package acd.server.metrics;

import acd.ivr.menu.IvrFigures;
import java.util.function.Supplier;

import acd.core.engine.AgentState;
import acd.core.metrics.ServiceLevelBoard;
import acd.core.metrics.TrafficFigures;
import acd.core.metrics.WaitPercentiles;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.cti.edge.EdgeRefusals;
import acd.server.audit.AuditLogFile;
import acd.server.journal.QueueLogFile;
import acd.server.journal.QueueLogJournal;
import acd.cti.task.TaskFigures;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.SummaryWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;

import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The server's Prometheus metrics. Nothing is counted twice: every metric is a callback that
 * reads the service-level board, the connections or the queue_log when scraped, so the figures
 * are the ones {@code /api/queues} and {@code /api/health} serve. Counts are per queue and tier
 * (sum by queue for a queue's total); ratios and wait quantiles, which do not add up, come per
 * queue and per queue and tier under separate names. A ratio with no calls behind it has no
 * sample, as the API shows null.
 */
public final class ServerMetrics {
    private static final String QUEUE = "queue";
    private static final String TIER = "tier";
    private static final String STATE = "state";
    private static final double[] QUANTILES = {0.5, 0.9, 0.99};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ServiceLevelBoard board;
    private final String[] queueIds;
    private final String[] tierIds;

    /**
     * @param queueLog the queue_log file, or null when there is none
     * @param journal  what writes the queue_log's lines, or null when there is none
     */
    public ServerMetrics(RoutingConfig config, ServiceLevelBoard board, ServerVitals vitals, QueueLogFile queueLog,
                         QueueLogJournal journal) {
        this.board = board;
        this.queueIds = config.queues().stream().map(QueueSpec::id).toArray(String[]::new);
        this.tierIds = config.tiers().stream().map(t -> t.id()).toArray(String[]::new);

        callCounter("acd_calls_offered", "Calls that entered the queue", TrafficFigures::offered);
        callCounter("acd_calls_answered", "Calls a person answered", TrafficFigures::answered);
        callCounter("acd_calls_answered_within_threshold",
                "Calls answered within the queue's service-level threshold", TrafficFigures::answeredWithin);
        callCounter("acd_calls_abandoned", "Callers who hung up before a person answered, short abandons included",
                TrafficFigures::abandoned);
        callCounter("acd_calls_short_abandoned",
                "Abandons shorter than the queue's short-abandon threshold (left out of the service level)",
                TrafficFigures::shortAbandoned);
        callCounter("acd_calls_overflowed", "Calls moved on to another queue", TrafficFigures::overflowed);
        callCounter("acd_calls_timed_out", "Calls released by the queue's max-wait rule", TrafficFigures::timedOut);
        callCounter("acd_calls_refused", "Calls released because nobody who could take them was logged in",
                TrafficFigures::refused);
        callCounter("acd_calls_closed", "Calls that came when their queue was closed (its opening hours): never offered",
                TrafficFigures::closed);
        callCounter("acd_callbacks_offered", "Waiting callers offered a callback that keeps their place",
                TrafficFigures::callbacksOffered);
        callCounter("acd_callbacks_requested", "Waiting callers who took the callback and hung up",
                TrafficFigures::callbacksRequested);
        callCounter("acd_callbacks_reached", "Callbacks the customer answered (then answered calls)",
                TrafficFigures::callbacksReached);
        callCounter("acd_callbacks_not_reached", "Callbacks given up unanswered, left to the desk as reply tasks",
                TrafficFigures::callbacksNotReached);

        queueRatio("acd_queue_service_level_ratio",
                "Answered within threshold / (offered - short abandons), since start", TrafficFigures::serviceLevel);
        queueTierRatio("acd_queue_tier_service_level_ratio",
                "Service level of one tier's calls in the queue, since start", TrafficFigures::serviceLevel);
        queueRatio("acd_queue_answer_rate_ratio", "Answered / offered, since start", TrafficFigures::answerRate);
        queueTierRatio("acd_queue_tier_answer_rate_ratio", "Answer rate of one tier's calls in the queue, since start",
                TrafficFigures::answerRate);
        GaugeWithCallback.builder().name("acd_queue_service_level_target_ratio")
                .help("The queue's service-level target").labelNames(QUEUE)
                .callback(cb -> {
                    for (int q = 0; q < queueIds.length; q++) {
                        cb.call(config.queues().get(q).targetPercent() / 100.0, queueIds[q]);
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("acd_queue_service_level_threshold_seconds")
                .help("Calls answered within this count towards the service level").labelNames(QUEUE)
                .callback(cb -> {
                    for (int q = 0; q < queueIds.length; q++) {
                        cb.call(board.thresholdMs(q) / 1000.0, queueIds[q]);
                    }
                }).register(registry);

        SummaryWithCallback.builder().name("acd_queue_answer_wait_seconds")
                .help("Wait from entering the queue to a person answering, answered calls, since start")
                .labelNames(QUEUE)
                .callback(cb -> {
                    for (int q = 0; q < queueIds.length; q++) {
                        summary(cb, board.waits(q), board.queue(q), queueIds[q]);
                    }
                }).register(registry);
        SummaryWithCallback.builder().name("acd_queue_tier_answer_wait_seconds")
                .help("Wait from entering the queue to a person answering, one tier's answered calls, since start")
                .labelNames(QUEUE, TIER)
                .callback(cb -> {
                    for (int q = 0; q < queueIds.length; q++) {
                        for (int t = 0; t < tierIds.length; t++) {
                            summary(cb, board.waits(q, t), board.queueTier(q, t), queueIds[q], tierIds[t]);
                        }
                    }
                }).register(registry);

        GaugeWithCallback.builder().name("acd_calls_waiting")
                .help("Callers in the queue now: waiting or ringing a seat").labelNames(QUEUE, TIER)
                .callback(cb -> {
                    for (int q = 0; q < queueIds.length; q++) {
                        for (int t = 0; t < tierIds.length; t++) {
                            cb.call(board.waitingNow(q, t), queueIds[q], tierIds[t]);
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("acd_queue_longest_waiting_seconds")
                .help("How long the longest-waiting caller of the queue has waited, now").labelNames(QUEUE)
                .callback(cb -> {
                    for (int q = 0; q < queueIds.length; q++) {
                        cb.call(board.longestWaitingNowMs(q) / 1000.0, queueIds[q]);
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("acd_queue_agents")
                .help("Agents who can take the queue's calls, by state").labelNames(QUEUE, STATE)
                .callback(cb -> {
                    for (int q = 0; q < queueIds.length; q++) {
                        for (AgentState state : AgentState.values()) {
                            cb.call(board.agents(q, state), queueIds[q], stateName(state));
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("acd_agents").help("Agents by state").labelNames(STATE)
                .callback(cb -> {
                    for (AgentState state : AgentState.values()) {
                        cb.call(board.agents(state), stateName(state));
                    }
                }).register(registry);

        gauge("acd_ami_connected", "1 while the AMI session to Asterisk is up", () -> vitals.amiConnected() ? 1 : 0);
        counter("acd_ami_reconnects", "AMI sessions re-established after a loss", vitals::amiReconnects);
        counter("acd_ami_events_dropped", "AMI events dropped on a full event queue", vitals::amiEventsDropped);
        counter("acd_ami_events_malformed", "AMI events that could not be read", vitals::amiEventsMalformed);
        counter("acd_ami_actions_failed", "AMI actions that failed or got no response", vitals::amiActionsFailed);
        gauge("acd_agi_sessions_open", "FastAGI sessions open now", vitals::agiSessionsOpen);
        gauge("acd_calls_in_progress", "Calls the call flow follows now: waiting, ringing or connected",
                vitals::callsInProgress);
        gauge("acd_engine_backlog_events", "Events in the engine's ring not yet applied", vitals::engineBacklog);
        gauge("acd_engine_lag_seconds", "How far the engine's last event time is behind the server clock",
                () -> vitals.engineLagMs() / 1000.0);
        gauge("acd_engine_stopped", "1 once an event has stopped the engine: nothing is routed any more",
                () -> vitals.engineStopped() ? 1 : 0);
        counter("acd_engine_events_not_applied", "Events taken off the ring unapplied since the engine stopped",
                vitals::engineEventsNotApplied);
        if (queueLog != null) {
            counter("acd_queue_log_lines_written", "queue_log lines that reached the file", queueLog::linesWritten);
            counter("acd_queue_log_lines_lost", "queue_log lines that could not be written (hand-off full or "
                    + "file failing at close)", queueLog::linesLost);
            counter("acd_queue_log_write_errors", "Failed attempts to write or sync the queue_log",
                    queueLog::writeErrors);
            gauge("acd_queue_log_pending_lines", "queue_log lines handed over and not yet in the file",
                    queueLog::pendingLines);
        }
        if (journal != null) {
            counter("acd_queue_log_events_failed", "Engine events the queue_log failed to write lines for",
                    journal::failures);
        }
    }

    /**
     * The IVR's figures: calls through the menus per tier (contained, handed to a person, hung
     * up), time spent in them, where callers hung up, and survey answers per queue.
     */
    public void addIvr(Supplier<IvrFigures.Snapshot> ivr) {
        ivrCounter(ivr, "acd_ivr_calls", "Calls that went through the IVR menus, by the caller's tier",
                IvrFigures.CallFigures::calls);
        ivrCounter(ivr, "acd_ivr_calls_contained", "IVR calls that ended without a person (self-service containment)",
                IvrFigures.CallFigures::contained);
        ivrCounter(ivr, "acd_ivr_calls_handed_over", "IVR calls handed to a queue for a person",
                IvrFigures.CallFigures::handedOver);
        ivrCounter(ivr, "acd_ivr_callers_hung_up", "Callers who hung up in the IVR menus",
                IvrFigures.CallFigures::callerHungUp);
        CounterWithCallback.builder().name("acd_ivr_time_seconds").help("Time callers spent in the IVR menus, since start")
                .labelNames(TIER).callback(cb -> ivr.get().byTier().forEach((tier, f) ->
                        cb.call(f.totalMsInIvr() / 1000.0, tier))).register(registry);
        CounterWithCallback.builder().name("acd_ivr_drop_offs").help("Callers who hung up at this menu node, since start")
                .labelNames("node").callback(cb -> ivr.get().dropOffsByNode().forEach((node, n) -> cb.call(n, node)))
                .register(registry);
        surveyCounter(ivr, "acd_survey_offered", "Callers who reached the post-call survey",
                IvrFigures.SurveyFigures::offered);
        surveyCounter(ivr, "acd_survey_answered", "Callers who gave a rating in the post-call survey",
                IvrFigures.SurveyFigures::answered);
        surveyCounter(ivr, "acd_survey_rating_sum", "Sum of the survey ratings given (1..5); / answered = average",
                IvrFigures.SurveyFigures::ratingSum);
        surveyCounter(ivr, "acd_survey_satisfied", "Survey ratings of 4 or 5 (satisfied); / answered = share satisfied",
                IvrFigures.SurveyFigures::satisfied);
    }

    /** The voicemail reply tasks still to answer, and those past their due time. */
    public void addReplyTasks(Supplier<TaskFigures> tasks) {
        GaugeWithCallback.builder().name("acd_reply_tasks_open")
                .help("Voicemail messages not yet answered (open reply tasks)")
                .callback(cb -> cb.call(tasks.get().open())).register(registry);
        GaugeWithCallback.builder().name("acd_reply_tasks_overdue")
                .help("Open reply tasks past their due time (08:00 of the next working day by default)")
                .callback(cb -> cb.call(tasks.get().overdue())).register(registry);
    }

    /** The open work orders and those with a step past its deadline, complaints apart. */
    public void addWorkOrders(Supplier<acd.cti.task.OrderFigures> orders) {
        GaugeWithCallback.builder().name("acd_work_orders_open")
                .help("Open work orders (faults, complaints, questions, follow-ups), complaints apart")
                .labelNames("kind")
                .callback(cb -> {
                    acd.cti.task.OrderFigures f = orders.get();
                    cb.call(f.complaintsOpen(), "complaint");
                    cb.call(f.open() - f.complaintsOpen(), "other");
                }).register(registry);
        GaugeWithCallback.builder().name("acd_work_orders_overdue")
                .help("Open work orders with a step past its deadline, complaints apart")
                .labelNames("kind")
                .callback(cb -> {
                    acd.cti.task.OrderFigures f = orders.get();
                    cb.call(f.complaintsOverdue(), "complaint");
                    cb.call(f.overdue() - f.complaintsOverdue(), "other");
                }).register(registry);
    }

    /** The latest drawn day's quality sample, scored and not, and the redos waiting for a team lead. */
    public void addQuality(Supplier<acd.cti.qa.QualityFigures> quality) {
        GaugeWithCallback.builder().name("acd_quality_sample_calls")
                .help("Calls of the latest drawn day's quality sample, by whether a reviewer has scored them")
                .labelNames("state")
                .callback(cb -> {
                    acd.cti.qa.QualityFigures f = quality.get();
                    cb.call(f.scored(), "scored");
                    cb.call(f.sampled() - f.scored(), "unscored");
                }).register(registry);
        GaugeWithCallback.builder().name("acd_quality_redos_open")
                .help("Calls scored below the redo mark that no team lead has closed yet")
                .callback(cb -> cb.call(quality.get().openRedos())).register(registry);
    }

    /** Refusals at the server's edges by edge and reason, and audit events lost to a stalled disk. */
    public void addEdge(EdgeRefusals refusals, AuditLogFile audit) {
        CounterWithCallback.builder().name("acd_edge_refusals")
                .help("Connections, requests and messages refused or cut off at the HTTP port, the desk and the "
                        + "FastAGI port, by reason")
                .labelNames("edge", "reason")
                .callback(cb -> refusals.forEach((key, n) -> cb.call(n, key.edge(), key.reason())))
                .register(registry);
        CounterWithCallback.builder().name("acd_audit_events_lost")
                .help("Audit events that found the audit log's hand-off full")
                .callback(cb -> cb.call(audit.lost()))
                .register(registry);
    }

    private void ivrCounter(Supplier<IvrFigures.Snapshot> ivr, String name, String help,
                            ToLongFunction<IvrFigures.CallFigures> field) {
        CounterWithCallback.builder().name(name).help(help + ", since start").labelNames(TIER)
                .callback(cb -> ivr.get().byTier().forEach((tier, f) -> cb.call(field.applyAsLong(f), tier)))
                .register(registry);
    }

    private void surveyCounter(Supplier<IvrFigures.Snapshot> source, String name, String help,
                               ToLongFunction<IvrFigures.SurveyFigures> field) {
        CounterWithCallback.builder().name(name).help(help + ", since start").labelNames(QUEUE)
                .callback(cb -> source.get().surveysByQueue().forEach((queue, f) ->
                        cb.call(field.applyAsLong(f), queue)))
                .register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Label value of an agent state, as the JSON API names it: {@code not-ready}, {@code wrap-up}. */
    public static String stateName(AgentState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void callCounter(String name, String help, ToLongFunction<TrafficFigures> field) {
        CounterWithCallback.builder().name(name).help(help + ", since start").labelNames(QUEUE, TIER)
                .callback(cb -> {
                    for (int q = 0; q < queueIds.length; q++) {
                        for (int t = 0; t < tierIds.length; t++) {
                            cb.call(field.applyAsLong(board.queueTier(q, t)), queueIds[q], tierIds[t]);
                        }
                    }
                }).register(registry);
    }

    private void queueRatio(String name, String help, ToDoubleFunction<TrafficFigures> ratio) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(QUEUE)
                .callback(cb -> {
                    for (int q = 0; q < queueIds.length; q++) {
                        double value = ratio.applyAsDouble(board.queue(q));
                        if (Double.isFinite(value)) {
                            cb.call(value, queueIds[q]);
                        }
                    }
                }).register(registry);
    }

    private void queueTierRatio(String name, String help, ToDoubleFunction<TrafficFigures> ratio) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(QUEUE, TIER)
                .callback(cb -> {
                    for (int q = 0; q < queueIds.length; q++) {
                        for (int t = 0; t < tierIds.length; t++) {
                            double value = ratio.applyAsDouble(board.queueTier(q, t));
                            if (Double.isFinite(value)) {
                                cb.call(value, queueIds[q], tierIds[t]);
                            }
                        }
                    }
                }).register(registry);
    }

    /** Quantiles from the board's HdrHistogram; the sum from its exact wait total. */
    private static void summary(SummaryWithCallback.Callback cb, WaitPercentiles waits, TrafficFigures figures,
                                String... labels) {
        double sumSeconds = figures.answered() > 0
                ? figures.averageSpeedOfAnswerMs() * figures.answered() / 1000.0 : 0;
        Quantiles quantiles = Quantiles.EMPTY;
        if (waits.count() > 0) {
            long[] valuesMs = {waits.p50Ms(), waits.p90Ms(), waits.p99Ms()};
            Quantile[] q = new Quantile[QUANTILES.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = new Quantile(QUANTILES[i], valuesMs[i] / 1000.0);
            }
            quantiles = Quantiles.of(q);
        }
        cb.call(waits.count(), sumSeconds, quantiles, labels);
    }

    private void gauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble()))
                .register(registry);
    }

    private void counter(String name, String help, DoubleSupplier value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble()))
                .register(registry);
    }
}
