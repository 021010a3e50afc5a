package acd.core.engine;

import acd.core.model.AgentChange;

import acd.core.metrics.TrafficFigures;
import acd.core.model.AgentSelection;
import acd.core.model.CallbackRules;
import acd.core.model.CallbackStrategy;
import acd.core.model.MaxWaitAction;
import acd.core.model.NoAgentsAction;
import acd.core.model.QueueOrdering;
import acd.core.model.TierRule;
import acd.core.model.WideningStep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random traffic, bad events included, against every rule at once; after each event the
 * engine's structures must be consistent, and at the end every call must be accounted for.
 */
class RandomTrafficTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyCallIsAccountedForAndNoStructureIsEverInconsistent(long seed) {
        CallCenterFloor.Builder builder = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withAccountManagerWaitSeconds(15)
                        .withMaxWait(90, MaxWaitAction.OVERFLOW, "general").withAnnounceEverySeconds(20))
                .queue("broadband", List.of("broadband"), q -> q.withOrdering(QueueOrdering.STRICT)
                        .withAgentSelection(AgentSelection.BEST_PROFICIENCY).withWhenNoAgents(NoAgentsAction.REFUSE))
                .queue("general", List.of("billing"), q -> q.withOrdering(QueueOrdering.FIFO)
                        .withAgentSelection(AgentSelection.ROUND_ROBIN).withMaxWait(120, MaxWaitAction.VOICEMAIL, null)
                        .withCallback(new CallbackRules(30, CallbackStrategy.SEAT_FIRST, 2, 20, 30)))
                .queue("english", List.of("english"), q -> q.withAgentSelection(AgentSelection.FEWEST_CALLS)
                        .withWhenNoAgents(NoAgentsAction.OVERFLOW).withMaxWait(60, MaxWaitAction.OVERFLOW, "billing"))
                .rule(new TierRule("diamond", "diamond", null, List.of(),
                        List.of(WideningStep.groups(0, "vip"), WideningStep.groups(8, "general"), WideningStep.anyGroup(20))))
                .rule(new TierRule("gotone", null, "gotone", List.of("billing"),
                        List.of(WideningStep.groups(0, "gotone"), WideningStep.anyGroup(10))));
        String[] groups = {"vip", "general", "gotone"};
        SplittableRandom random = new SplittableRandom(seed);
        int agents = 12;
        for (int a = 0; a < agents; a++) {
            Map<String, Integer> skills = new java.util.HashMap<>();
            skills.put("billing", 1 + random.nextInt(10));
            if (random.nextBoolean()) {
                skills.put("broadband", 1 + random.nextInt(10));
            }
            if (random.nextInt(4) == 0) {
                skills.put("english", 1 + random.nextInt(10));
            }
            builder.agent("a" + a, random.nextInt(3) * 5, skills, groups[random.nextInt(groups.length)]);
        }
        CallCenterFloor floor = builder.build();
        AcdEngine engine = floor.engine;
        String[] queues = {"billing", "broadband", "general", "english"};
        EngineEvent e = new EngineEvent();
        List<Long> live = new ArrayList<>();
        long time = 0;
        long nextCall = 1;
        for (int step = 0; step < 20_000; step++) {
            time += random.nextInt(1500);
            int what = random.nextInt(100);
            if (what < 25) {
                long id = nextCall++;
                int am = random.nextInt(5) == 0 ? random.nextInt(agents) : -1;
                e.callArrived(time, id, engine.queueIndex(queues[random.nextInt(queues.length)]),
                        random.nextInt(3), random.nextInt(3) - 1, am, 0, "139" + id, "1-2");
                live.add(id);
            } else if (what < 45 && !live.isEmpty()) {
                long id = live.get(random.nextInt(live.size()));
                int agent = engine.agentOfCall(id);
                if (agent >= 0 && engine.callState(id) == CallState.OFFERED) {
                    e.offerAnswered(time, id, agent);
                } else {
                    e.callEvent(EventType.CALL_ENDED, time, id);
                }
            } else if (what < 52 && !live.isEmpty()) {
                long id = live.get(random.nextInt(live.size()));
                int agent = engine.agentOfCall(id);
                e.offerNotAnswered(time, id, agent < 0 ? 0 : agent);
            } else if (what < 58 && !live.isEmpty()) {
                e.callEvent(EventType.CALLER_ABANDONED, time, live.get(random.nextInt(live.size())));
            } else if (what < 80) {
                EventType[] kinds = {EventType.AGENT_LOGGED_IN, EventType.AGENT_READY, EventType.AGENT_READY,
                        EventType.AGENT_NOT_READY, EventType.AGENT_LOGGED_OUT, EventType.WRAP_UP_DONE};
                e.agentEvent(kinds[random.nextInt(kinds.length)], time, random.nextInt(agents + 1), 10);
            } else if (what < 82) {
                e.offerAnswered(time, 1_000_000 + random.nextInt(5), random.nextInt(agents));
            } else if (what < 84) {
                // A supervisor moves someone between teams in the middle of it all.
                Map<String, Integer> skills = new HashMap<>();
                for (String skill : List.of("billing", "broadband", "english")) {
                    if (random.nextBoolean()) {
                        skills.put(skill, 1 + random.nextInt(10));
                    }
                }
                AgentChange change = random.nextBoolean() ? AgentChange.skills(skills)
                        : AgentChange.seatGroups(List.of(groups[random.nextInt(groups.length)]));
                e.agentChanged(time, random.nextInt(agents), change);
            } else if (what < 88 && !live.isEmpty()) {
                // An agent sends a call on, now and then to a colleague by name; some of these
                // name a call the agent is not on, and are refused.
                long id = live.get(random.nextInt(live.size()));
                int agent = engine.agentOfCall(id);
                int colleague = random.nextInt(4) == 0 ? random.nextInt(agents) : EngineEvent.NONE;
                e.callTransferred(time, id, agent < 0 ? 0 : agent,
                        engine.queueIndex(queues[random.nextInt(queues.length)]), 0, colleague);
            } else if (what < 92 && !live.isEmpty()) {
                // Callers take callbacks (some in queues that never offered one, and are refused),
                // and customers called back answer or not.
                long id = live.get(random.nextInt(live.size()));
                int agent = engine.agentOfCall(id);
                switch (random.nextInt(3)) {
                    case 0 -> e.callbackRequested(time, id);
                    case 1 -> e.callbackReached(time, id, agent);
                    default -> e.callbackNotReached(time, id, agent);
                }
            } else {
                e.tick(time);
            }
            engine.onEvent(e);
            EngineInvariants.verify(engine);
            live.removeIf(id -> engine.callState(id) == null);
        }
        long offered = 0;
        long outcomes = 0;
        long answered = 0;
        long waiting = 0;
        for (int q = 0; q < engine.queueCount(); q++) {
            TrafficFigures f = engine.board().queue(q);
            offered += f.offered();
            answered += f.answered();
            waiting += engine.board().waitingNow(q);
            outcomes += f.answered() + f.abandoned() + f.overflowed() + f.timedOut() + f.refused()
                    + f.callbacksNotReached();
        }
        // Every entry into a queue has exactly one outcome, or has not been answered yet.
        assertEquals(offered, outcomes + waiting);
        long connected = live.stream().filter(id -> engine.callState(id) == CallState.CONNECTED).count();
        assertEquals(live.size() - connected, waiting, "unanswered calls the engine holds");
        assertTrue(answered > 200, "the traffic must reach seats, answered " + answered);
    }
}
