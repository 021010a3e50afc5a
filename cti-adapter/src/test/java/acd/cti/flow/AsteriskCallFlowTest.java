package acd.cti.flow;

import acd.ivr.customer.CallerNumbers;
import acd.ivr.customer.CustomerProfile;

import acd.core.config.BusinessHoursLoader;
import acd.core.config.ConfigSource;
import acd.core.engine.CallState;
import acd.core.engine.CallView;
import acd.core.engine.EngineEvent;
import acd.core.engine.EventType;
import acd.core.engine.ExitReason;
import acd.core.engine.HangupSide;
import acd.core.engine.ReasonCodes;
import acd.core.model.AgentSpec;
import acd.core.model.CallbackRules;
import acd.core.model.CallbackStrategy;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierSpec;
import acd.cti.agi.AgiChannel;
import acd.cti.agi.codec.AgiCommand;
import acd.cti.agi.codec.AgiReply;
import acd.cti.agi.codec.AgiRequest;
import acd.cti.ami.ChannelSnapshot;
import acd.cti.ami.PbxEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsteriskCallFlowTest {
    private static final RoutingConfig CONFIG = new RoutingConfig(List.of("billing", "english"), List.of("vip"),
            List.of(new TierSpec("gold", "金", 3, 0), new TierSpec("standard", "普通", 1, 0)), "standard", List.of(),
            List.of("break", "lunch"), 2,
            List.of(QueueSpec.of("general", List.of("billing")).withCallback(CallbackRules.offeredAbove(60)),
                    QueueSpec.of("english", List.of("english")).withCallback(
                            new CallbackRules(60, CallbackStrategy.CUSTOMER_FIRST, 2, 60, 30))),
            List.of(),
            List.of(new AgentSpec("1001", "王芳", "PJSIP/1001", Map.of("billing", 1), List.of(), 10),
                    new AgentSpec("1002", "李明", "PJSIP/1002", Map.of("billing", 1), List.of(), 10)));

    private final List<EngineEvent> published = Collections.synchronizedList(new ArrayList<>());
    private final List<String> actions = Collections.synchronizedList(new ArrayList<>());
    private List<ChannelSnapshot> liveChannels = List.of();
    private volatile boolean amiDown;
    private final AsteriskCallFlow flow = new AsteriskCallFlow(CONFIG,
            filler -> {
                EngineEvent e = new EngineEvent();
                filler.fill(e);
                published.add(e);
            },
            new PbxActions() {
                @Override
                public CompletionStage<Boolean> redirect(String channel, String context, String exten, int priority) {
                    actions.add("Redirect " + channel + " " + context + "," + exten + "," + priority);
                    return CompletableFuture.completedFuture(!amiDown);
                }

                @Override
                public CompletionStage<Boolean> setVariable(String channel, String name, String value) {
                    actions.add("Setvar " + channel + " " + name + "=" + value);
                    return CompletableFuture.completedFuture(true);
                }

                @Override
                public CompletionStage<Boolean> originate(String channel, String uniqueId, String callerId, long ringMs,
                                                          String context, Map<String, String> variables) {
                    actions.add("Originate " + channel + " " + uniqueId + " " + callerId + " " + ringMs + " " + context
                            + " " + variables);
                    return CompletableFuture.completedFuture(!amiDown);
                }

                @Override
                public CompletionStage<Boolean> hangup(String channel) {
                    actions.add("Hangup " + channel);
                    return CompletableFuture.completedFuture(true);
                }

                @Override
                public CompletionStage<Boolean> redirectBoth(String channel, String context, String extraChannel,
                                                             String extraContext) {
                    actions.add("Redirect " + channel + " " + context + " with " + extraChannel + " " + extraContext);
                    return CompletableFuture.completedFuture(!amiDown);
                }

                @Override
                public CompletionStage<Boolean> bridge(String channel, String otherChannel) {
                    actions.add("Bridge " + channel + " " + otherChannel);
                    return CompletableFuture.completedFuture(!amiDown);
                }

                @Override
                public CompletionStage<Boolean> record(String channel, String file) {
                    actions.add("MixMonitor " + channel + " " + file);
                    return CompletableFuture.completedFuture(true);
                }

                @Override
                public boolean reachable() {
                    return !amiDown;
                }

                @Override
                public List<ChannelSnapshot> liveChannels() {
                    return liveChannels;
                }
            },
            number -> number.equals("13900000001") ? new CustomerProfile("gold", null, null, "zh") : CustomerProfile.UNKNOWN,
            CallerNumbers.CHINA, () -> 1_000L);

    @AfterEach
    void close() {
        flow.close();
    }

    /** An AGI channel that answers every command with success, recording what was sent. */
    private static class ScriptedChannel implements AgiChannel {
        final List<String> sent = new ArrayList<>();
        final AgiRequest request;
        boolean failOnSend;
        boolean closed;
        /** What GET DATA answers: the keys the caller pressed. */
        String keys = "1";

        ScriptedChannel(String uniqueId, String callerId, String... args) {
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("agi_network_script", "acd");
            vars.put("agi_channel", "PJSIP/trunk-" + uniqueId);
            vars.put("agi_uniqueid", uniqueId);
            vars.put("agi_callerid", callerId);
            for (int i = 0; i < args.length; i++) {
                vars.put("agi_arg_" + (i + 1), args[i]);
            }
            this.request = new AgiRequest(vars);
        }

        @Override
        public AgiRequest request() {
            return request;
        }

        @Override
        public SocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 40000);
        }

        @Override
        public boolean isHungUp() {
            return failOnSend;
        }

        @Override
        public CompletionStage<AgiReply> send(AgiCommand command) {
            sent.add(command.line());
            if (failOnSend) {
                return CompletableFuture.failedFuture(new IllegalStateException("caller hung up"));
            }
            if (command.line().startsWith("GET DATA")) {
                return CompletableFuture.completedFuture(AgiReply.parse("200 result=" + keys));
            }
            return CompletableFuture.completedFuture(AgiReply.parse("200 result=1"));
        }

        @Override
        public CompletionStage<Void> close() {
            closed = true;
            return CompletableFuture.completedFuture(null);
        }
    }

    private static CallView call(long id) {
        return call(id, 0);
    }

    private static CallView call(long id, int queue) {
        return new CallView() {
            public long callId() { return id; }
            public int queueIndex() { return queue; }
            public int tierIndex() { return 0; }
            public int brandIndex() { return -1; }
            public int accountManagerIndex() { return -1; }
            public CharSequence callerNumber() { return ""; }
            public CharSequence ivrPath() { return ""; }
            public CharSequence callerChannel() { return null; }
            public CharSequence seatChannel() { return null; }
            public HangupSide hungUpFirst() { return HangupSide.UNKNOWN; }
            public long arrivedAtMs() { return 0; }
            public long queuedAtMs() { return 0; }
            public CallState state() { return CallState.QUEUED; }
        };
    }

    private void settle() throws InterruptedException {
        // Directives leave the engine thread through the flow's action thread.
        flow.awaitActions();
    }

    private long queueCaller(String uniqueId, String number, String... args) {
        ScriptedChannel channel = new ScriptedChannel(uniqueId, number, args);
        flow.queueScript().start(channel.request(), channel);
        assertTrue(channel.closed);
        EngineEvent arrived = published.get(published.size() - 1);
        assertEquals(EventType.CALL_ARRIVED, arrived.type);
        return arrived.callId;
    }

    @Test
    void aClassifiedCallerIsMarkedQueuedAndHandedToTheEngine() {
        ScriptedChannel channel = new ScriptedChannel("1795443164.12", "13900000001", "english");
        flow.queueScript().start(channel.request(), channel);
        assertEquals(List.of("SET VARIABLE ACD_CALL_ID 1", "SET VARIABLE ACD_QUEUED 1"), channel.sent);
        EngineEvent arrived = published.get(0);
        assertEquals(EventType.CALL_ARRIVED, arrived.type);
        assertEquals(1, arrived.queueIndex, "the queue named in the AGI argument");
        assertEquals(0, arrived.tierIndex, "gold, from the customer directory");
        assertEquals("13900000001", arrived.callerNumber.toString());
    }

    @Test
    void anInternationallyWrittenCallerIdKeepsItsTier() {
        for (String written : List.of("+8613900000001", "008613900000001", "013900000001")) {
            ScriptedChannel channel = new ScriptedChannel("1.1" + written.length(), written, "english");
            flow.queueScript().start(channel.request(), channel);
            EngineEvent arrived = published.get(published.size() - 1);
            assertEquals(0, arrived.tierIndex, written + " is the gold subscriber 13900000001");
            assertEquals("13900000001", arrived.callerNumber.toString(), written);
        }
    }

    @Test
    void aCallerWhoHangsUpDuringTheScriptNeverReachesTheEngine() {
        ScriptedChannel channel = new ScriptedChannel("1.1", "13900000002");
        channel.failOnSend = true;
        flow.queueScript().start(channel.request(), channel);
        assertEquals(List.of(), published);
        assertEquals(0, flow.callsInProgress());
    }

    @Test
    void anOfferSetsTheEndpointAndRingTimeThenRedirectsToDelivery() throws Exception {
        long id = queueCaller("1.2", "13900000003");
        flow.offerCall(1_000, call(id), 0, 15_000);
        settle();
        assertEquals(List.of("Setvar PJSIP/trunk-1.2 ACD_ENDPOINT=PJSIP/1001",
                "Setvar PJSIP/trunk-1.2 ACD_RING_TIMEOUT=15", "Setvar PJSIP/trunk-1.2 ACD_DELIVERY=1",
                "Setvar PJSIP/trunk-1.2 ACD_RECORDING=acd/19700101/" + id,
                "Redirect PJSIP/trunk-1.2 acd-deliver,s,1"), actions);
    }

    @Test
    void aWaitingCallerHearsTheirPlaceThenTheMusicAndNotOnceASeatRings() throws Exception {
        long id = queueCaller("1.21", "13900000003");
        flow.announcePosition(1_000, call(id), 3, 150_000, false, null);
        settle();
        assertEquals(List.of("Setvar PJSIP/trunk-1.21 ACD_ANNOUNCEMENT=acd/zh/queue/position&acd/zh/digits/3"
                        + "&acd/zh/queue/in-line&acd/zh/queue/expected-wait&acd/zh/digits/3&acd/zh/queue/minutes"
                        + "&acd/zh/queue/thank-you-for-waiting",
                "Setvar PJSIP/trunk-1.21 ACD_CALLBACK_OFFER=0", "Redirect PJSIP/trunk-1.21 acd-announce,s,1"), actions);

        actions.clear();
        flow.offerCall(1_000, call(id), 0, 15_000);
        flow.announcePosition(1_000, call(id), 1, 10_000, false, null);
        settle();
        assertEquals(List.of("Setvar PJSIP/trunk-1.21 ACD_ENDPOINT=PJSIP/1001", "Setvar PJSIP/trunk-1.21 ACD_RING_TIMEOUT=15",
                "Setvar PJSIP/trunk-1.21 ACD_DELIVERY=1",
                "Setvar PJSIP/trunk-1.21 ACD_RECORDING=acd/19700101/" + id, "Redirect PJSIP/trunk-1.21 acd-deliver,s,1"), actions,
                "a ringing seat is not interrupted");
    }

    @Test
    void aSeatWhosePhoneIsNotRegisteredIsReportedUnreachableByTheDialplanAlone() {
        long id = queueCaller("1.31", "13900000003");
        flow.offerCall(1_000, call(id), 0, 15_000);
        // No DialBegin or DialEnd: Asterisk could not make the seat's channel at all.
        flow.onPbxEvent(new PbxEvent.DialFailed("1.31", "PJSIP/trunk-1.31", "CHANUNAVAIL", "PJSIP/1001", "1"));
        EngineEvent unreachable = published.get(published.size() - 1);
        assertEquals(EventType.OFFER_NOT_ANSWERED, unreachable.type);
        assertEquals(ReasonCodes.UNREACHABLE, unreachable.reasonCode);

        int before = published.size();
        flow.onPbxEvent(new PbxEvent.DialFailed("1.31", "PJSIP/trunk-1.31", "CHANUNAVAIL", "PJSIP/1001", "1"));
        assertEquals(before, published.size(), "told once");

        // Offered again at once: a late word of the first Dial is not taken for the second.
        flow.offerCall(1_000, call(id), 0, 15_000);
        flow.onPbxEvent(new PbxEvent.DialFailed("1.31", "PJSIP/trunk-1.31", "NOANSWER", "PJSIP/1001", "1"));
        assertEquals(before, published.size(), "the second delivery is still ringing");
    }

    @Test
    void theDialplansWordAfterADialEndChangesNothing() {
        long id = queueCaller("1.32", "13900000003");
        flow.offerCall(1_000, call(id), 0, 15_000);
        flow.onPbxEvent(new PbxEvent.DialBegin("1.32", "PJSIP/trunk-1.32", "1.33", "PJSIP/1001-00000001", "1001"));
        flow.onPbxEvent(new PbxEvent.DialEnd("1.32", "PJSIP/trunk-1.32", "1.33", "PJSIP/1001-00000001", "NOANSWER"));
        int before = published.size();
        flow.onPbxEvent(new PbxEvent.DialFailed("1.32", "PJSIP/trunk-1.32", "NOANSWER", "PJSIP/1001", "1"));
        assertEquals(before, published.size());
    }

    @Test
    void aBusySeatPutsTheCallBackAndAnAnsweredOneConnectsIt() {
        long id = queueCaller("1.3", "13900000003");
        flow.offerCall(1_000, call(id), 0, 15_000);
        flow.onPbxEvent(new PbxEvent.DialBegin("1.3", "PJSIP/trunk-1.3", "1.4", "PJSIP/1001-00000001", "1001"));
        flow.onPbxEvent(new PbxEvent.DialEnd("1.3", "PJSIP/trunk-1.3", "1.4", "PJSIP/1001-00000001", "BUSY"));
        EngineEvent refused = published.get(published.size() - 1);
        assertEquals(EventType.OFFER_NOT_ANSWERED, refused.type);
        flow.offerCall(1_000, call(id), 0, 15_000);
        flow.onPbxEvent(new PbxEvent.DialBegin("1.3", "PJSIP/trunk-1.3", "1.5", "PJSIP/1001-00000002", "1001"));
        flow.onPbxEvent(new PbxEvent.DialEnd("1.3", "PJSIP/trunk-1.3", "1.5", "PJSIP/1001-00000002", "ANSWER"));
        EngineEvent answered = published.get(published.size() - 1);
        assertEquals(EventType.OFFER_ANSWERED, answered.type);
        assertEquals(0, answered.agentIndex);
    }

    @Test
    void aConnectedCallEndsOnceWhicheverSideHangsUpFirst() {
        long id = queueCaller("1.6", "13900000003");
        flow.offerCall(1_000, call(id), 0, 15_000);
        flow.onPbxEvent(new PbxEvent.DialBegin("1.6", "PJSIP/trunk-1.6", "1.7", "PJSIP/1001-00000003", "1001"));
        flow.onPbxEvent(new PbxEvent.DialEnd("1.6", "PJSIP/trunk-1.6", "1.7", "PJSIP/1001-00000003", "ANSWER"));
        flow.onPbxEvent(new PbxEvent.ChannelHangup("1.7", "1.6", "PJSIP/1001-00000003", 16, "Normal Clearing"));
        flow.onPbxEvent(new PbxEvent.ChannelHangup("1.6", "1.6", "PJSIP/trunk-1.6", 16, "Normal Clearing"));
        long ended = published.stream().filter(e -> e.type == EventType.CALL_ENDED).count();
        assertEquals(1, ended);
        assertEquals(0, flow.callsInProgress());
    }

    private long connectedCall(String callerUniqueId, String seatUniqueId) {
        long id = queueCaller(callerUniqueId, "13900000003");
        flow.offerCall(1_000, call(id), 0, 15_000);
        flow.onPbxEvent(new PbxEvent.DialBegin(callerUniqueId, "PJSIP/trunk-" + callerUniqueId, seatUniqueId,
                "PJSIP/1001-" + seatUniqueId, "1001"));
        flow.onPbxEvent(new PbxEvent.DialEnd(callerUniqueId, "PJSIP/trunk-" + callerUniqueId, seatUniqueId,
                "PJSIP/1001-" + seatUniqueId, "ANSWER"));
        return id;
    }

    private EngineEvent lastOf(EventType type) {
        synchronized (published) {
            for (int i = published.size() - 1; i >= 0; i--) {
                if (published.get(i).type == type) {
                    return published.get(i);
                }
            }
        }
        throw new AssertionError("no " + type + " in " + published);
    }

    @Test
    void theEngineHearsTheCallersChannelOnArrivalAndTheSeatsOnAnswer() {
        long id = connectedCall("7.1", "7.2");
        assertEquals("7.1", lastOf(EventType.CALL_ARRIVED).channelId.toString());
        EngineEvent answered = lastOf(EventType.OFFER_ANSWERED);
        assertEquals(id, answered.callId);
        assertEquals("7.2", answered.channelId.toString());
    }

    @Test
    void theSeatLeavingTheBridgeFirstEndsTheCallAsHungUpByTheSeat() {
        long id = connectedCall("7.3", "7.4");
        flow.onPbxEvent(new PbxEvent.BridgeLeave("7.4", "PJSIP/1001-7.4", "b-1"));
        flow.onPbxEvent(new PbxEvent.BridgeLeave("7.3", "PJSIP/trunk-7.3", "b-1"));
        flow.onPbxEvent(new PbxEvent.ChannelHangup("7.4", "7.3", "PJSIP/1001-7.4", 16, "Normal Clearing"));
        EngineEvent ended = lastOf(EventType.CALL_ENDED);
        assertEquals(id, ended.callId);
        assertEquals(HangupSide.SEAT, ended.hungUpFirst);
    }

    @Test
    void theCallerLeavingTheBridgeFirstIsTheVerdictThoughDialDestroysTheSeatsChannelFirst() {
        long id = connectedCall("7.5", "7.6");
        flow.onPbxEvent(new PbxEvent.BridgeLeave("7.5", "PJSIP/trunk-7.5", "b-2"));
        flow.onPbxEvent(new PbxEvent.BridgeLeave("7.6", "PJSIP/1001-7.6", "b-2"));
        flow.onPbxEvent(new PbxEvent.ChannelHangup("7.6", "7.5", "PJSIP/1001-7.6", 16, "Normal Clearing"));
        flow.onPbxEvent(new PbxEvent.ChannelHangup("7.5", "7.5", "PJSIP/trunk-7.5", 16, "Normal Clearing"));
        EngineEvent ended = lastOf(EventType.CALL_ENDED);
        assertEquals(id, ended.callId);
        assertEquals(HangupSide.CALLER, ended.hungUpFirst);
        assertEquals(1, published.stream().filter(e -> e.type == EventType.CALL_ENDED).count());
    }

    @Test
    void aCallThatEndedUnseenWhileAmiWasDownIsEndedWithTheSideAsteriskStillHas() throws Exception {
        long seatLeft = connectedCall("8.1", "8.2");
        long bothGone = connectedCall("8.3", "8.4");
        // The seat of the first hung up while the events were lost; its caller is in the survey.
        liveChannels = List.of(new ChannelSnapshot("8.1", "8.1", "PJSIP/trunk-8.1", "acd-survey", "s", "AGI", ""));
        published.clear();
        flow.onPbxEvent(new PbxEvent.Connected(2));
        for (int i = 0; i < 200 && published.size() < 2; i++) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        Map<Long, HangupSide> verdicts = new java.util.HashMap<>();
        for (EngineEvent e : List.copyOf(published)) {
            if (e.type == EventType.CALL_ENDED) {
                verdicts.put(e.callId, e.hungUpFirst);
            }
        }
        assertEquals(Map.of(seatLeft, HangupSide.SEAT, bothGone, HangupSide.UNKNOWN), verdicts);
    }

    @Test
    void anAnswerMissedWhileAmiWasDownNamesTheSeatSharingTheCallersBridge() throws Exception {
        long id = queueCaller("9.1", "13900000003");
        flow.offerCall(1_000, call(id), 0, 15_000);
        settle();
        liveChannels = List.of(
                new ChannelSnapshot("9.1", "9.1", "PJSIP/trunk-9.1", "acd-deliver", "s", "Dial", "bridge-9"),
                new ChannelSnapshot("9.2", "9.1", "PJSIP/1001-00000009", "seats", "1001", "AppDial", "bridge-9"));
        published.clear();
        flow.onPbxEvent(new PbxEvent.Connected(2));
        for (int i = 0; i < 200 && published.isEmpty(); i++) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        EngineEvent answered = lastOf(EventType.OFFER_ANSWERED);
        assertEquals(id, answered.callId);
        assertEquals("9.2", answered.channelId.toString());
        // The seat found in the bridge is followed from then on: its leaving the bridge first counts.
        flow.onPbxEvent(new PbxEvent.BridgeLeave("9.2", "PJSIP/1001-00000009", "bridge-9"));
        flow.onPbxEvent(new PbxEvent.ChannelHangup("9.2", "9.1", "PJSIP/1001-00000009", 16, "Normal Clearing"));
        assertEquals(HangupSide.SEAT, lastOf(EventType.CALL_ENDED).hungUpFirst);
    }

    @Test
    void aHangupWithoutABridgeLeaveSaysNothingOfWhoHungUpFirst() {
        connectedCall("9.5", "9.6");
        // Dial destroys the seat's channel first whoever hung up: no witness, no verdict.
        flow.onPbxEvent(new PbxEvent.ChannelHangup("9.6", "9.5", "PJSIP/1001-9.6", 16, "Normal Clearing"));
        assertEquals(HangupSide.UNKNOWN, lastOf(EventType.CALL_ENDED).hungUpFirst);
    }

    @Test
    void aWaitingCallerWhoHangsUpEndsTheCallForTheEngineToCountAsAnAbandon() {
        long id = queueCaller("1.8", "13900000003");
        flow.onPbxEvent(new PbxEvent.ChannelHangup("1.8", "1.8", "PJSIP/trunk-1.8", 16, "Normal Clearing"));
        EngineEvent last = published.get(published.size() - 1);
        assertEquals(EventType.CALL_ENDED, last.type);
        assertEquals(id, last.callId);
    }

    @Test
    void releasingACallerByRuleSendsThemToTheExitContextWithTheirQueuesVoicemailBox() throws Exception {
        long id = queueCaller("1.9", "13900000003");
        flow.sendToVoicemail(1_000, call(id), ExitReason.MAX_WAIT);
        settle();
        assertEquals(List.of("Setvar PJSIP/trunk-1.9 ACD_VOICEMAIL_BOX=general@acd",
                "Setvar PJSIP/trunk-1.9 ACD_EXIT=voicemail", "Redirect PJSIP/trunk-1.9 acd-exit,s,1"), actions);
        flow.onPbxEvent(new PbxEvent.ChannelHangup("1.9", "1.9", "PJSIP/trunk-1.9", 16, "Normal Clearing"));
        assertEquals(EventType.CALL_ARRIVED, published.get(published.size() - 1).type, "no abandon after release");
    }

    @Test
    void aCallerToAClosedQueueHearsItsHoursBeforeLeavingAMessage() throws Exception {
        flow.useHours(BusinessHoursLoader.parse(new ConfigSource("hours.yaml", """
                calendars:
                  office: {monday-friday: 08:00-20:00, holidays: [2026-10-01]}
                queues:
                  general: {calendar: office}
                """), CONFIG));
        long id = queueCaller("6.1", "13900000003");
        flow.sendToVoicemail(1_000, call(id), ExitReason.CLOSED);
        settle();
        assertEquals(List.of("Setvar PJSIP/trunk-6.1 ACD_VOICEMAIL_BOX=general@acd",
                "Setvar PJSIP/trunk-6.1 ACD_CLOSED_HOURS=acd/zh/hours/closed-now&acd/zh/hours/service-hours-are"
                        + "&acd/zh/hours/monday&acd/zh/hours/to&acd/zh/hours/friday&" + zhNumber(8)
                        + "&acd/zh/hours/oclock&acd/zh/hours/to&" + zhNumber(20) + "&acd/zh/hours/oclock"
                        + "&acd/zh/hours/holidays-excepted",
                "Setvar PJSIP/trunk-6.1 ACD_EXIT=voicemail", "Redirect PJSIP/trunk-6.1 acd-exit,s,1"), actions);
    }

    private static String zhNumber(long n) {
        return String.join("&", acd.ivr.speech.Speech.forLanguage("zh").number(n));
    }

    @Test
    void afterAReconnectGoneCallersEndAndLostOffersReturnAndUnknownHeldCallersAreQueued() throws Exception {
        long gone = queueCaller("2.1", "13900000003");
        long lostOffer = queueCaller("2.2", "13900000004");
        flow.offerCall(1_000, call(lostOffer), 0, 15_000);
        liveChannels = List.of(
                new ChannelSnapshot("2.2", "2.2", "PJSIP/trunk-2.2", "acd-hold", "s", "MusicOnHold", ""),
                new ChannelSnapshot("2.9", "2.9", "PJSIP/trunk-2.9", "acd-hold", "s", "MusicOnHold", ""));
        published.clear();
        flow.onPbxEvent(new PbxEvent.Connected(2));
        for (int i = 0; i < 200 && published.size() < 3; i++) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        List<EventType> types = published.stream().map(e -> e.type).toList();
        assertEquals(List.of(EventType.CALL_ENDED, EventType.OFFER_NOT_ANSWERED, EventType.CALL_ARRIVED), types);
        assertEquals(gone, published.get(0).callId);
        assertEquals(lostOffer, published.get(1).callId);
        assertEquals(1, flow.recoveredCalls());
    }

    @Test
    void anOfferMadeWhileAmiWasDownIsDeliveredAfterTheReconnect() throws Exception {
        long id = queueCaller("4.1", "13900000005");
        amiDown = true;
        flow.offerCall(1_000, call(id), 0, 15_000);
        settle();
        amiDown = false;
        actions.clear();
        liveChannels = List.of(new ChannelSnapshot("4.1", "4.1", "PJSIP/trunk-4.1", "acd-hold", "s", "MusicOnHold", ""));
        flow.onPbxEvent(new PbxEvent.Connected(2));
        settle();
        assertEquals(List.of("Setvar PJSIP/trunk-4.1 ACD_ENDPOINT=PJSIP/1001", "Setvar PJSIP/trunk-4.1 ACD_RING_TIMEOUT=15",
                "Setvar PJSIP/trunk-4.1 ACD_DELIVERY=2", "Setvar PJSIP/trunk-4.1 ACD_RECORDING=acd/19700101/" + id,
                "Redirect PJSIP/trunk-4.1 acd-deliver,s,1"), actions);
        assertEquals(EventType.CALL_ARRIVED, published.get(published.size() - 1).type, "nothing told to the engine");
    }

    @Test
    void aCallerWhoLeavesJustAfterJoiningTheLineCountsAsOfferedAndAbandoned() {
        ScriptedChannel channel = new ScriptedChannel("5.1", "13900000006") {
            @Override
            public CompletionStage<Void> close() {
                // Asterisk reports the hang-up before the script's end reaches the flow.
                flow.onPbxEvent(new PbxEvent.ChannelHangup("5.1", "5.1", "PJSIP/trunk-5.1", 16, "Normal Clearing"));
                return super.close();
            }
        };
        flow.queueScript().start(channel.request(), channel);
        assertEquals(List.of(EventType.CALL_ARRIVED, EventType.CALL_ENDED), published.stream().map(e -> e.type).toList());
        assertEquals(0, flow.callsInProgress());
    }

    @Test
    void seatFeatureCodesBecomeAgentEventsForTheCallingSeat() {
        ScriptedChannel login = new ScriptedChannel("3.1", "1001", "login");
        flow.seatScript().start(login.request(), login);
        ScriptedChannel away = new ScriptedChannel("3.2", "1001", "notready", "2");
        flow.seatScript().start(away.request(), away);
        assertEquals(EventType.AGENT_LOGGED_IN, published.get(0).type);
        assertEquals(EventType.AGENT_NOT_READY, published.get(1).type);
        assertEquals(ReasonCodes.FIRST_CONFIGURED + 1, published.get(1).reasonCode, "reason 2 is 'lunch'");
        ScriptedChannel stranger = new ScriptedChannel("3.3", "9999", "login");
        flow.seatScript().start(stranger.request(), stranger);
        assertEquals(2, published.size());
        assertTrue(stranger.closed);
    }

    // ---------------------------------------------------------------- callbacks

    /** A caller offered a callback presses 1 in the /callback script; returns the call id. */
    private long callerTakingACallback(String uniqueId, String number) throws Exception {
        long id = queueCaller(uniqueId, number);
        flow.announcePosition(1_000, call(id), 4, 300_000, true, null);
        settle();
        ScriptedChannel agi = new ScriptedChannel(uniqueId, number, Long.toString(id));
        flow.callbackScript().start(agi.request(), agi);
        List<String> said = new ArrayList<>();
        for (String sound : List.of("position", "digits/4", "in-line", "expected-wait", "digits/5", "minutes",
                "callback-offer")) {
            said.add("STREAM FILE acd/zh/" + (sound.startsWith("digits") ? "" : "queue/") + sound + " 1");
        }
        said.addAll(List.of("GET DATA acd/zh/queue/thank-you-for-waiting 5000 1",
                "STREAM FILE acd/zh/callback-confirmed \"\"", "HANGUP"));
        assertEquals(said, agi.sent);
        assertEquals(EventType.CALLBACK_REQUESTED, published.get(published.size() - 1).type);
        flow.onPbxEvent(new PbxEvent.ChannelHangup(uniqueId, uniqueId, "PJSIP/trunk-" + uniqueId, 16, "Normal"));
        assertEquals(EventType.CALLBACK_REQUESTED, published.get(published.size() - 1).type,
                "the caller hanging up ends nothing: their place is kept");
        actions.clear();
        return id;
    }

    @Test
    void anAnnouncementOffersTheCallbackThroughTheCallbackScriptAndKeyOneTakesIt() throws Exception {
        long id = queueCaller("1.71", "13900000003");
        flow.announcePosition(1_000, call(id), 4, 300_000, true, null);
        settle();
        assertTrue(actions.contains("Setvar PJSIP/trunk-1.71 ACD_CALLBACK_OFFER=1"), actions.toString());
        callerTakingACallback("1.72", "13900000004");
        flow.announcePosition(2_000, call(id + 1), 1, 300_000, true, null);
        settle();
        assertEquals(List.of(), actions, "nobody on the line to announce to");
    }

    @Test
    void aCallerWhoDoesNotPressIsTakenBackToTheMusicAndAScriptForAnotherCallIsRefused() {
        long id = queueCaller("1.73", "13900000003");
        flow.announcePosition(1_000, call(id), 4, 300_000, true, null);
        ScriptedChannel other = new ScriptedChannel("9.99", "13900000009", Long.toString(id));
        flow.callbackScript().start(other.request(), other);
        assertEquals(List.of(), other.sent);
        assertTrue(other.closed);
        ScriptedChannel silent = new ScriptedChannel("1.73", "13900000003", Long.toString(id)) {
            @Override
            public CompletionStage<AgiReply> send(AgiCommand command) {
                sent.add(command.line());
                return CompletableFuture.completedFuture(AgiReply.parse("200 result= (timeout)"));
            }
        };
        flow.callbackScript().start(silent.request(), silent);
        assertEquals("GET DATA acd/zh/queue/thank-you-for-waiting 5000 1", silent.sent.get(silent.sent.size() - 1));
        assertTrue(silent.closed);
        assertEquals(EventType.CALL_ARRIVED, published.get(published.size() - 1).type);
    }

    @Test
    void aSeatFirstCallbackRingsTheSeatThenTheCustomerAndConnectsWhenTheCustomerAnswers() throws Exception {
        long id = callerTakingACallback("1.74", "13900000004");
        flow.offerCall(2_000, call(id), 0, 15_000);
        settle();
        String seat = "acd-callback-" + id + "-1";
        assertEquals(List.of("Originate PJSIP/1001 " + seat + " 13900000004 15000 acd-callback {ACD_CALL_ID=" + id
                + ", ACD_LANGUAGE=zh, ACD_CUSTOMER_RING=30, ACD_RECORDING=acd/19700101/" + id + ", ACD_CALLBACK_NUMBER=13900000004}"), actions);
        flow.onPbxEvent(new PbxEvent.DialBegin(seat, "PJSIP/1001-00000007", "1.75", "PJSIP/hotline-trunk-00000008",
                "13900000004@hotline-trunk"));
        flow.onPbxEvent(new PbxEvent.DialEnd(seat, "PJSIP/1001-00000007", "1.75", "PJSIP/hotline-trunk-00000008",
                "ANSWER"));
        EngineEvent reached = published.get(published.size() - 2);
        EngineEvent answered = published.get(published.size() - 1);
        assertEquals(EventType.CALLBACK_REACHED, reached.type);
        assertEquals(EventType.OFFER_ANSWERED, answered.type);
        assertEquals(seat, answered.channelId.toString());
        flow.onPbxEvent(new PbxEvent.BridgeLeave("1.75", "PJSIP/hotline-trunk-00000008", "b1"));
        flow.onPbxEvent(new PbxEvent.ChannelHangup("1.75", seat, "PJSIP/hotline-trunk-00000008", 16, "Normal"));
        EngineEvent ended = published.get(published.size() - 1);
        assertEquals(EventType.CALL_ENDED, ended.type);
        assertEquals(HangupSide.CALLER, ended.hungUpFirst, "the customer hung up first");
    }

    @Test
    void aCustomerWhoDoesNotAnswerIsNotReachedAndASeatThatDoesNotAnswerMissedIt() throws Exception {
        long id = callerTakingACallback("1.76", "13900000004");
        flow.offerCall(2_000, call(id), 0, 15_000);
        settle();
        String seat = "acd-callback-" + id + "-1";
        flow.onPbxEvent(new PbxEvent.DialBegin(seat, "PJSIP/1001-00000009", "1.77", "PJSIP/hotline-trunk-0000000a",
                "13900000004@hotline-trunk"));
        flow.onPbxEvent(new PbxEvent.DialEnd(seat, "PJSIP/1001-00000009", "1.77", "PJSIP/hotline-trunk-0000000a",
                "NOANSWER"));
        assertEquals(EventType.CALLBACK_NOT_REACHED, published.get(published.size() - 1).type);
        flow.onPbxEvent(new PbxEvent.ChannelHangup(seat, seat, "PJSIP/1001-00000009", 16, "Normal"));
        assertEquals(EventType.CALLBACK_NOT_REACHED, published.get(published.size() - 1).type, "told once");

        flow.offerCall(3_000, call(id), 0, 15_000);
        settle();
        flow.onPbxEvent(new PbxEvent.ChannelHangup("acd-callback-" + id + "-2", "x", "PJSIP/1001-0000000b", 19,
                "No answer"));
        EngineEvent missed = published.get(published.size() - 1);
        assertEquals(EventType.OFFER_NOT_ANSWERED, missed.type, "the seat did not take it: back in line");
        assertEquals(0, missed.agentIndex);
    }

    @Test
    void aCustomerFirstCallbackDialsTheCustomerWhoThenRingsTheSeatAsAnyCaller() throws Exception {
        long id = callerTakingACallback("1.78", "13900000004");
        flow.offerCall(2_000, call(id, 1), 0, 15_000);
        settle();
        String customer = "acd-callback-" + id + "-1";
        assertEquals(List.of("Originate Local/13900000004@acd-callback-customer/n " + customer + " 13900000004 30000 "
                + "acd-callback-answered {ACD_CALL_ID=" + id + ", ACD_LANGUAGE=zh, ACD_CUSTOMER_RING=30, "
                + "ACD_RECORDING=acd/19700101/" + id + ", ACD_ENDPOINT=PJSIP/1001, ACD_RING_TIMEOUT=15, ACD_DELIVERY=1}"), actions);
        String local = "Local/13900000004@acd-callback-customer-00000001;1";
        flow.onPbxEvent(new PbxEvent.DialBegin(customer, local, "1.79", "PJSIP/1001-0000000c", "1001"));
        assertEquals(EventType.CALLBACK_REACHED, published.get(published.size() - 1).type);
        flow.onPbxEvent(new PbxEvent.DialEnd(customer, local, "1.79", "PJSIP/1001-0000000c", "NOANSWER"));
        assertEquals(EventType.OFFER_NOT_ANSWERED, published.get(published.size() - 1).type);
        actions.clear();
        flow.offerCall(3_000, call(id, 1), 0, 15_000);
        settle();
        assertEquals("Redirect " + local + " acd-deliver,s,1", actions.get(actions.size() - 1),
                "now on the line, the customer is delivered as any waiting caller");
    }

    @Test
    void aCustomerCalledFirstWhoDoesNotAnswerIsNotReached() throws Exception {
        long id = callerTakingACallback("1.80", "13900000004");
        flow.offerCall(2_000, call(id, 1), 0, 15_000);
        settle();
        flow.onPbxEvent(new PbxEvent.ChannelHangup("acd-callback-" + id + "-1", "x",
                "Local/13900000004@acd-callback-customer-00000002;1", 19, "No answer"));
        assertEquals(EventType.CALLBACK_NOT_REACHED, published.get(published.size() - 1).type);
    }

    @Test
    void aResyncLeavesACallbackWithNobodyOnTheLineInItsPlace() throws Exception {
        long id = callerTakingACallback("1.81", "13900000004");
        liveChannels = List.of();
        int before = published.size();
        flow.resync();
        assertEquals(before, published.size(), "no end for call " + id);
    }

    // ---------------------------------------------------------------- consultative transfer

    /** A call connected to seat 1001 whose agent consults 1002, ringing on channel {@code colleagueId}. */
    private long consulting(String callerId, String seatId, String colleagueId) throws Exception {
        long id = connectedCall(callerId, seatId);
        flow.onPbxEvent(new PbxEvent.BridgeEnter(callerId, "PJSIP/trunk-" + callerId, "b-" + callerId));
        flow.consult(2_000, call(id), 0, 1, 20_000);
        settle();
        flow.onPbxEvent(new PbxEvent.BridgeLeave(callerId, "PJSIP/trunk-" + callerId, "b-" + callerId));
        flow.onPbxEvent(new PbxEvent.BridgeLeave(seatId, "PJSIP/1001-" + seatId, "b-" + callerId));
        flow.onPbxEvent(new PbxEvent.DialBegin(seatId, "PJSIP/1001-" + seatId, colleagueId, "PJSIP/1002-" + colleagueId,
                "PJSIP/1002"));
        return id;
    }

    private void colleagueAnswers(String seatId, String colleagueId) {
        flow.onPbxEvent(new PbxEvent.DialEnd(seatId, "PJSIP/1001-" + seatId, colleagueId, "PJSIP/1002-" + colleagueId,
                "ANSWER"));
    }

    @Test
    void aConsultationTakesTheCallerAndTheSeatOutTogetherAndAHandOverJoinsTheCallerToTheColleague() throws Exception {
        long id = consulting("9.1", "9.2", "9.3");
        assertTrue(actions.contains("Setvar PJSIP/1001-9.2 ACD_CONSULT_ENDPOINT=PJSIP/1002"), actions.toString());
        assertTrue(actions.contains("Setvar PJSIP/1001-9.2 ACD_RING_TIMEOUT=20"));
        assertTrue(actions.contains("Redirect PJSIP/trunk-9.1 acd-consult-hold with PJSIP/1001-9.2 acd-consult"));
        colleagueAnswers("9.2", "9.3");
        EngineEvent answered = lastOf(EventType.CONSULT_ANSWERED);
        assertEquals(1, answered.agentIndex);
        assertEquals("9.3", answered.channelId.toString());

        flow.endConsult(3_000, call(id), 0, 1, true);
        settle();
        assertTrue(actions.contains("Setvar PJSIP/1001-9.2 ACD_CONSULT_DONE=1"), actions.toString());
        assertTrue(actions.contains("Bridge PJSIP/trunk-9.1 PJSIP/1002-9.3"));
        assertTrue(actions.stream().anyMatch(a -> a.startsWith("MixMonitor PJSIP/trunk-9.1 ")),
                "the recording goes on from the caller's side");
        // the agent's channel goes, and the colleague leaves the bridge it had with the agent: neither ends the call
        flow.onPbxEvent(new PbxEvent.BridgeLeave("9.3", "PJSIP/1002-9.3", "b-old"));
        flow.onPbxEvent(new PbxEvent.ChannelHangup("9.2", "9.1", "PJSIP/1001-9.2", 16, "Normal Clearing"));
        assertEquals(0, published.stream().filter(e -> e.type == EventType.CALL_ENDED).count());
        flow.onPbxEvent(new PbxEvent.BridgeEnter("9.1", "PJSIP/trunk-9.1", "b-new"));
        flow.onPbxEvent(new PbxEvent.BridgeLeave("9.3", "PJSIP/1002-9.3", "b-new"));
        flow.onPbxEvent(new PbxEvent.ChannelHangup("9.3", "9.1", "PJSIP/1002-9.3", 16, "Normal Clearing"));
        EngineEvent ended = lastOf(EventType.CALL_ENDED);
        assertEquals(id, ended.callId);
        assertEquals(HangupSide.SEAT, ended.hungUpFirst, "the colleague hung up first");
    }

    @Test
    void aColleagueWhoDoesNotAnswerGivesTheAgentTheCallerBack() throws Exception {
        long id = consulting("9.4", "9.5", "9.6");
        flow.onPbxEvent(new PbxEvent.DialEnd("9.5", "PJSIP/1001-9.5", "9.6", "PJSIP/1002-9.6", "NOANSWER"));
        flow.onPbxEvent(new PbxEvent.ConsultOver("9.5", "PJSIP/1001-9.5", Long.toString(id), "NOANSWER"));
        EngineEvent over = lastOf(EventType.CONSULT_CANCELLED);
        assertEquals(0, over.agentIndex);
        flow.endConsult(3_000, call(id), 0, 1, false);
        settle();
        assertTrue(actions.contains("Bridge PJSIP/trunk-9.4 PJSIP/1001-9.5"), actions.toString());
        assertEquals(0, published.stream().filter(e -> e.type == EventType.CALL_ENDED).count());
    }

    @Test
    void anAgentGoingBackFromTheDeskEndsTheColleaguesLegThenRejoinsTheCaller() throws Exception {
        long id = consulting("9.7", "9.8", "9.9");
        colleagueAnswers("9.8", "9.9");
        flow.endConsult(3_000, call(id), 0, 1, false);
        settle();
        assertTrue(actions.contains("Hangup PJSIP/1002-9.9"), actions.toString());
        flow.onPbxEvent(new PbxEvent.ConsultOver("9.8", "PJSIP/1001-9.8", Long.toString(id), "ANSWER"));
        settle();
        assertTrue(actions.contains("Bridge PJSIP/trunk-9.7 PJSIP/1001-9.8"));
        assertEquals(0, published.stream().filter(e -> e.type == EventType.CONSULT_CANCELLED).count(),
                "the engine ended it: it is not told again");
    }

    @Test
    void anAgentWhoHangsUpWhileTalkingWithTheColleagueHandsTheCallerOver() throws Exception {
        long id = consulting("8.1", "8.2", "8.3");
        colleagueAnswers("8.2", "8.3");
        flow.onPbxEvent(new PbxEvent.ChannelHangup("8.2", "8.1", "PJSIP/1001-8.2", 16, "Normal Clearing"));
        flow.onPbxEvent(new PbxEvent.ConsultTaken("8.3", "PJSIP/1002-8.3", Long.toString(id)));
        EngineEvent completed = lastOf(EventType.CONSULT_COMPLETED);
        assertEquals(0, completed.agentIndex);
        flow.endConsult(3_000, call(id), 0, 1, true);
        settle();
        assertTrue(actions.contains("Bridge PJSIP/trunk-8.1 PJSIP/1002-8.3"), actions.toString());
        assertFalse(actions.contains("Setvar PJSIP/1001-8.2 ACD_CONSULT_DONE=1"), "the agent's channel is gone");
        assertEquals(0, published.stream().filter(e -> e.type == EventType.CALL_ENDED).count());
    }

    @Test
    void anAgentWhoHangsUpBeforeTheColleagueAnswersPutsTheCallerBackInLine() throws Exception {
        long id = consulting("8.4", "8.5", "8.6");
        flow.onPbxEvent(new PbxEvent.ChannelHangup("8.5", "8.4", "PJSIP/1001-8.5", 16, "Normal Clearing"));
        assertEquals(id, lastOf(EventType.CONSULT_CANCELLED).callId);
        EngineEvent back = lastOf(EventType.CALL_TRANSFERRED);
        assertEquals(0, back.agentIndex);
        assertEquals(EngineEvent.NONE, back.queueIndex, "the queue the call is in");
        assertEquals(0, published.stream().filter(e -> e.type == EventType.CALL_ENDED).count());
    }

    @Test
    void aCallerWhoHangsUpOnHoldEndsTheCallAndBothAgentsLegs() throws Exception {
        long id = consulting("8.7", "8.8", "8.9");
        colleagueAnswers("8.8", "8.9");
        flow.onPbxEvent(new PbxEvent.ChannelHangup("8.7", "8.7", "PJSIP/trunk-8.7", 16, "Normal Clearing"));
        assertEquals(id, lastOf(EventType.CALL_ENDED).callId);
        settle();
        assertTrue(actions.contains("Hangup PJSIP/1002-8.9"), actions.toString());
        assertTrue(actions.contains("Hangup PJSIP/1001-8.8"));
    }

    @Test
    void aConsultationAsteriskRefusesLeavesTheCallAsItWasAndTellsTheEngine() throws Exception {
        long id = connectedCall("8.10", "8.11");
        amiDown = true;
        flow.consult(2_000, call(id), 0, 1, 20_000);
        settle();
        assertEquals(id, lastOf(EventType.CONSULT_CANCELLED).callId);
        amiDown = false;
        flow.onPbxEvent(new PbxEvent.BridgeLeave("8.10", "PJSIP/trunk-8.10", "b-1"));
        flow.onPbxEvent(new PbxEvent.ChannelHangup("8.10", "8.10", "PJSIP/trunk-8.10", 16, "Normal Clearing"));
        assertEquals(HangupSide.CALLER, lastOf(EventType.CALL_ENDED).hungUpFirst, "the conversation went on");
    }

    /** The /transfer script as the features.conf codes run it on a seat's channel. */
    private ScriptedChannel keyedTransfer(String seatUniqueId, String seat, String kind, String keys) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("agi_network_script", "transfer");
        vars.put("agi_channel", "PJSIP/" + seat + "-" + seatUniqueId);
        vars.put("agi_uniqueid", seatUniqueId);
        vars.put("agi_callerid", seat);
        vars.put("agi_arg_1", kind);
        ScriptedChannel keyed = new ScriptedChannel(seatUniqueId, seat, kind) {
            @Override
            public AgiRequest request() {
                return new AgiRequest(vars);
            }
        };
        keyed.keys = keys;
        flow.transferScript().start(keyed.request(), keyed);
        return keyed;
    }

    @Test
    void keysOnTheSeatPhoneTransferToAColleagueOrAQueueByItsNumberAndWrongKeysAreRefused() throws Exception {
        long id = connectedCall("6.1", "6.2");
        ScriptedChannel blind = keyedTransfer("6.2", "1001", "blind", "1002");
        assertTrue(blind.closed);
        EngineEvent moved = lastOf(EventType.CALL_TRANSFERRED);
        assertEquals(id, moved.callId);
        assertEquals(0, moved.agentIndex);
        assertEquals(1, moved.accountManagerIndex, "to agent 1002");

        keyedTransfer("6.2", "1001", "consult", "02");
        EngineEvent asked = lastOf(EventType.CONSULT_STARTED);
        assertEquals(1, asked.queueIndex, "0 and 2: the second queue, english");
        assertEquals(EngineEvent.NONE, asked.accountManagerIndex);

        int before = published.size();
        ScriptedChannel wrong = keyedTransfer("6.2", "1001", "consult", "7777");
        assertTrue(wrong.sent.stream().anyMatch(c -> c.contains("beeperr")), wrong.sent.toString());
        ScriptedChannel noQueue = keyedTransfer("6.2", "1001", "blind", "09");
        assertTrue(noQueue.sent.stream().anyMatch(c -> c.contains("beeperr")));
        ScriptedChannel notOnACall = keyedTransfer("6.9", "1001", "blind", "1002");
        assertTrue(notOnACall.sent.stream().anyMatch(c -> c.contains("beeperr")));
        assertEquals(before, published.size(), "nothing reaches the engine");

        keyedTransfer("6.2", "1001", "back", "");
        assertEquals(0, lastOf(EventType.CONSULT_CANCELLED).agentIndex);
    }
}
