package acd.cti.ivr;

import acd.cti.agi.AgiChannel;
import acd.cti.agi.AgiException;
import acd.cti.agi.AgiHangupException;
import acd.cti.agi.AgiScript;
import acd.cti.agi.codec.AgiReply;
import acd.cti.agi.codec.AgiRequest;
import acd.cti.audit.AuditEvent;
import acd.cti.audit.AuditTrail;
import acd.cti.flow.AsteriskCallFlow;
import acd.ivr.customer.CallerNumbers;
import acd.ivr.customer.CustomerDirectory;
import acd.ivr.customer.CustomerProfile;
import acd.ivr.menu.ActionKind;
import acd.ivr.menu.Caller;
import acd.ivr.menu.IvrCall;
import acd.ivr.menu.IvrFigures;
import acd.ivr.menu.IvrMenu;
import acd.ivr.menu.Reply;
import acd.ivr.menu.SelfServiceDesk;
import acd.ivr.menu.Step;
import acd.ivr.menu.SurveyCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The {@code /ivr} and {@code /survey} FastAGI scripts: each runs one caller through the menu,
 * turning every {@link Step} into AGI commands and the answers into {@link Reply}s. Nothing
 * blocks the connection's event loop: directory look-ups and self-service actions (a database,
 * a CRM) run on {@code blocking}, and the dialogue goes on when they answer.
 *
 * <p>A caller who hangs up ends the menu where it stands: the interpreter has emitted no change
 * before the caller's final confirmation, so nothing is left half done.
 */
public final class IvrScripts {
    private static final Logger LOG = LoggerFactory.getLogger(IvrScripts.class);
    /** Keys that cut a prompt short in a collect step: what the caller pressed counts. */
    private static final String ALL_KEYS = "0123456789*#";
    /** What GET DATA plays when the caller already pressed a key during an earlier prompt. */
    private static final String SILENCE = "silence/1";

    /** Channel variables the hand-over leaves for the survey after the call. */
    public static final String QUEUE_VARIABLE = "ACD_QUEUE";
    public static final String TIER_VARIABLE = "ACD_TIER";
    public static final String LANGUAGE_VARIABLE = AsteriskCallFlow.LANGUAGE_VARIABLE;
    public static final String SURVEY_VARIABLE = "ACD_SURVEY";

    private final IvrMenu menu;
    private final SelfServiceDesk desk;
    private final CustomerDirectory directory;
    private final CallerNumbers callerNumbers;
    private final AsteriskCallFlow flow;
    private final IvrFigures figures;
    private final Executor blocking;
    private final LongSupplier clockMs;
    private final String defaultTier;
    private final AuditTrail audit;
    private final java.util.Set<String> missingSounds = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param blocking    runs directory look-ups and self-service actions, which may block
     * @param defaultTier the tier id recorded for callers the directory does not know
     * @param callerNumbers how caller ids are written before the caller is looked up and served
     * @param audit       where wrong recharge PINs and the lock-out after them are kept
     */
    public IvrScripts(IvrMenu menu, SelfServiceDesk desk, CustomerDirectory directory, CallerNumbers callerNumbers,
                      AsteriskCallFlow flow, IvrFigures figures, Executor blocking, LongSupplier clockMs,
                      String defaultTier, AuditTrail audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.menu = Objects.requireNonNull(menu, "menu");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.callerNumbers = Objects.requireNonNull(callerNumbers, "callerNumbers");
        this.flow = Objects.requireNonNull(flow, "flow");
        this.figures = Objects.requireNonNull(figures, "figures");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
        this.defaultTier = defaultTier;
    }

    /** {@code AGI(agi://acd/ivr)}: classify the caller, run the menu, hand over to a queue or hang up. */
    public AgiScript menuScript() {
        return new Session(false);
    }

    /** {@code AGI(agi://acd/survey)}: the post-call survey, about the call the channel variables name. */
    public AgiScript surveyScript() {
        return new Session(true);
    }

    /** One caller's time in the menu or the survey. */
    private final class Session implements AgiScript {
        private final boolean survey;
        private AgiRequest request;
        private AgiChannel channel;
        private CustomerProfile profile = CustomerProfile.UNKNOWN;
        private IvrCall call;

