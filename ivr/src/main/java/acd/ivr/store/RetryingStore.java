package acd.ivr.store;

import acd.ivr.customer.CustomerDirectory;
import acd.ivr.customer.CustomerProfile;
import acd.ivr.selfservice.Account;
import acd.ivr.selfservice.Bill;
import acd.ivr.selfservice.FaultKind;
import acd.ivr.selfservice.PinCheck;
import acd.ivr.selfservice.RechargeOutcome;
import acd.ivr.selfservice.SelfService;
import acd.ivr.selfservice.SelfServiceUnavailableException;
import acd.ivr.selfservice.ServiceChangeOutcome;
import acd.ivr.selfservice.ServiceOffer;
import acd.ivr.selfservice.SurveyResponse;
import acd.ivr.selfservice.SurveyStore;
import acd.ivr.selfservice.WorkOrder;
import acd.ivr.qa.AnsweredCall;
import acd.ivr.qa.QaCounts;
import acd.ivr.qa.QaReviews;
import acd.ivr.qa.QaRules;
import acd.ivr.qa.RecordingAccess;
import acd.ivr.qa.SampledCall;
import acd.ivr.task.ReplyOutcome;
import acd.ivr.order.OrderDeadlines;
import acd.ivr.order.WorkOrders;
import acd.ivr.task.ReplyTask;
import acd.ivr.task.ReplyTasks;
import acd.ivr.task.VoicemailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The store as a running server holds it: a database that is not there at start does not stop
 * the hotline. Routing goes on, callers are classified as unknown and hear the sorry prompt in
 * self-service, and the store is opened in the background, every {@code retryEveryMs}, until it
 * comes up; from then on it serves as {@link SelfServiceStore} does (whose own pool rides out
 * later outages).
 */
