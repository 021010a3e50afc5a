package acd.cti.flow;

import acd.ivr.customer.CallerNumbers;
import acd.ivr.customer.CustomerDirectory;
import acd.ivr.customer.CustomerProfile;

import acd.core.engine.CallView;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EventType;
import acd.core.engine.ExitReason;
import acd.core.engine.HangupSide;
import acd.core.engine.ReasonCodes;
import acd.core.model.AgentSpec;
import acd.core.model.BusinessHours;
import acd.core.model.CallbackRules;
import acd.core.model.CallbackStrategy;
import acd.core.model.OpeningCalendar;
import acd.core.model.RoutingConfig;
import acd.core.ring.EngineRing;
import acd.cti.agi.AgiChannel;
import acd.cti.agi.AgiScript;
import acd.cti.agi.codec.AgiRequest;
import acd.cti.ami.ChannelSnapshot;
import acd.cti.ami.PbxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The call flow of docs/asterisk.md between Asterisk and the engine. The {@code /acd} AGI script
 * puts callers in line, the {@code /seat} script carries seat feature codes, AMI events say
 * what became of an offer and when calls end, and the engine's directives turn into AMI
 * Setvar and Redirect. Holds connection state (which channel is which call, which seat channel
 * it was dialled to, and which side hung up first) and never routing state; all of it reaches
 * the engine in its events, so nothing downstream follows the PBX itself. After an AMI
 * reconnect it compares its calls with Asterisk's live channels so no caller is forgotten and no
 * seat stays reserved.
 */
public final class AsteriskCallFlow implements DirectiveSink, AutoCloseable {
    public static final String HOLD_CONTEXT = "acd-hold";
    public static final String DELIVER_CONTEXT = "acd-deliver";
    public static final String EXIT_CONTEXT = "acd-exit";
    /** Where a waiting caller hears their place in line, then goes back to the music. */
    public static final String ANNOUNCE_CONTEXT = "acd-announce";
    /** Where a seat called first for a callback dials the customer. */
    public static final String CALLBACK_CONTEXT = "acd-callback";
    /** Where a customer called first for a callback is dialled, over the carrier. */
    public static final String CALLBACK_CUSTOMER_CONTEXT = "acd-callback-customer";
    /** Where a customer called first hears it is their callback, then rings the seat. */
    public static final String CALLBACK_ANSWERED_CONTEXT = "acd-callback-answered";
    /** The channel variable with the language the caller chose; the dialplan reads it too. */
    public static final String LANGUAGE_VARIABLE = "ACD_LANGUAGE";
    /** The language of callers who chose none (the dialplan's default too). */
    public static final String DEFAULT_LANGUAGE = "zh";
    /** Where the caller waits on music while the agent consults a colleague. */
    public static final String CONSULT_HOLD_CONTEXT = "acd-consult-hold";
    /** Where the agent's own channel rings the colleague consulted. */
    public static final String CONSULT_CONTEXT = "acd-consult";
    /** A caller between bridges (on hold during a consultation): no bridge they leave says who hung up. */
    private static final String BETWEEN_BRIDGES = "";
    /** The voicemail context of the shipped voicemail.conf: one box per queue, named by the queue's id. */
    public static final String VOICEMAIL_CONTEXT = "acd";

    private static final Logger LOG = LoggerFactory.getLogger(AsteriskCallFlow.class);