        Session(boolean survey) {
            this.survey = survey;
        }

        @Override
        public void start(AgiRequest request, AgiChannel channel) {
            this.request = request;
            this.channel = channel;
            CompletionStage<IvrCall> begun = survey ? beginSurvey() : beginCall();
            begun.thenCompose(started -> {
                call = started;
                return run(started.current());
            }).whenComplete((done, failure) -> finish(failure));
        }

        private CompletionStage<IvrCall> beginCall() {
            String number = callerNumbers.normalise(request.callerId());
            return CompletableFuture.supplyAsync(() -> lookUp(number), blocking).thenApply(found -> {
                profile = found;
                String dialled = request.extension();
                if (!menu.knows(dialled)) {
                    LOG.info("call from {} to {}, a number config/ivr.yaml does not name: it starts at '{}'",
                            request.channel(), dialled, menu.start());
                }
                return menu.startCall(new Caller(request.uniqueId(), number, found), dialled, clockMs.getAsLong());
            });
        }

        private CustomerProfile lookUp(String number) {
            try {
                CustomerProfile found = directory.find(number);
                if (found == null) {
                    found = CustomerProfile.UNKNOWN;
                }
                // Unknown callers are the default tier's, for the figures as for the engine.
                return found.tier() != null || defaultTier == null ? found
                        : new CustomerProfile(defaultTier, found.brand(), found.accountManager(), found.language());
            } catch (RuntimeException e) {
                // The caller still gets the menu and a person, as an unknown caller would.
                LOG.warn("customer directory failed for a caller on {}: {}; treated as unknown", request.channel(),
                        e.toString());
                return new CustomerProfile(defaultTier, null, null, null);
            }
        }

        private CompletionStage<IvrCall> beginSurvey() {
            CompletionStage<Optional<String>> callId = channel.variableValue(AsteriskCallFlow.CALL_ID_VARIABLE);
            CompletionStage<Optional<String>> queue = channel.variableValue(QUEUE_VARIABLE);
            CompletionStage<Optional<String>> tier = channel.variableValue(TIER_VARIABLE);
            CompletionStage<Optional<String>> language = channel.variableValue(LANGUAGE_VARIABLE);
            return callId.thenCombine(queue, (c, q) -> new String[]{c.orElse(request.uniqueId()), q.orElse(null)})
                    .thenCombine(tier, (cq, t) -> new String[]{cq[0], cq[1], t.orElse(null)})
                    .thenCombine(language, (cqt, l) -> menu.startSurvey(new SurveyCaller(cqt[0], callerNumbers.normalise(request.callerId()),
                            cqt[1], cqt[2], l.filter(menu::speaks).orElse(null)), clockMs.getAsLong()));
        }

        /** Performs steps until the menu is over; the last step (hand-over or hang-up) is carried out too. */
        private CompletionStage<Void> run(Step step) {
            if (call.isOver()) {
                return last(step);
            }
            return perform(step)
                    .exceptionally(this::hungUpOrFail)
                    .thenCompose(reply -> run(call.next(reply)));
        }

        private Reply hungUpOrFail(Throwable failure) {
            Throwable cause = unwrap(failure);
            if (cause instanceof AgiHangupException) {
                return Reply.hungUp(clockMs.getAsLong());
            }
            throw new CompletionException(cause);
        }

        private CompletionStage<Reply> perform(Step step) {
            if (step instanceof Step.Play play) {
                return playAll(play.sounds().iterator(), "").thenApply(key -> Reply.done(clockMs.getAsLong()));
            } else if (step instanceof Step.Collect collect) {
                return collect(collect);
            } else if (step instanceof Step.SetVariable set) {
                return channel.setVariable(set.name(), set.value()).thenApply(r -> Reply.done(clockMs.getAsLong()));
            } else if (step instanceof Step.Action action) {
                return CompletableFuture.supplyAsync(() -> (Reply) desk.perform(action), blocking)
                        .thenApply(reply -> {
                            auditPin(action, reply);
                            return reply;
                        });
            }
            throw new IllegalStateException("the menu asked for " + step + " before it was over");
        }

