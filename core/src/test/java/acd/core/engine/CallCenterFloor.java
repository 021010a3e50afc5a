package acd.core.engine;

import acd.core.model.AgentSpec;
import acd.core.model.BrandSpec;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierRule;
import acd.core.model.TierSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A test floor: a small routing config, the engine on a fake clock, and a log of every
 * directive it gave. Scenarios read as the call center: agents log in, calls arrive, seconds
 * pass, seats answer.
 */
final class CallCenterFloor {
    static final List<String> SKILLS = List.of("billing", "broadband", "english");
    static final List<String> GROUPS = List.of("vip", "general", "gotone");
    static final List<TierSpec> TIERS = List.of(
            new TierSpec("diamond", "钻石", 5, 0),
            new TierSpec("gold", "金", 2, 0),
            new TierSpec("standard", "普通", 1, 0));
    static final int DIAMOND = 0;
    static final int GOLD = 1;
    static final int STANDARD = 2;
    static final List<BrandSpec> BRANDS = List.of(new BrandSpec("gotone", "全球通"), new BrandSpec("mzone", "动感地带"));
    static final int GOTONE = 0;

    /** One directive or notification, flattened for assertions. */
    record Directive(long timeMs, String kind, long callId, int agent, long value) {
        @Override
        public String toString() {
            return kind + "(call " + callId + ", agent " + agent + ", " + value + ") at " + timeMs;
        }
    }

    final AcdEngine engine;
    final List<Directive> log = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();
    private final EngineEvent event = new EngineEvent();
    private long nowMs;