    private final RoutingConfig config;
    private final EngineInbox engine;
    private final PbxActions pbx;
    private final CustomerDirectory directory;
    private final CallerNumbers callerNumbers;
    private final LongSupplier clockMs;
    private final Map<String, CallLeg> byUniqueId = new ConcurrentHashMap<>();
    private final Map<Long, CallLeg> byCallId = new ConcurrentHashMap<>();
    private final Map<String, CallLeg> bySeatUniqueId = new ConcurrentHashMap<>();
    /** Callbacks under way, by the Uniqueid the server gave the channel it originated. */
    private final Map<String, CallLeg> byOriginated = new ConcurrentHashMap<>();
    private final Map<String, Integer> agentByEndpoint = new HashMap<>();
    private final AtomicLong callIds = new AtomicLong();
    private final AtomicLong recoveredCalls = new AtomicLong();
    /** AMI actions leave the engine thread here: a slow socket must never stall routing. */
    private final java.util.concurrent.ScheduledExecutorService actions = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "acd-pbx-actions");
        t.setDaemon(true);
        return t;
    });
    /** How often, and how far apart, a delivery Asterisk refused is sent again while the offer stands. */
    private static final int DELIVERY_RETRIES = 5;
    private static final long DELIVERY_RETRY_MS = 200;

    /** @param callerNumbers how caller ids are written before the directory is asked and the engine told */
    public AsteriskCallFlow(RoutingConfig config, EngineInbox engine, PbxActions pbx, CustomerDirectory directory,
                            CallerNumbers callerNumbers, LongSupplier clockMs) {
        this.config = config;
        this.engine = engine;
        this.pbx = pbx;
        this.directory = directory;
        this.callerNumbers = callerNumbers;
        this.clockMs = clockMs;
        for (int a = 0; a < config.agents().size(); a++) {
            agentByEndpoint.put(config.agents().get(a).endpoint().toLowerCase(Locale.ROOT), a);
        }
    }

    /** The queues' opening hours, for what a caller to a closed queue hears. */
    private volatile BusinessHours hours = BusinessHours.ALWAYS_OPEN;

    /** Sets the opening hours callers to a closed queue hear; at start and on each reload. */
    public void useHours(BusinessHours hours) {
        this.hours = Objects.requireNonNull(hours, "hours");
    }

    /** The opening hours in force. */
    public BusinessHours hours() {
        return hours;
    }

    /** Calls the adapter is following: waiting, ringing or connected. */
    public int callsInProgress() {
        return byCallId.size();
    }

    /** Calls found waiting in Asterisk after a reconnect that the server did not know. */
    public long recoveredCalls() {
        return recoveredCalls.get();
    }

    // ------------------------------------------------------------------ AGI: /acd

    /** The {@code /acd} script: classify the caller, mark the channel queued, hand the call to the engine. */
    public AgiScript queueScript() {
        return new AgiScript() {
            @Override
            public void start(AgiRequest request, AgiChannel channel) {
                List<String> args = request.arguments();
                String queue = args.isEmpty() ? "" : args.get(0);
                List<String> skills = args.size() > 1 ? List.of(args.get(1).split("&")) : List.of();
                handOver(request, channel, queue, skills, String.join("-", args),
                        directory.find(callerNumbers.normalise(request.callerId())), Map.of());
            }
        };
    }

    /** The channel variable holding the engine's call id (the survey reads it after the call). */
    public static final String CALL_ID_VARIABLE = "ACD_CALL_ID";

    /**
     * Puts the caller of this AGI session in line: sets {@code ACD_CALL_ID}, the given
     * variables and {@code ACD_QUEUED=1} on the channel, ends the session (the dialplan holds
     * the caller on music) and gives the call to the engine. An unknown queue or skill is
     * logged and replaced by the first queue, or left out.
     *
     * @param ivrPath   how the caller got here, shown to the seat
     * @param variables more channel variables to set first, e.g. for the survey after the call
     * @return completes when the session is over, whether or not the caller was still there
     */
    public CompletionStage<Void> handOver(AgiRequest request, AgiChannel channel, String queueId,
                                          List<String> skills, String ivrPath, CustomerProfile profile,
                                          Map<String, String> variables) {
        int queue = queueFor(queueId, request);
        long extraSkills = skillsFor(skills, request);
        CallLeg leg = new CallLeg(callIds.incrementAndGet(), request.uniqueId(), request.channel(),
                callerNumbers.normalise(request.callerId()));
        leg.language = variables.getOrDefault(LANGUAGE_VARIABLE, profile.language());
        byUniqueId.put(leg.uniqueId, leg);
        byCallId.put(leg.callId, leg);
        CompletionStage<?> set = channel.setVariable(CALL_ID_VARIABLE, Long.toString(leg.callId));
        for (Map.Entry<String, String> v : variables.entrySet()) {
            set = set.thenCompose(r -> channel.setVariable(v.getKey(), v.getValue()));
        }
        CompletableFuture<Void> over = new CompletableFuture<>();
        set.thenCompose(r -> channel.setVariable("ACD_QUEUED", "1"))
                .thenCompose(r -> channel.close())
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        // Gone before reaching the line: never offered, so no abandon either.
                        // End the AGI session now rather than leave it to the idle timeout.
                        forget(leg);
                        channel.close().whenComplete((c, f) -> over.complete(null));
                        return;
                    }
                    arrive(leg, queue, profile, extraSkills, ivrPath);
                    over.complete(null);
                });
        return over;
    }

    private int queueFor(String queueId, AgiRequest request) {
        if (!queueId.isBlank()) {
            int q = config.queueIndex(queueId.strip());
            if (q >= 0) {
                return q;
            }
            LOG.warn("AGI /acd from {} asked for unknown queue '{}'; using '{}'", request.channel(), queueId,
                    config.queues().get(0).id());
        }
        return 0;
    }

    private long skillsFor(List<String> skills, AgiRequest request) {
        long mask = 0;
        for (String skill : skills) {
            if (skill.isBlank()) {
                continue;
            }
            int s = config.skills().indexOf(skill.strip());
            if (s < 0) {
                LOG.warn("AGI /acd from {} asked for unknown skill '{}'; ignored", request.channel(), skill);
            } else {
                mask |= 1L << s;
            }
        }
        return mask;
    }

    private void arrive(CallLeg leg, int queue, CustomerProfile profile, long extraSkills, String ivrPath) {
        int tier = profile.tier() == null ? -1 : config.tierIndex(profile.tier());
        int brand = profile.brand() == null ? -1 : config.brandIndex(profile.brand());
        int manager = profile.accountManager() == null ? -1 : config.agentIndex(profile.accountManager());
        synchronized (leg) {
            leg.arrived = true;
            long now = clockMs.getAsLong();
            engine.publish(e -> e.callArrived(now, leg.callId, queue, tier, brand, manager, extraSkills,
                    leg.callerNumber, ivrPath, leg.uniqueId));
            if (leg.finished) {
                // Hung up between joining the line and the engine hearing of it: still a caller
                // who was in line and left, so the engine must hear of the end (an abandon), not nothing.
                engine.publish(e -> e.callEnded(now, leg.callId, HangupSide.UNKNOWN));
                forget(leg);
            }
        }
    }

    // ------------------------------------------------------------------ AGI: /seat

    /** The {@code /seat} script: feature codes from a seat phone, the agent known by caller id. */
    public AgiScript seatScript() {
        return (request, channel) -> {
            String agentId = request.callerId();
            int agent = config.agentIndex(agentId);
            List<String> args = request.arguments();
            String action = args.isEmpty() ? "" : args.get(0).strip().toLowerCase(Locale.ROOT);
            EventType type = switch (action) {
                case "login" -> EventType.AGENT_LOGGED_IN;
                case "logout" -> EventType.AGENT_LOGGED_OUT;
                case "ready" -> EventType.AGENT_READY;
                case "notready" -> EventType.AGENT_NOT_READY;
                case "wrapup-done" -> EventType.WRAP_UP_DONE;
                default -> null;
            };
            if (agent < 0 || type == null) {
                LOG.warn("seat feature '{}' from {} ({}) refused: {}", action, agentId, request.channel(),
                        agent < 0 ? "no agent with that id" : "unknown action");
                channel.streamFile("beeperr", "").whenComplete((r, f) -> channel.close());
                return;
            }
            int reason = ReasonCodes.UNSPECIFIED;
            if (type == EventType.AGENT_NOT_READY && args.size() > 1) {
                try {
                    int n = Integer.parseInt(args.get(1).strip());
                    if (n >= 1 && n <= config.notReadyReasons().size()) {
                        reason = ReasonCodes.FIRST_CONFIGURED + n - 1;
                    }
                } catch (NumberFormatException e) {
                    LOG.warn("seat {} gave not-ready reason '{}', not a number", agentId, args.get(1));
                }
            }
            int reasonCode = reason;
            long now = clockMs.getAsLong();
            engine.publish(e -> e.agentEvent(type, now, agent, reasonCode));
            channel.streamFile("beep", "").whenComplete((r, f) -> channel.close());
        };
    }

    // ------------------------------------------------------------------ AGI: /transfer

    /** How long the agent has to key the colleague or queue after the transfer code. */
    private static final long TRANSFER_KEYS_WAIT_MS = 6_000;
    private static final int TRANSFER_KEYS_MAX = 8;

    /**
     * The {@code /transfer} script: a transfer keyed on the seat's phone during a call (the
     * features.conf codes run it on the seat's channel, the caller on music meanwhile). The
     * argument says which: {@code blind} and {@code consult} take the agent's id of a colleague,
     * or 0 and a queue's number in routing.yaml's order, ended by #; {@code back} ends a
     * consultation and gives the agent the caller again. The engine checks the rest as it does
     * the desk's, and the call stays where it was when it refuses.
     */
    public AgiScript transferScript() {
        return (request, channel) -> {
            List<String> args = request.arguments();
            String kind = args.isEmpty() ? "" : args.get(0).strip().toLowerCase(Locale.ROOT);
            int agent = agentOfChannel(request.channel());
            CallLeg leg = bySeatUniqueId.get(request.uniqueId());
            if (agent < 0 || leg == null || !List.of("blind", "consult", "back").contains(kind)) {
                LOG.warn("transfer '{}' keyed on {} refused: {}", kind, request.channel(), agent < 0 ? "not a seat"
                        : leg == null ? "not on a call of the ACD" : "unknown kind of transfer");
                channel.streamFile("beeperr", "").whenComplete((r, f) -> channel.close());
                return;
            }
            if (kind.equals("back")) {
                channel.close().whenComplete((r, f) -> engine.publish(e -> e.consultCancelled(clockMs.getAsLong(),
                        leg.callId, agent)));
                return;
            }
            channel.getData("beep", TRANSFER_KEYS_WAIT_MS, TRANSFER_KEYS_MAX).whenComplete((reply, failure) -> {
                int[] target = failure == null ? transferTarget(reply.result()) : null;
                if (target == null) {
                    LOG.warn("transfer keyed on {} refused: '{}' is neither an agent's id nor 0 and a queue's number",
                            request.channel(), failure == null ? reply.result() : "");
                    channel.streamFile("beeperr", "").whenComplete((r, f) -> channel.close());
                    return;
                }
                LOG.info("agent {} keyed a {} transfer of {} to {}", config.agents().get(agent).id(), kind, leg,
                        target[1] >= 0 ? "agent " + config.agents().get(target[1]).id()
                                : "queue " + config.queues().get(target[0]).id());
                channel.close().whenComplete((r, f) -> engine.publish(e -> {
                    long now = clockMs.getAsLong();
                    if (kind.equals("blind")) {
                        e.callTransferred(now, leg.callId, agent, target[0], 0, target[1]);
                    } else {
                        e.consultStarted(now, leg.callId, agent, target[0], 0, target[1]);
                    }
                }));
            });
        };
    }

    /**
     * The keys as {queue or -1, colleague or -1}: an agent's id, or 0 and a queue's number from 1;
     * null when neither.
     */
    private int[] transferTarget(String keys) {
        String digits = keys == null ? "" : keys.strip();
        int agent = digits.isEmpty() ? -1 : config.agentIndex(digits);
        if (agent >= 0) {
            return new int[] {-1, agent};
        }
        if (digits.length() > 1 && digits.charAt(0) == '0' && digits.chars().allMatch(Character::isDigit)
                && digits.length() < 5) {
            int queue = Integer.parseInt(digits.substring(1)) - 1;
            if (queue >= 0 && queue < config.queues().size()) {
                return new int[] {queue, -1};
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ AGI: /callback

    /** How long the caller has to press after the callback offer. */
    private static final long CALLBACK_KEY_WAIT_MS = 5_000;

    /**
     * The {@code /callback} script: says the caller's place and the callback offer (set by the
     * last announcement) and waits for key 1. A caller who presses it hears their place is kept
     * and is hung up; the engine keeps their place and calls them when it comes up. Any other
     * key, or none, takes them back to the music. A seat meanwhile takes them away at once.
     */
    public AgiScript callbackScript() {
        return (request, channel) -> {
            List<String> args = request.arguments();
            CallLeg leg = null;
            try {
                leg = args.isEmpty() ? null : byCallId.get(Long.parseLong(args.get(0).strip()));
            } catch (NumberFormatException e) {
                // reported below
            }
            String sounds = leg == null ? null : leg.offerSounds;
            if (leg == null || sounds == null || !request.uniqueId().equals(leg.uniqueId)) {
                LOG.warn("AGI /callback from {} for call '{}' refused: not a waiting caller offered a callback",
                        request.channel(), args.isEmpty() ? "" : args.get(0));
                channel.close();
                return;
            }
            CallLeg caller = leg;
            // GET DATA plays one sound: the sounds before the last are played one by one, key 1 cutting them short.
            List<String> parts = List.of(sounds.split("&"));
            keyDuring(channel, parts.subList(0, parts.size() - 1).iterator()).thenCompose(key -> key
                    ? CompletableFuture.completedFuture(true)
                    : channel.getData(parts.get(parts.size() - 1), CALLBACK_KEY_WAIT_MS, 1)
                            .thenApply(reply -> "1".equals(reply.result()))).whenComplete((pressed, failure) -> {
                boolean accepted = failure == null && pressed;
                synchronized (caller) {
                    accepted &= !caller.finished && caller.offeredAgent < 0 && !caller.callback;
                    if (accepted) {
                        caller.callback = true;
                        long now = clockMs.getAsLong();
                        engine.publish(e -> e.callbackRequested(now, caller.callId));
                    }
                }
                if (!accepted) {
                    channel.close();
                    return;
                }
                LOG.info("{} ({}) hung up to be called back, keeping their place", caller, caller.callerNumber);
                channel.streamFile("acd/" + caller.spokenLanguage() + "/callback-confirmed", "")
                        .thenCompose(r -> channel.hangup())
                        .whenComplete((r, f) -> channel.close());
            });
        };
    }

    /** Plays the sounds in turn; true as soon as the caller presses 1. */
    private static CompletionStage<Boolean> keyDuring(AgiChannel channel, java.util.Iterator<String> sounds) {
        if (!sounds.hasNext()) {
            return CompletableFuture.completedFuture(false);
        }
        return channel.streamFile(sounds.next(), "1").thenCompose(reply -> {
            // -1 part way through is a hang-up; at the start (endpos 0) a missing sound, skipped.
            if (reply.resultAsInt().orElse(0) < 0 && (channel.isHungUp() || reply.endpos().orElse(0) > 0)) {
                throw new java.util.concurrent.CompletionException(new IllegalStateException("the caller went away"));
            }
            return reply.digit().filter(d -> d == '1').isPresent() ? CompletableFuture.completedFuture(true)
                    : keyDuring(channel, sounds);
        });
    }

    // ------------------------------------------------------------------ AMI events

    /** Called on the AMI event thread, in Asterisk's order. */
    public void onPbxEvent(PbxEvent event) {
        if (event instanceof PbxEvent.DialBegin e) {
            CallLeg called = byOriginated.get(e.uniqueId());
            if (called != null) {
                callbackDialBegan(called, e);
            }
            CallLeg leg = byUniqueId.get(e.uniqueId());
            if (leg != null) {
                leg.seatUniqueId = e.destUniqueId();
                leg.seatChannel = e.destChannel();
                bySeatUniqueId.put(e.destUniqueId(), leg);
            } else {
                consultDialBegan(e);
            }
        } else if (event instanceof PbxEvent.DialEnd e) {
            CallLeg called = byOriginated.get(e.uniqueId());
            if (called != null) {
                customerDialEnded(called, e);
            } else if (!consultDialEnded(e)) {
                dialEnded(e);
            }
        } else if (event instanceof PbxEvent.DialFailed e) {
            dialFailed(e);
        } else if (event instanceof PbxEvent.BridgeEnter e) {
            CallLeg leg = byUniqueId.get(e.uniqueId());
            if (leg != null) {
                leg.bridgeId = e.bridgeId();
            }
        } else if (event instanceof PbxEvent.BridgeLeave e) {
            leftBridge(e.uniqueId(), e.bridgeId());
        } else if (event instanceof PbxEvent.ConsultOver e) {
            consultOver(e);
        } else if (event instanceof PbxEvent.ConsultTaken e) {
            consultTaken(e);
        } else if (event instanceof PbxEvent.ChannelHangup e) {
            hungUp(e.uniqueId());
        } else if (event instanceof PbxEvent.Connected) {
            actions.execute(this::resync);
        } else if (event instanceof PbxEvent.Disconnected d) {
            LOG.info("AMI down ({}): call events wait for the resync", d.why());
        }
    }

    private void dialEnded(PbxEvent.DialEnd e) {
        CallLeg leg = byUniqueId.get(e.uniqueId());
        if (leg == null) {
            return;
        }
        synchronized (leg) {
            int agent = leg.offeredAgent >= 0 ? leg.offeredAgent : agentOfChannel(e.destChannel());
            if (leg.finished || agent < 0) {
                return;
            }
            long now = clockMs.getAsLong();
            if (e.answered()) {
                leg.answered = true;
                String seat = leg.seatUniqueId;
                engine.publish(ev -> ev.offerAnswered(now, leg.callId, agent, seat));
            } else if (!e.cancelled()) {
                leg.offeredAgent = -1;
                if (leg.seatUniqueId != null) {
                    bySeatUniqueId.remove(leg.seatUniqueId);
                    leg.seatUniqueId = null;
                }
                notTaken(now, leg, agent, e.dialStatus());
            }
        }
    }

    /**
     * Tells the engine the seat did not take the call, by the Dial's status: a phone that could
     * not be reached (CHANUNAVAIL, CONGESTION) takes its agent out of the way; a seat that said no
     * (BUSY) or rang out puts the call back in its place, the same for the engine either way.
     */
    private void notTaken(long now, CallLeg leg, int agent, String dialStatus) {
        if ("CHANUNAVAIL".equals(dialStatus) || "CONGESTION".equals(dialStatus)) {
            engine.publish(ev -> ev.offerUnreachable(now, leg.callId, agent));
        } else {
            engine.publish(ev -> ev.offerNotAnswered(now, leg.callId, agent));
        }
    }

    /**
     * The dialplan's word after a Dial that was not answered. It matters only when no DialEnd
     * came first: a seat whose phone is not registered fails before Asterisk makes a channel for
     * it, so without this the call would wait out the ring timeout on a phone that cannot ring.
     */
    private void dialFailed(PbxEvent.DialFailed e) {
        CallLeg leg = byUniqueId.get(e.uniqueId());
        if (leg == null) {
            return;
        }
        synchronized (leg) {
            int agent = leg.offeredAgent;
            if (leg.finished || leg.answered || agent < 0 || leg.seatUniqueId != null
                    || !Integer.toString(leg.deliveries).equals(e.delivery())) {
                // Over, or word of an earlier Dial arriving after the call was offered again.
                return;
            }
            leg.offeredAgent = -1;
            notTaken(clockMs.getAsLong(), leg, agent, e.dialStatus());
        }
    }

    /**
     * Asterisk says who hung up with BridgeLeave: the side that hung up leaves the seat's bridge
     * first, then the other is pushed out. The Hangup events alone do not tell, as Dial destroys
     * the seat's channel before the caller's even when the caller hung up. Only the bridge the
     * caller last entered counts: during and after a consultation, channels leave bridges the
     * conversation has already moved on from.
     */
    private void leftBridge(String uniqueId, String bridgeId) {
        CallLeg leg = byUniqueId.get(uniqueId);
        HangupSide side = HangupSide.CALLER;
        if (leg == null) {
            leg = bySeatUniqueId.get(uniqueId);
            side = HangupSide.SEAT;
        }
        if (leg == null) {
            return;
        }
        synchronized (leg) {
            String current = leg.bridgeId;
            if (leg.consultation != null || (current != null && !current.equals(bridgeId))) {
                return;
            }
            if (leg.answered && leg.hungUpFirst == HangupSide.UNKNOWN) {
                leg.hungUpFirst = side;
            }
        }
    }

    /**
     * A Hangup ends the call, but says nothing of who hung up first: Dial destroys the seat's
     * channel before the caller's whichever side hung up, and after the seat the caller's goes
     * as soon as the dialplan is done. Only a BridgeLeave seen before tells.
     */
    private void hungUp(String uniqueId) {
        CallLeg called = byOriginated.get(uniqueId);
        if (called != null) {
            originatedHungUp(called, uniqueId);
            return;
        }
        CallLeg leg = byUniqueId.get(uniqueId);
        if (leg != null && leg.callback) {
            // The caller who took a callback hangs up: the call goes on without them.
            byUniqueId.remove(uniqueId, leg);
            return;
        }
        if (leg != null) {
            Consultation consultation = leg.consultation;
            if (consultation != null) {
                callerLeftConsultation(leg, consultation);
            }
            end(leg, HangupSide.UNKNOWN);
            forget(leg);
            return;
        }
        CallLeg seated = bySeatUniqueId.remove(uniqueId);
        Consultation consultation = seated == null ? null : seated.consultation;
        if (consultation != null && uniqueId.equals(consultation.agentUniqueId)) {
            agentLeftConsultation(seated, consultation);
            return;
        }
        if (seated != null && seated.answered) {
            // The seat's channel is gone; the caller may still be on the line (survey).
            end(seated, HangupSide.UNKNOWN);
        }
    }

    /**
     * Tells the engine the call is over, once, with who hung up first: the side seen leaving the
     * bridge first, else what the resync could tell. Whether that was a completed call or an
     * abandon is the engine's to decide: it alone knows whether the offer was answered.
     *
     * @param endedBy who hung up first as the resync found it, or UNKNOWN
     */
    private void end(CallLeg leg, HangupSide endedBy) {
        synchronized (leg) {
            if (leg.finished) {
                return;
            }
            leg.finished = true;
            if (!leg.arrived) {
                return;
            }
            HangupSide first = !leg.answered ? HangupSide.UNKNOWN
                    : leg.hungUpFirst != HangupSide.UNKNOWN ? leg.hungUpFirst : endedBy;
            long now = clockMs.getAsLong();
            engine.publish(e -> e.callEnded(now, leg.callId, first));
        }
    }

    private void forget(CallLeg leg) {
        byUniqueId.remove(leg.uniqueId, leg);
        byCallId.remove(leg.callId, leg);
        String seat = leg.seatUniqueId;
        if (seat != null) {
            bySeatUniqueId.remove(seat, leg);
        }
    }

    private int agentOfChannel(String channel) {
        if (channel == null) {
            return -1;
        }
        // PJSIP/1001-0000002a is the channel; PJSIP/1001 the endpoint.
        int dash = channel.lastIndexOf('-');
        String device = (dash > 0 ? channel.substring(0, dash) : channel).toLowerCase(Locale.ROOT);
        return agentByEndpoint.getOrDefault(device, -1);
    }

    /**
     * After a reconnect: calls whose channel is gone are ended, offers Asterisk never acted on go
     * back in line, answers that were missed are taken, and callers on hold the server did not
     * know are put in line.
     */
    void resync() {
        List<ChannelSnapshot> live;
        try {
            live = pbx.liveChannels();
        } catch (Exception e) {
            LOG.warn("resync after AMI reconnect failed: {}", e.toString());
            return;
        }
        Map<String, ChannelSnapshot> byId = new HashMap<>();
        Map<String, List<ChannelSnapshot>> byBridge = new HashMap<>();
        for (ChannelSnapshot channel : live) {
            byId.put(channel.uniqueId(), channel);
            if (channel.bridged()) {
                byBridge.computeIfAbsent(channel.bridgeId(), b -> new ArrayList<>()).add(channel);
            }
        }
        int ended = 0;
        int returned = 0;
        int redelivered = 0;
        for (CallLeg leg : List.copyOf(byCallId.values())) {
            if (leg.callback) {
                // Nobody on the line: the place is the engine's, and a call under way ends by its ring timer.
                continue;
            }
            ChannelSnapshot caller = byId.get(leg.uniqueId);
            if (caller == null) {
                // Both sides may have gone while the events were lost: who went first is not known.
                end(leg, HangupSide.UNKNOWN);
                forget(leg);
                ended++;
                continue;
            }
            synchronized (leg) {
                if (!leg.arrived || leg.finished) {
                    continue;
                }
                long now = clockMs.getAsLong();
                boolean dialling = "Dial".equalsIgnoreCase(caller.application());
                boolean bridged = caller.bridged();
                if (leg.answered) {
                    String seat = leg.seatUniqueId;
                    if (!bridged && (seat == null || !byId.containsKey(seat))) {
                        // The seat is gone. A caller whose Dial is over went on in the dialplan
                        // (the survey, the goodbye), which it does only when the seat hung up; one
                        // still in the Dial may be on its way out too, so nobody can say.
                        end(leg, dialling ? HangupSide.UNKNOWN : HangupSide.SEAT);
                        ended++;
                    }
                } else if (leg.offeredAgent >= 0) {
                    int agent = leg.offeredAgent;
                    if (bridged) {
                        leg.answered = true;
                        if (leg.seatUniqueId == null) {
                            // The Dial began while the events were lost: the seat is the bridge's other channel.
                            seatInBridge(leg, byBridge.get(caller.bridgeId()));
                        }
                        String seat = leg.seatUniqueId;
                        engine.publish(e -> e.offerAnswered(now, leg.callId, agent, seat));
                    } else if (!dialling && leg.deliveredTo != agent) {
                        deliver(leg, agent);
                        redelivered++;
                    } else if (!dialling) {
                        // Delivered, but the Dial's outcome was lost with the connection.
                        leg.offeredAgent = -1;
                        engine.publish(e -> e.offerNotDelivered(now, leg.callId, agent));
                        returned++;
                    }
                }
            }
        }
        Set<String> known = new HashSet<>(byUniqueId.keySet());
        int recovered = 0;
        for (ChannelSnapshot channel : live) {
            if (HOLD_CONTEXT.equals(channel.context()) && !known.contains(channel.uniqueId())) {
                CallLeg leg = new CallLeg(callIds.incrementAndGet(), channel.uniqueId(), channel.channel(), "");
                byUniqueId.put(leg.uniqueId, leg);
                byCallId.put(leg.callId, leg);
                arrive(leg, 0, CustomerProfile.UNKNOWN, 0, "recovered");
                recovered++;
            }
        }
        recoveredCalls.addAndGet(recovered);
        LOG.info("resynced with Asterisk: {} live channels; {} calls ended, {} offers delivered again, {} returned "
                + "to the line, {} callers recovered", live.size(), ended, redelivered, returned, recovered);
    }

    private void seatInBridge(CallLeg leg, List<ChannelSnapshot> bridge) {
        if (bridge == null) {
            return;
        }
        for (ChannelSnapshot channel : bridge) {
            if (!channel.uniqueId().equals(leg.uniqueId)) {
                leg.seatUniqueId = channel.uniqueId();
                leg.seatChannel = channel.channel();
                bySeatUniqueId.put(channel.uniqueId(), leg);
                return;
            }
        }
    }

    // ------------------------------------------------------------------ engine directives (engine thread)

    @Override
    public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
        CallLeg leg = byCallId.get(call.callId());
        if (leg == null) {
            LOG.warn("offer of unknown call {} ignored", call.callId());
            return;
        }
        leg.offeredAgent = agentIndex;
        leg.deliveredTo = -1;
        leg.ringSeconds = Long.toString(Math.max(1, ringTimeoutMs / 1000));
        leg.recording = RecordingNames.of(call);
        if (leg.callback) {
            callBack(leg, call.queueIndex(), agentIndex, ringTimeoutMs);
        } else {
            deliver(leg, agentIndex);
        }
    }

    // ------------------------------------------------------------------ callbacks

    /**
     * The callback's place reached the head of the line and the engine kept a seat for it: the
     * server originates the call, the seat first or the customer first as the queue says. The
     * originated channel's Uniqueid is the server's own, so its events are known from the start.
     */
    private void callBack(CallLeg leg, int queueIndex, int agentIndex, long ringTimeoutMs) {
        CallbackRules rules = config.queues().get(queueIndex).callback();
        AgentSpec agent = config.agents().get(agentIndex);
        int attempt = ++leg.deliveries;
        String uniqueId = "acd-callback-" + leg.callId + "-" + attempt;
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(CALL_ID_VARIABLE, Long.toString(leg.callId));
        variables.put(LANGUAGE_VARIABLE, leg.spokenLanguage());
        variables.put("ACD_CUSTOMER_RING", Integer.toString(rules.customerRingSeconds()));
        variables.put("ACD_RECORDING", leg.recording);
        boolean seatFirst = rules.strategy() == CallbackStrategy.SEAT_FIRST;
        String channel;
        String context;
        long ringMs;
        if (seatFirst) {
            variables.put("ACD_CALLBACK_NUMBER", leg.callerNumber);
            channel = agent.endpoint();
            context = CALLBACK_CONTEXT;
            ringMs = ringTimeoutMs;
        } else {
            variables.put("ACD_ENDPOINT", agent.endpoint());
            variables.put("ACD_RING_TIMEOUT", leg.ringSeconds);
            variables.put("ACD_DELIVERY", Integer.toString(attempt));
            // /n: the Local channel stays, so the customer's side keeps the Uniqueid given here.
            channel = "Local/" + leg.callerNumber + "@" + CALLBACK_CUSTOMER_CONTEXT + "/n";
            context = CALLBACK_ANSWERED_CONTEXT;
            ringMs = rules.customerRingSeconds() * 1000L;
        }
        synchronized (leg) {
            leg.originated = uniqueId;
            leg.seatFirst = seatFirst;
            byOriginated.put(uniqueId, leg);
        }
        LOG.info("{}: calling back {} for agent {} ({}), attempt {}", leg, leg.callerNumber, agent.id(),
                seatFirst ? "seat first" : "customer first", attempt);
        actions.execute(() -> pbx.originate(channel, uniqueId, leg.callerNumber, ringMs, context, variables)
                .thenAccept(sent -> {
                    if (!sent) {
                        // Never placed (AMI down or refused): as a seat that did not ring.
                        callbackOver(leg, uniqueId, ev -> ev.offerNotDelivered(clockMs.getAsLong(), leg.callId,
                                agentIndex));
                    }
                }));
    }

    /**
     * A Dial from a channel the server originated for a callback: seat first, the seat (which
     * answered) dialling the customer; customer first, the customer (who answered) ringing the
     * seat. Either way the customer's channel becomes the call's caller channel from here on.
     */
    private void callbackDialBegan(CallLeg leg, PbxEvent.DialBegin e) {
        synchronized (leg) {
            if (!e.uniqueId().equals(leg.originated) || leg.offeredAgent < 0) {
                return;
            }
            if (leg.seatUniqueId == null && leg.seatFirst) {
                leg.seatUniqueId = e.uniqueId();
                leg.seatChannel = e.channel();
                bySeatUniqueId.put(e.uniqueId(), leg);
                leg.uniqueId = e.destUniqueId();
                leg.channel = e.destChannel();
                byUniqueId.put(e.destUniqueId(), leg);
            } else if (!leg.seatFirst) {
                // The customer answered and rings the seat from acd-deliver, as any caller.
                byOriginated.remove(e.uniqueId(), leg);
                leg.originated = null;
                leg.callback = false;
                leg.uniqueId = e.uniqueId();
                leg.channel = e.channel();
                byUniqueId.put(e.uniqueId(), leg);
                int agent = leg.offeredAgent;
                long now = clockMs.getAsLong();
                engine.publish(ev -> ev.callbackReached(now, leg.callId, agent));
            }
        }
    }

    /** Seat first: the customer answered, or did not. */
    private void customerDialEnded(CallLeg leg, PbxEvent.DialEnd e) {
        synchronized (leg) {
            int agent = leg.offeredAgent;
            if (!leg.seatFirst || agent < 0 || !leg.callback) {
                return;
            }
            long now = clockMs.getAsLong();
            if (e.cancelled()) {
                // The agent hung up before the customer answered: the seat let the call go.
                callbackOver(leg, leg.originated, ev -> ev.offerNotAnswered(now, leg.callId, agent));
                return;
            }
            if (e.answered()) {
                byOriginated.remove(leg.originated, leg);
                leg.originated = null;
                leg.callback = false;
                leg.answered = true;
                String seat = leg.seatUniqueId;
                engine.publish(ev -> ev.callbackReached(now, leg.callId, agent));
                engine.publish(ev -> ev.offerAnswered(now, leg.callId, agent, seat));
                return;
            }
            LOG.info("{}: {} did not answer the callback ({})", leg, leg.callerNumber, e.dialStatus());
            callbackOver(leg, leg.originated, ev -> ev.callbackNotReached(now, leg.callId, agent));
        }
    }

    /**
     * The originated channel went before the callback went anywhere: seat first, the seat did not
     * answer (or hung up at once); customer first, the customer did not answer (or hung up before
     * the seat rang).
     */
    private void originatedHungUp(CallLeg leg, String uniqueId) {
        synchronized (leg) {
            int agent = leg.offeredAgent;
            if (!uniqueId.equals(leg.originated) || agent < 0) {
                byOriginated.remove(uniqueId, leg);
                return;
            }
            long now = clockMs.getAsLong();
            if (leg.seatFirst) {
                callbackOver(leg, uniqueId, ev -> ev.offerNotAnswered(now, leg.callId, agent));
            } else {
                LOG.info("{}: {} did not answer the callback", leg, leg.callerNumber);
                callbackOver(leg, uniqueId, ev -> ev.callbackNotReached(now, leg.callId, agent));
            }
        }
    }

    /** The attempt is over without a conversation: the leg has nobody on the line again. */
    private void callbackOver(CallLeg leg, String uniqueId, EngineRing.Filler outcome) {
        synchronized (leg) {
            if (uniqueId == null || !uniqueId.equals(leg.originated)) {
                return;
            }
            byOriginated.remove(uniqueId, leg);
            leg.originated = null;
            leg.offeredAgent = -1;
            String seat = leg.seatUniqueId;
            if (seat != null) {
                bySeatUniqueId.remove(seat, leg);
                leg.seatUniqueId = null;
            }
            String customer = leg.uniqueId;
            if (customer != null) {
                byUniqueId.remove(customer, leg);
            }
            engine.publish(outcome);
        }
    }



    /**
     * Sends the caller to the seat. When AMI is down the actions fail; the offer then waits for
     * the resync after the reconnect, which delivers it if it is still the engine's choice.
     */
    private void deliver(CallLeg leg, int agentIndex) {
        AgentSpec agent = config.agents().get(agentIndex);
        int delivery = ++leg.deliveries;
        actions.execute(() -> {
            pbx.setVariable(leg.channel, "ACD_ENDPOINT", agent.endpoint());
            pbx.setVariable(leg.channel, "ACD_RING_TIMEOUT", leg.ringSeconds);
            pbx.setVariable(leg.channel, "ACD_DELIVERY", Integer.toString(delivery));
            pbx.setVariable(leg.channel, "ACD_RECORDING", leg.recording);
            redirectToSeat(leg, agentIndex, delivery, 0);
        });
    }

    /**
     * A Redirect that crosses another still under way (the caller on the way back to the music
     * after a transfer or a withdrawn offer) is refused by Asterisk ("channel not up") though
     * the caller is there a moment later: it is sent again, while the offer stands. A Redirect
     * that could not be sent (AMI down) waits for the resync instead.
     */
    private void redirectToSeat(CallLeg leg, int agentIndex, int delivery, int attempt) {
        pbx.redirect(leg.channel, DELIVER_CONTEXT, "s", 1).thenAccept(sent -> {
            boolean current = leg.offeredAgent == agentIndex && leg.deliveries == delivery && !leg.finished;
            if (sent) {
                if (current) {
                    leg.deliveredTo = agentIndex;
                }
            } else if (current && attempt < DELIVERY_RETRIES && pbx.reachable()) {
                try {
                    actions.schedule(() -> redirectToSeat(leg, agentIndex, delivery, attempt + 1), DELIVERY_RETRY_MS,
                            TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    // the server is stopping
                }
            }
        });
    }

    /**
     * The caller hears their place and expected wait: Asterisk plays them in {@code acd-announce}
     * and takes the caller back to the music. Their place in line is the engine's and does not
     * move; an offer meanwhile redirects them to the seat at once, cutting the announcement.
     */
    @Override
    public void announcePosition(long timeMs, CallView call, int position, long expectedWaitMs,
                                 boolean callbackOffered, String leadSound) {
        CallLeg leg = byCallId.get(call.callId());
        if (leg == null || leg.finished || leg.offeredAgent >= 0 || leg.callback) {
            return;
        }
        String sounds = Announcement.sounds(leg.language, leadSound, position, expectedWaitMs, callbackOffered);
        leg.offerSounds = callbackOffered ? sounds : null;
        actions.execute(() -> {
            if (leg.finished || leg.offeredAgent >= 0 || leg.callback) {
                return;
            }
            pbx.setVariable(leg.channel, "ACD_ANNOUNCEMENT", sounds);
            pbx.setVariable(leg.channel, "ACD_CALLBACK_OFFER", callbackOffered ? "1" : "0");
            pbx.redirect(leg.channel, ANNOUNCE_CONTEXT, "s", 1);
        });
    }

    @Override
    public void cancelOffer(long timeMs, CallView call, int agentIndex) {
        CallLeg leg = byCallId.get(call.callId());
        if (leg == null || leg.finished) {
            return;
        }
        if (leg.callback) {
            // Nobody on the line to take back to the music; a callback under way is hung up.
            String originated;
            synchronized (leg) {
                originated = leg.originated;
                if (originated != null) {
                    byOriginated.remove(originated, leg);
                    leg.originated = null;
                }
                leg.offeredAgent = -1;
            }
            if (originated != null) {
                actions.execute(() -> pbx.hangup(originated));
            }
            return;
        }
        leg.offeredAgent = -1;
        actions.execute(() -> pbx.redirect(leg.channel, HOLD_CONTEXT, "s", 1));
    }

    /**
     * The agent sent the call on. The seat's leg is over: the caller goes back to the music (a
     * Redirect takes them out of the seat's bridge, and Dial hangs the seat up) until the engine
     * offers the call again, which may be at once. Neither the seat's hang-up nor the caller's
     * leaving that bridge ends the call: the leg forgets the seat before either is heard.
     */
    @Override
    public void transferCall(long timeMs, CallView call, int fromAgent) {
        CallLeg leg = byCallId.get(call.callId());
        if (leg == null) {
            LOG.warn("transfer of unknown call {} ignored", call.callId());
            return;
        }
        synchronized (leg) {
            if (leg.finished) {
                return;
            }
            String seat = leg.seatUniqueId;
            if (seat != null) {
                bySeatUniqueId.remove(seat, leg);
            }
            leg.seatUniqueId = null;
            leg.answered = false;
            leg.hungUpFirst = HangupSide.UNKNOWN;
            leg.offeredAgent = -1;
            leg.deliveredTo = -1;
        }
        // An offer made at once (a colleague free) redirects the caller straight to the seat.
        actions.execute(() -> {
            if (leg.offeredAgent < 0 && !leg.finished) {
                pbx.redirect(leg.channel, HOLD_CONTEXT, "s", 1);
            }
        });
    }

    // ------------------------------------------------------------------ consultative transfer

    /**
     * The agent asks a colleague first. The caller and the agent's channel leave their bridge
     * together: the caller to the music, the agent's channel to ring the colleague. If Asterisk
     * refuses, the two stay as they were and the engine hears the consultation is over.
     */
    @Override
    public void consult(long timeMs, CallView call, int agentIndex, int colleague, long ringTimeoutMs) {
        CallLeg leg = byCallId.get(call.callId());
        Consultation consultation = null;
        if (leg != null) {
            synchronized (leg) {
                if (!leg.finished && leg.answered && leg.seatUniqueId != null && leg.seatChannel != null) {
                    consultation = new Consultation(agentIndex, colleague, leg.seatUniqueId, leg.seatChannel);
                    leg.consultation = consultation;
                    leg.bridgeId = BETWEEN_BRIDGES;
                }
            }
        }
        if (consultation == null) {
            LOG.warn("consultation on call {} not started: no seat channel known for it", call.callId());
            long callId = call.callId();
            actions.execute(() -> engine.publish(e -> e.consultCancelled(clockMs.getAsLong(), callId, agentIndex)));
            return;
        }
        Consultation started = consultation;
        String agentChannel = consultation.agentChannel;
        String endpoint = config.agents().get(colleague).endpoint();
        String ringSeconds = Long.toString(Math.max(1, ringTimeoutMs / 1000));
        actions.execute(() -> {
            pbx.setVariable(agentChannel, CALL_ID_VARIABLE, Long.toString(leg.callId));
            pbx.setVariable(agentChannel, "ACD_CONSULT_ENDPOINT", endpoint);
            pbx.setVariable(agentChannel, "ACD_RING_TIMEOUT", ringSeconds);
            pbx.redirectBoth(leg.channel, CONSULT_HOLD_CONTEXT, agentChannel, CONSULT_CONTEXT).thenAccept(sent -> {
                if (!sent) {
                    synchronized (leg) {
                        if (leg.consultation != started) {
                            return;
                        }
                        leg.consultation = null;
                        leg.bridgeId = null;
                    }
                    engine.publish(e -> e.consultCancelled(clockMs.getAsLong(), leg.callId, started.agent));
                }
            });
        });
    }

    /**
     * The engine ended the consultation: a hand-over joins the caller to the colleague, whose
     * channel becomes the call's seat; otherwise the colleague's leg is ended and, once the
     * agent's Dial has returned, the agent is joined back to the caller.
     */
    @Override
    public void endConsult(long timeMs, CallView call, int agentIndex, int colleague, boolean handedOver) {
        CallLeg leg = byCallId.get(call.callId());
        if (leg == null) {
            return;
        }
        synchronized (leg) {
            Consultation consultation = leg.consultation;
            if (consultation == null || leg.finished) {
                return;
            }
            if (handedOver) {
                handOver(leg, consultation);
                return;
            }
            consultation.ending = true;
            if (consultation.agentGone) {
                leg.consultation = null;
            } else if (consultation.agentWaiting) {
                backToAgent(leg, consultation);
            } else if (consultation.colleagueChannel != null) {
                String colleagueChannel = consultation.colleagueChannel;
                actions.execute(() -> pbx.hangup(colleagueChannel));
            }
        }
    }

    /** Called holding the leg. The recording goes on from the caller's channel, in the same file. */
    private void handOver(CallLeg leg, Consultation consultation) {
        leg.consultation = null;
        bySeatUniqueId.remove(consultation.agentUniqueId, leg);
        String colleagueChannel = consultation.colleagueChannel;
        leg.seatUniqueId = consultation.colleagueUniqueId;
        leg.seatChannel = colleagueChannel;
        if (consultation.colleagueUniqueId != null) {
            bySeatUniqueId.put(consultation.colleagueUniqueId, leg);
        }
        leg.offeredAgent = consultation.colleague;
        leg.deliveredTo = consultation.colleague;
        leg.hungUpFirst = HangupSide.UNKNOWN;
        String caller = leg.channel;
        String recording = leg.recording;
        actions.execute(() -> {
            if (!consultation.agentGone) {
                // The agent's Dial returns as the colleague is taken from it: the agent's channel is done.
                pbx.setVariable(consultation.agentChannel, "ACD_CONSULT_DONE", "1");
            }
            pbx.bridge(caller, colleagueChannel).thenAccept(sent -> {
                if (!sent) {
                    backInLine(leg, consultation.colleague, "Asterisk did not join the caller to the colleague");
                } else if (recording != null && !recording.isEmpty()) {
                    pbx.record(caller, recording + ".wav");
                }
            });
        });
    }

    /** Called holding the leg: the agent, waiting in acd-consult, talks with the caller again. */
    private void backToAgent(CallLeg leg, Consultation consultation) {
        leg.consultation = null;
        String caller = leg.channel;
        actions.execute(() -> pbx.bridge(caller, consultation.agentChannel).thenAccept(sent -> {
            if (!sent) {
                backInLine(leg, consultation.agent, "Asterisk did not join the caller back to the agent");
            }
        }));
    }

    /**
     * Nobody is left talking with the caller, though the engine has them with {@code agent}: the
     * agent hands the call back to its own queue, where the caller waits in their place.
     */
    private void backInLine(CallLeg leg, int agent, String why) {
        LOG.warn("{}: {} (agent {}); the caller goes back in line", leg, why, config.agents().get(agent).id());
        engine.publish(e -> e.callTransferred(clockMs.getAsLong(), leg.callId, agent, -1, 0, -1));
    }

    private void consultDialBegan(PbxEvent.DialBegin e) {
        CallLeg leg = bySeatUniqueId.get(e.uniqueId());
        if (leg == null) {
            return;
        }
        synchronized (leg) {
            Consultation consultation = leg.consultation;
            if (consultation == null || !e.uniqueId().equals(consultation.agentUniqueId)) {
                return;
            }
            consultation.colleagueUniqueId = e.destUniqueId();
            consultation.colleagueChannel = e.destChannel();
            if (consultation.ending) {
                // Ended before the colleague's phone rang.
                String colleagueChannel = e.destChannel();
                actions.execute(() -> pbx.hangup(colleagueChannel));
            }
        }
    }

    /** True when the Dial was the agent's to a colleague consulted. */
    private boolean consultDialEnded(PbxEvent.DialEnd e) {
        CallLeg leg = bySeatUniqueId.get(e.uniqueId());
        if (leg == null) {
            return false;
        }
        synchronized (leg) {
            Consultation consultation = leg.consultation;
            if (consultation == null || !e.uniqueId().equals(consultation.agentUniqueId)) {
                return false;
            }
            if (e.answered() && !consultation.answered && !consultation.ending) {
                consultation.answered = true;
                long now = clockMs.getAsLong();
                String colleagueChannel = e.destUniqueId();
                engine.publish(ev -> ev.consultAnswered(now, leg.callId, consultation.colleague, colleagueChannel));
            }
            return true;
        }
    }

    /** The agent's Dial to the colleague is over without a hand-over: the agent goes back to the caller. */
    private void consultOver(PbxEvent.ConsultOver e) {
        CallLeg leg = legOf(e.callId());
        if (leg == null) {
            return;
        }
        synchronized (leg) {
            Consultation consultation = leg.consultation;
            if (consultation == null || !e.uniqueId().equals(consultation.agentUniqueId)) {
                return;
            }
            consultation.agentWaiting = true;
            consultation.colleagueUniqueId = null;
            consultation.colleagueChannel = null;
            if (consultation.ending) {
                backToAgent(leg, consultation);
            } else {
                LOG.info("{}: consultation with agent {} over ({})", leg,
                        config.agents().get(consultation.colleague).id(), e.dialStatus());
                long now = clockMs.getAsLong();
                engine.publish(ev -> ev.consultCancelled(now, leg.callId, consultation.agent));
            }
        }
    }

    /** The agent hung up while talking with the colleague: that hands the caller over. */
    private void consultTaken(PbxEvent.ConsultTaken e) {
        CallLeg leg = legOf(e.callId());
        if (leg == null) {
            return;
        }
        synchronized (leg) {
            Consultation consultation = leg.consultation;
            if (consultation == null || consultation.ending || !e.uniqueId().equals(consultation.colleagueUniqueId)) {
                return;
            }
            long now = clockMs.getAsLong();
            engine.publish(ev -> ev.consultCompleted(now, leg.callId, consultation.agent));
        }
    }

    /**
     * The agent's channel went during the consultation. Talking with the colleague, that is a
     * hand-over (the colleague's channel reports it); before the colleague answered, nobody is
     * left for the caller, who goes back in line in their place.
     */
    private void agentLeftConsultation(CallLeg leg, Consultation consultation) {
        synchronized (leg) {
            consultation.agentGone = true;
            if (consultation.answered || leg.finished) {
                return;
            }
            leg.consultation = null;
            engine.publish(ev -> ev.consultCancelled(clockMs.getAsLong(), leg.callId, consultation.agent));
            backInLine(leg, consultation.agent, "the agent hung up before the colleague answered");
        }
    }

    /** The caller hung up on hold: the consultation about them ends, both agents' channels with it. */
    private void callerLeftConsultation(CallLeg leg, Consultation consultation) {
        synchronized (leg) {
            leg.consultation = null;
        }
        String colleagueChannel = consultation.colleagueChannel;
        actions.execute(() -> {
            if (colleagueChannel != null) {
                pbx.hangup(colleagueChannel);
            }
            if (!consultation.agentGone) {
                pbx.hangup(consultation.agentChannel);
            }
        });
    }

    private CallLeg legOf(String callId) {
        try {
            return byCallId.get(Long.parseLong(callId.strip()));
        } catch (NumberFormatException e) {
            LOG.warn("consultation event for call '{}', not a call id; ignored", callId);
            return null;
        }
    }

    /** The callback was given up: the server's task writer follows it up; the leg is done. */
    @Override
    public void followUpCallback(long timeMs, CallView call, int attempts) {
        finish(call.callId());
    }

    /** The engine is done with the call: the leg is finished and forgotten; null when unknown. */
    private CallLeg finish(long callId) {
        CallLeg leg = byCallId.get(callId);
        if (leg == null) {
            return null;
        }
        synchronized (leg) {
            leg.finished = true;
        }
        forget(leg);
        return leg;
    }

    @Override
    public void sendToVoicemail(long timeMs, CallView call, ExitReason reason) {
        leave(call, "voicemail", config.queues().get(call.queueIndex()).id() + "@" + VOICEMAIL_CONTEXT, reason);
    }

    @Override
    public void disconnect(long timeMs, CallView call, ExitReason reason) {
        leave(call, "closed", null, reason);
    }

    /**
     * @param voicemailBox the box the caller leaves a message in, or null for none
     * @param reason       why; a closed queue has the caller hear its hours first
     */
    private void leave(CallView call, String exit, String voicemailBox, ExitReason reason) {
        CallLeg leg = finish(call.callId());
        if (leg == null) {
            return;
        }
        OpeningCalendar calendar = reason == ExitReason.CLOSED
                ? hours.calendarOf(config.queues().get(call.queueIndex()).id()) : null;
        String hoursSounds = calendar == null ? "" : OpeningHoursSpeech.sounds(leg.language, calendar);
        actions.execute(() -> {
            if (voicemailBox != null) {
                pbx.setVariable(leg.channel, "ACD_VOICEMAIL_BOX", voicemailBox);
            }
            if (!hoursSounds.isEmpty()) {
                pbx.setVariable(leg.channel, "ACD_CLOSED_HOURS", hoursSounds);
            }
            pbx.setVariable(leg.channel, "ACD_EXIT", exit);
            pbx.redirect(leg.channel, EXIT_CONTEXT, "s", 1);
        });
    }

    /** Returns once the AMI actions handed over so far, and those they handed over in turn, have been sent. */
    void awaitActions() throws InterruptedException {
        for (int round = 0; round < 2; round++) {
            try {
                actions.submit(() -> { }).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the AMI action thread did not drain", e);
            }
        }
    }

    @Override
    public void close() {
        actions.shutdown();
        try {
            actions.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