        /**
         * A wrong recharge PIN is a failed login of the phone, and the lock-out after too many is
         * one too: both go to the audit log, with the caller's number, never the card or the PIN.
         */
        private void auditPin(Step.Action action, Reply reply) {
            if (action.kind() == ActionKind.IDENTIFY && reply instanceof Reply.Outcome outcome) {
                auditServicePin(action, outcome);
                return;
            }
            if (action.kind() != ActionKind.RECHARGE || !(reply instanceof Reply.Outcome outcome)) {
                return;
            }
            String who = "caller " + callerNumbers.normalise(request.callerId());
            String from = request.channel();
            long now = System.currentTimeMillis();
            if ("wrong-pin".equals(outcome.key())) {
                String left = outcome.values().get("attemptsLeft");
                audit.record(new AuditEvent(now, AuditEvent.LOGIN_FAILED, who, from, "recharge PIN",
                        AuditEvent.REFUSED_OUTCOME, "wrong PIN (" + left + " attempts left)"));
                if ("0".equals(left)) {
                    audit.record(new AuditEvent(now, AuditEvent.LOCK_OUT, who, from, "recharge PIN",
                            AuditEvent.REFUSED_OUTCOME, "too many wrong PINs; recharge locked"));
                }
            } else if ("locked-out".equals(outcome.key())) {
                audit.record(new AuditEvent(now, AuditEvent.REFUSED, who, from, "recharge PIN",
                        AuditEvent.REFUSED_OUTCOME, "recharge locked for " + outcome.values().get("lockedMinutes")
                        + " more minutes"));
            }
        }

        /**
         * A service PIN given for an account is a login to it: a wrong one, the lock-out it
         * earns and a try while locked are audited with the caller's number and the account,
         * never the PIN.
         */
        private void auditServicePin(Step.Action action, Reply.Outcome outcome) {
            String pin = action.argument("servicePin");
            if (pin == null || pin.isEmpty()) {
                return;
            }
            String who = "caller " + callerNumbers.normalise(request.callerId());
            String account = action.argument("account");
            String what = "service PIN of " + (account == null || account.isEmpty() ? action.argument("number") : account);
            String from = request.channel();
            long now = System.currentTimeMillis();
            String left = outcome.values().get("attemptsLeft");
            switch (outcome.key()) {
                case "ok" -> audit.record(new AuditEvent(now, AuditEvent.LOGIN, who, from, what,
                        AuditEvent.DONE, "identified for account business"));
                case "wrong-pin" -> audit.record(new AuditEvent(now, AuditEvent.LOGIN_FAILED, who, from, what,
                        AuditEvent.REFUSED_OUTCOME, "wrong PIN (" + left + " attempts left)"));
                case "locked-out" -> {
                    if ("0".equals(left)) {
                        audit.record(new AuditEvent(now, AuditEvent.LOGIN_FAILED, who, from, what,
                                AuditEvent.REFUSED_OUTCOME, "wrong PIN (0 attempts left)"));
                        audit.record(new AuditEvent(now, AuditEvent.LOCK_OUT, who, from, what,
                                AuditEvent.REFUSED_OUTCOME, "too many wrong PINs; the account's self-service locked"));
                    } else {
                        audit.record(new AuditEvent(now, AuditEvent.REFUSED, who, from, what, AuditEvent.REFUSED_OUTCOME,
                                "the account's self-service locked for " + outcome.values().get("lockedMinutes")
                                        + " more minutes"));
                    }
                }
                default -> {
                }
            }
        }