    private CallCenterFloor(RoutingConfig config) {
        DirectiveSink sink = new DirectiveSink() {
            @Override
            public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
                log.add(new Directive(timeMs, "offer", call.callId(), agentIndex, ringTimeoutMs));
            }

            @Override
            public void cancelOffer(long timeMs, CallView call, int agentIndex) {
                log.add(new Directive(timeMs, "cancel", call.callId(), agentIndex, 0));
            }

            @Override
            public void announcePosition(long timeMs, CallView call, int position, long expectedWaitMs,
                                         boolean callbackOffered, String leadSound) {
                log.add(new Directive(timeMs, (leadSound == null ? "" : leadSound + "+")
                        + (callbackOffered ? "announce+callback" : "announce"), call.callId(), position, expectedWaitMs));
            }

            @Override
            public void followUpCallback(long timeMs, CallView call, int attempts) {
                log.add(new Directive(timeMs, "callback-given-up", call.callId(), -1, attempts));
            }

            @Override
            public void overflow(long timeMs, CallView call, int fromQueue, int toQueue) {
                log.add(new Directive(timeMs, "overflow", call.callId(), -1, toQueue));
            }

            @Override
            public void sendToVoicemail(long timeMs, CallView call, ExitReason reason) {
                log.add(new Directive(timeMs, "voicemail", call.callId(), -1, reason.ordinal()));
            }

            @Override
            public void disconnect(long timeMs, CallView call, ExitReason reason) {
                log.add(new Directive(timeMs, "disconnect", call.callId(), -1, reason.ordinal()));
            }

            @Override
            public void transferCall(long timeMs, CallView call, int fromAgent) {
                log.add(new Directive(timeMs, "transfer", call.callId(), fromAgent, call.arrivedAtMs()));
            }

            @Override
            public void consult(long timeMs, CallView call, int agentIndex, int colleague, long ringTimeoutMs) {
                log.add(new Directive(timeMs, "consult", call.callId(), agentIndex, colleague));
            }

            @Override
            public void endConsult(long timeMs, CallView call, int agentIndex, int colleague, boolean handedOver) {
                log.add(new Directive(timeMs, handedOver ? "hand-over" : "consult-over", call.callId(), agentIndex,
                        colleague));
            }
        };
        EngineListener listener = new EngineListener() {
            @Override
            public void eventRejected(EngineEvent e, String why) {
                rejected.add(why);
            }
        };
        this.engine = new AcdEngine(config, 0, sink, listener);
    }

    // ---------------------------------------------------------------- building a floor

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, QueueSpec> queues = new LinkedHashMap<>();
        private final List<AgentSpec> agents = new ArrayList<>();
        private final List<TierRule> rules = new ArrayList<>();
        private List<TierSpec> tiers = TIERS;
        private int noAnswerLimit = 2;

        /** A queue needing the given skills; every setting default unless the tweak says otherwise. */
        Builder queue(String id, List<String> skills, UnaryOperator<QueueSpec> tweak) {
            queues.put(id, tweak.apply(QueueSpec.of(id, skills).withAnnounceEverySeconds(0)));
            return this;
        }

        Builder queue(String id, String... skills) {
            return queue(id, List.of(skills), q -> q);
        }

        Builder agent(String id, Map<String, Integer> skills, String... groups) {
            return agent(id, 0, skills, groups);
        }

        Builder agent(String id, int wrapUpSeconds, Map<String, Integer> skills, String... groups) {
            agents.add(new AgentSpec(id, "Agent " + id, "PJSIP/" + id, skills, List.of(groups), wrapUpSeconds));
            return this;
        }

        Builder rule(TierRule rule) {
            rules.add(rule);
            return this;
        }

        Builder tiers(List<TierSpec> newTiers) {
            this.tiers = newTiers;
            return this;
        }

        Builder noAnswerLimit(int limit) {
            this.noAnswerLimit = limit;
            return this;
        }

        RoutingConfig config() {
            return new RoutingConfig(SKILLS, GROUPS, tiers, tiers.get(tiers.size() - 1).id(), BRANDS,
                    List.of("break", "lunch"), noAnswerLimit, List.copyOf(queues.values()), rules, agents);
        }

        CallCenterFloor build() {
            return new CallCenterFloor(config());
        }
    }

    // ---------------------------------------------------------------- the clock

    /** Moves the clock to {@code seconds} after start, firing due timers on the way. */
    CallCenterFloor at(double seconds) {
        long target = Math.round(seconds * 1000);
        while (nowMs + 100 < target) {
            nowMs += 100;
            engine.onEvent(event.tick(nowMs));
        }
        nowMs = Math.max(nowMs, target);
        engine.onEvent(event.tick(nowMs));
        return this;
    }

    long nowMs() {
        return nowMs;
    }

    // ---------------------------------------------------------------- events

    int agent(String id) {
        int index = engine.agentIndex(id);
        if (index < 0) {
            throw new IllegalArgumentException("no agent " + id);
        }
        return index;
    }

    int queue(String id) {
        return engine.queueIndex(id);
    }

    CallCenterFloor loginReady(String... agentIds) {
        for (String id : agentIds) {
            engine.onEvent(event.agentEvent(EventType.AGENT_LOGGED_IN, nowMs, agent(id), 0));
            engine.onEvent(event.agentEvent(EventType.AGENT_READY, nowMs, agent(id), 0));
        }
        return this;
    }

    CallCenterFloor agentEvent(EventType type, String agentId, int reason) {
        engine.onEvent(event.agentEvent(type, nowMs, agent(agentId), reason));
        return this;
    }

    CallCenterFloor call(long callId, String queueId, int tier) {
        return call(callId, queueId, tier, -1, -1);
    }

    CallCenterFloor call(long callId, String queueId, int tier, int brand, int accountManager) {
        engine.onEvent(event.callArrived(nowMs, callId, queue(queueId), tier, brand, accountManager, 0,
                "1390000" + callId, "0"));
        return this;
    }

    CallCenterFloor answer(long callId) {
        int agent = engine.agentOfCall(callId);
        engine.onEvent(event.offerAnswered(nowMs, callId, agent));
        return this;
    }

    CallCenterFloor noAnswer(long callId) {
        int agent = engine.agentOfCall(callId);
        engine.onEvent(event.offerNotAnswered(nowMs, callId, agent));
        return this;
    }

    /** The seat's phone could not be rung at all (not registered): Dial's CHANUNAVAIL. */
    CallCenterFloor unreachable(long callId) {
        int agent = engine.agentOfCall(callId);
        engine.onEvent(event.offerUnreachable(nowMs, callId, agent));
        return this;
    }

    /** The agent talking on the call sends it to {@code queueId}, to {@code toAgentId} first when not null. */
    CallCenterFloor transfer(long callId, String fromAgentId, String queueId, String toAgentId) {
        engine.onEvent(event.callTransferred(nowMs, callId, agent(fromAgentId), queue(queueId), 0,
                toAgentId == null ? EngineEvent.NONE : agent(toAgentId)));
        return this;
    }

    /** The agent talking on the call asks {@code toAgentId}, or the best free agent of {@code queueId}. */
    CallCenterFloor consult(long callId, String fromAgentId, String queueId, String toAgentId) {
        engine.onEvent(event.consultStarted(nowMs, callId, agent(fromAgentId),
                queueId == null ? EngineEvent.NONE : queue(queueId), 0,
                toAgentId == null ? EngineEvent.NONE : agent(toAgentId)));
        return this;
    }

    /** The colleague consulted on the call picked up. */
    CallCenterFloor consultAnswered(long callId) {
        engine.onEvent(event.consultAnswered(nowMs, callId, engine.consultedOnCall(callId), "PJSIP/colleague-1"));
        return this;
    }

    CallCenterFloor handOver(long callId, String fromAgentId) {
        engine.onEvent(event.consultCompleted(nowMs, callId, agent(fromAgentId)));
        return this;
    }

    CallCenterFloor cancelConsult(long callId, String fromAgentId) {
        engine.onEvent(event.consultCancelled(nowMs, callId, agent(fromAgentId)));
        return this;
    }

    /** The waiting caller pressed for a callback and hung up. */
    CallCenterFloor callbackRequested(long callId) {
        engine.onEvent(event.callbackRequested(nowMs, callId));
        return this;
    }

    /** The customer answered the callback made for the seat it is offered to. */
    CallCenterFloor callbackReached(long callId) {
        engine.onEvent(event.callbackReached(nowMs, callId, engine.agentOfCall(callId)));
        return this;
    }

    /** The customer did not answer the callback. */
    CallCenterFloor callbackNotReached(long callId) {
        engine.onEvent(event.callbackNotReached(nowMs, callId, engine.agentOfCall(callId)));
        return this;
    }

    /** A supervisor switches the queue's peak mode. */
    CallCenterFloor peakMode(String queueId, boolean on) {
        engine.onEvent(event.peakModeChanged(nowMs, queue(queueId), on));
        return this;
    }

    CallCenterFloor hangUp(long callId) {
        engine.onEvent(event.callEvent(EventType.CALL_ENDED, nowMs, callId));
        return this;
    }

    CallCenterFloor abandon(long callId) {
        engine.onEvent(event.callEvent(EventType.CALLER_ABANDONED, nowMs, callId));
        return this;
    }

    // ---------------------------------------------------------------- what happened

    List<Directive> offers() {
        return log.stream().filter(d -> d.kind().equals("offer")).toList();
    }

    List<Directive> directives(String kind) {
        return log.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    /** The agent id the call was last offered to, or null. */
    String offeredTo(long callId) {
        Directive last = null;
        for (Directive d : offers()) {
            if (d.callId() == callId) {
                last = d;
            }
        }
        return last == null ? null : engine.agentId(last.agent());
    }

    /** Call ids in the order they were offered. */
    List<Long> offerOrder() {
        return offers().stream().map(Directive::callId).toList();
    }

    AgentState state(String agentId) {
        return engine.agentState(agent(agentId));
    }
}