public final class RetryingStore implements SelfService, SurveyStore, ReplyTasks, QaReviews, CustomerDirectory,
        AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingStore.class);

    private final StoreSettings settings;
    private final StoreSeed seed;
    private final OrderDeadlines deadlines;
    private final ScheduledExecutorService opener;
    private volatile SelfServiceStore store;
    private volatile String lastFailure;
    private volatile boolean closed;

    private RetryingStore(StoreSettings settings, StoreSeed seed, OrderDeadlines deadlines) {
        this.settings = settings;
        this.seed = seed;
        this.deadlines = deadlines;
        this.opener = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "acd-store-opener");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the store now if it can, else keeps trying in the background. Never throws for an unreachable database. */
    public static RetryingStore open(StoreSettings settings, StoreSeed seed, long retryEveryMs) {
        return open(settings, seed, OrderDeadlines.STANDARD, retryEveryMs);
    }

    /** As {@link #open(StoreSettings, StoreSeed, long)}, with work orders due by {@code deadlines}. */
    public static RetryingStore open(StoreSettings settings, StoreSeed seed, OrderDeadlines deadlines,
                                     long retryEveryMs) {
        RetryingStore retrying = new RetryingStore(settings, seed, deadlines);
        if (!retrying.tryOpen()) {
            LOG.error("self-service store unavailable at start ({}); calls are routed, self-service answers "
                    + "'sorry' until it opens; retrying every {} s", retrying.lastFailure, retryEveryMs / 1000.0);
            retrying.opener.scheduleWithFixedDelay(() -> {
                if (retrying.store == null && !retrying.closed && retrying.tryOpen()) {
                    LOG.info("self-service store {} opened", settings.describeDatabase());
                    retrying.opener.shutdown();
                }
            }, retryEveryMs, retryEveryMs, TimeUnit.MILLISECONDS);
        }
        return retrying;
    }

    private synchronized boolean tryOpen() {
        if (closed) {
            return false;
        }
        try {
            store = SelfServiceStore.open(settings, seed, deadlines);
            lastFailure = null;
            return true;
        } catch (SelfServiceUnavailableException e) {
            lastFailure = e.getMessage();
            return false;
        }
    }

    /** The open store, or empty while the database has not been reached. */
    public Optional<SelfServiceStore> store() {
        return Optional.ofNullable(store);
    }

    /**
     * The work orders. They are there as soon as the store opens; until then every step fails as
     * unavailable.
     */
    public WorkOrders workOrders() {
        return new JdbcWorkOrders(() -> required().transactions(), deadlines, settings);
    }

    /**
     * The stored intervals. They are there as soon as the store opens; until then every read and
     * write fails as unavailable.
     */
    public acd.ivr.report.TrafficIntervals intervals() {
        return new JdbcTrafficIntervals(() -> required().transactions());
    }

    private SelfServiceStore required() {
        SelfServiceStore open = store;
        if (open == null) {
            throw new SelfServiceUnavailableException("self-service store " + settings.describeDatabase()
                    + " not open yet: " + lastFailure, null);
        }
        return open;
    }

    @Override
    public CustomerProfile find(String callerNumber) {
        SelfServiceStore open = store;
        return open == null ? CustomerProfile.UNKNOWN : open.customers().find(callerNumber);
    }

    @Override
    public Optional<Account> account(String number) {
        return required().selfService().account(number);
    }

    @Override
    public Optional<Bill> latestBill(String number) {
        return required().selfService().latestBill(number);
    }

    @Override
    public RechargeOutcome recharge(String number, String cardNumber, String pin, String channel, long nowMs) {
        return required().selfService().recharge(number, cardNumber, pin, channel, nowMs);
    }

    @Override
    public PinCheck checkServicePin(String number, String pin, long nowMs) {
        return required().selfService().checkServicePin(number, pin, nowMs);
    }

    @Override
    public WorkOrder reportFault(String number, FaultKind kind, String channel, long nowMs) {
        return required().selfService().reportFault(number, kind, channel, nowMs);
    }

    @Override
    public List<ServiceOffer> services(String number) {
        return required().selfService().services(number);
    }

    @Override
    public ServiceChangeOutcome changeService(String number, String serviceCode, boolean subscribe, String channel,
                                              long nowMs) {
        return required().selfService().changeService(number, serviceCode, subscribe, channel, nowMs);
    }

    @Override
    public void record(SurveyResponse response) {
        required().surveys().record(response);
    }

    @Override
    public List<SurveyResponse> followUps() {
        return required().surveys().followUps();
    }

    @Override
    public ReplyTask leave(VoicemailMessage message) {
        return required().replyTasks().leave(message);
    }

    @Override
    public List<ReplyTask> open() {
        return required().replyTasks().open();
    }

    @Override
    public Optional<ReplyTask> task(long id) {
        return required().replyTasks().task(id);
    }

    @Override
    public ReplyTask take(long id, String agent, long nowMs) {
        return required().replyTasks().take(id, agent, nowMs);
    }

    @Override
    public ReplyTask record(long id, String agent, ReplyOutcome outcome, long nowMs) {
        return required().replyTasks().record(id, agent, outcome, nowMs);
    }

    @Override
    public void answered(AnsweredCall call) {
        required().qaReviews().answered(call);
    }

    @Override
    public List<AnsweredCall> call(String callId) {
        return required().qaReviews().call(callId);
    }

    @Override
    public List<SampledCall> draw(LocalDate day, long fromMs, long toMs, QaRules rules, long nowMs) {
        return required().qaReviews().draw(day, fromMs, toMs, rules, nowMs);
    }

    @Override
    public boolean drawn(LocalDate day) {
        return required().qaReviews().drawn(day);
    }

    @Override
    public QaCounts counts() {
        return required().qaReviews().counts();
    }

    @Override
    public List<SampledCall> sample(LocalDate day) {
        return required().qaReviews().sample(day);
    }

    @Override
    public Optional<SampledCall> item(long id) {
        return required().qaReviews().item(id);
    }

    @Override
    public boolean sampled(String callId) {
        return required().qaReviews().sampled(callId);
    }

    @Override
    public SampledCall score(long id, String reviewer, int score, String note, QaRules rules, long nowMs) {
        return required().qaReviews().score(id, reviewer, score, note, rules, nowMs);
    }

    @Override
    public List<SampledCall> openRedos() {
        return required().qaReviews().openRedos();
    }

    @Override
    public SampledCall closeRedo(long id, String supervisor, String note, long nowMs) {
        return required().qaReviews().closeRedo(id, supervisor, note, nowMs);
    }

    @Override
    public int forgetUnsampled(long beforeMs) {
        return required().qaReviews().forgetUnsampled(beforeMs);
    }

    @Override
    public void accessed(RecordingAccess access) {
        required().qaReviews().accessed(access);
    }

    @Override
    public List<RecordingAccess> accesses(String callId) {
        return required().qaReviews().accesses(callId);
    }

    @Override
    public synchronized void close() {
        closed = true;
        opener.shutdownNow();
        SelfServiceStore open = store;
        if (open != null) {
            open.close();
        }
    }
}