        /** Plays the prompts in turn; a key in {@code escape} stops them and is returned. */
        private CompletionStage<Optional<Character>> playAll(Iterator<String> sounds, String escape) {
            if (!sounds.hasNext()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            String sound = sounds.next();
            return channel.streamFile(sound, escape).thenCompose(reply -> {
                if (reply.resultAsInt().orElse(0) < 0) {
                    // -1 is a hang-up part way through (endpos > 0), or a sound Asterisk does not
                    // have (endpos 0): the menu goes on without it, and the log says so once.
                    if (channel.isHungUp() || reply.endpos().orElse(0) > 0) {
                        throw new CompletionException(new AgiHangupException("the caller hung up during " + sound));
                    }
                    missingSound(sound);
                }
                Optional<Character> key = reply.digit();
                return key.isPresent() ? CompletableFuture.completedFuture(key) : playAll(sounds, escape);
            });
        }

        /**
         * All prompts but the last may be cut short by a key; the last is GET DATA's own. A key
         * pressed early is the first digit, and GET DATA then collects the rest after silence.
         */
        private CompletionStage<Reply> collect(Step.Collect collect) {
            List<String> prompts = collect.prompts();
            List<String> leading = prompts.isEmpty() ? List.of() : prompts.subList(0, prompts.size() - 1);
            String last = prompts.isEmpty() ? SILENCE : prompts.get(prompts.size() - 1);
            return playAll(leading.iterator(), ALL_KEYS).thenCompose(key -> {
                if (key.isPresent() && (collect.maxDigits() <= 1 || key.get() == '#')) {
                    return CompletableFuture.completedFuture(
                            Reply.digits(key.get() == '#' ? "" : key.get().toString(), clockMs.getAsLong()));
                }
                String first = key.map(String::valueOf).orElse("");
                String prompt = key.isPresent() ? SILENCE : last;
                int max = collect.maxDigits() - first.length();
                return listen(prompt, collect.timeoutMs(), max)
                        .thenApply(digits -> Reply.digits(first + digits, clockMs.getAsLong()));
            });
        }

        /**
         * GET DATA answers -1 both when the caller hung up and when Asterisk has no such prompt.
         * A caller who is still there after a -1 met a missing prompt: the keys are collected
         * after a second of silence instead, so a missing file never drops a call.
         */
        private CompletionStage<String> listen(String prompt, long timeoutMs, int maxDigits) {
            return channel.getData(prompt, timeoutMs, maxDigits).thenCompose(reply -> {
                if (!failed(reply)) {
                    return CompletableFuture.completedFuture(reply.result());
                }
                return stillThere().thenCompose(there -> {
                    if (!there || prompt.equals(SILENCE)) {
                        throw new CompletionException(new AgiHangupException("the caller hung up during GET DATA"));
                    }
                    missingSound(prompt);
                    return listen(SILENCE, timeoutMs, maxDigits);
                });
            });
        }

        private boolean failed(AgiReply reply) {
            return reply.result() == null || reply.result().equals("-1");
        }

        /** Whether the caller is still on the line: Asterisk refuses CHANNEL STATUS on a dead channel. */
        private CompletionStage<Boolean> stillThere() {
            if (channel.isHungUp()) {
                return CompletableFuture.completedFuture(false);
            }
            return channel.channelStatus().handle((reply, failure) ->
                    failure == null && reply.resultAsInt().orElse(-1) >= 0 && !channel.isHungUp());
        }

        /** A prompt the PBX does not have is logged once, naming it, and the menu goes on without it. */
        private void missingSound(String sound) {
            if (missingSounds.add(sound)) {
                LOG.warn("IVR sound '{}' did not play on {}: is it installed on the PBX? The menu goes on without it",
                        sound, request.channel());
            }
        }

        private CompletionStage<Void> last(Step step) {
            if (step instanceof Step.HandOver handOver) {
                String tier = profile.tier();
                Map<String, String> variables = new java.util.LinkedHashMap<>();
                variables.put(QUEUE_VARIABLE, handOver.queue());
                if (tier != null) {
                    variables.put(TIER_VARIABLE, tier);
                }
                if (handOver.language() != null) {
                    variables.put(LANGUAGE_VARIABLE, handOver.language());
                }
                if (menu.hasSurvey()) {
                    variables.put(SURVEY_VARIABLE, "1");
                }
                return flow.handOver(request, channel, handOver.queue(), handOver.skills(), handOver.ivrPath(),
                        profile, variables);
            }
            if (channel.isHungUp()) {
                return channel.close();
            }
            return channel.hangup().exceptionally(e -> null).thenCompose(r -> channel.close());
        }

        private void finish(Throwable failure) {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof AgiException) {
                    LOG.warn("IVR on {} ended by the PBX: {}", request.channel(), cause.getMessage());
                } else {
                    LOG.error("IVR on {} failed", request.channel(), cause);
                }
                if (call != null && !call.isOver()) {
                    call.next(Reply.hungUp(clockMs.getAsLong()));
                }
                channel.close();
            }
            if (call != null) {
                call.record().ifPresent(figures::record);
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
