package acd.core.engine;

import acd.core.config.BusinessHoursLoader;
import acd.core.config.ConfigSource;
import acd.core.metrics.TrafficFigures;
import acd.core.model.AgentSpec;
import acd.core.model.BusinessHours;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierSpec;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls to a queue out of its opening hours: never offered there, handled as the hours file says. */
class OpeningHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final RoutingConfig CONFIG = new RoutingConfig(List.of("general", "english"), List.of(),
            List.of(new TierSpec("standard", "普通", 1, 0)), "standard", List.of(), List.of("break"), 3,
            List.of(QueueSpec.of("general", List.of("general")).withAnnounceEverySeconds(0),
                    QueueSpec.of("english", List.of("english")).withAnnounceEverySeconds(0),
                    QueueSpec.of("vip", List.of("general")).withAnnounceEverySeconds(0)),
            List.of(), List.of(new AgentSpec("1001", "王芳", "PJSIP/1001", Map.of("general", 1, "english", 1),
                    List.of(), 0)));
    private static final String HOURS = """
            timeZone: Asia/Shanghai
            calendars:
              always: 24h
              office:
                monday-friday: 08:00-12:00, 13:00-20:00
                saturday: 09:00-17:00
                holidays: [2026-10-01]
                workdays: [2026-10-10]
            queues:
              general: {calendar: always}
              english: {calendar: office, whenClosed: voicemail}
              vip: {calendar: office, whenClosed: {overflow: general}}
            """;

    private final List<String> directives = new ArrayList<>();
    private final EngineEvent event = new EngineEvent();
    private AcdEngine engine;
    private long callId;

    private static long at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant().toEpochMilli();
    }

    private void open(String hoursYaml, String startLocal) {
        BusinessHours hours = BusinessHoursLoader.parse(new ConfigSource("hours.yaml", hoursYaml), CONFIG);
        engine = new AcdEngine(CONFIG, hours, at(startLocal), new DirectiveSink() {
            @Override
            public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
                directives.add("offer " + call.callId());
            }

            @Override
            public void sendToVoicemail(long timeMs, CallView call, ExitReason reason) {
                directives.add("voicemail " + call.callId() + " " + reason);
            }

            @Override
            public void disconnect(long timeMs, CallView call, ExitReason reason) {
                directives.add("disconnect " + call.callId() + " " + reason);
            }
        }, null);
        engine.onEvent(event.agentEvent(EventType.AGENT_LOGGED_IN, at(startLocal), 0, 0));
    }

    /** A call to {@code queue} at {@code localTime}; returns what the engine said of it. */
    private String call(String queue, String localTime) {
        long id = ++callId;
        int before = directives.size();
        engine.onEvent(event.callArrived(at(localTime), id, engine.queueIndex(queue), 0, -1, -1, 0, "5550200", "1"));
        List<String> said = directives.subList(before, directives.size());
        String state = engine.callState(id) == null ? "gone" : engine.callState(id).name();
        return (said.isEmpty() ? "" : String.join(", ", said) + " ") + state;
    }

    @Test
    void aQueueAnswersInItsPeriodsAndSendsCallsOutsideThemToVoicemail() {
        open(HOURS, "2026-10-05T07:00");   // a Monday
        assertEquals("voicemail 1 CLOSED gone", call("english", "2026-10-05T07:59:59"));
        assertEquals("QUEUED", call("english", "2026-10-05T08:00"));
        assertEquals("voicemail 3 CLOSED gone", call("english", "2026-10-05T12:30"), "the lunch break");
        assertEquals("QUEUED", call("english", "2026-10-05T19:59"));
        assertEquals("voicemail 5 CLOSED gone", call("english", "2026-10-05T20:00"), "the end is not included");
        assertEquals("QUEUED", call("general", "2026-10-05T23:00"), "a 24h queue never closes");
    }

    @Test
    void aHolidayIsClosedAllDayAndAMakeUpSaturdayKeepsAWeekdaysHours() {
        open(HOURS, "2026-10-01T07:00");
        assertEquals("voicemail 1 CLOSED gone", call("english", "2026-10-01T10:00"), "National Day, a Thursday");
        assertEquals("voicemail 2 CLOSED gone", call("english", "2026-10-03T08:30"), "a Saturday: 09:00-17:00");
        assertEquals("QUEUED", call("english", "2026-10-03T10:00"));
        assertEquals("QUEUED", call("english", "2026-10-10T08:30"), "a make-up Saturday opens at 08:00");
        assertEquals("voicemail 5 CLOSED gone", call("english", "2026-10-11T10:00"), "Sunday: not given, closed");
    }

    @Test
    void aClosedQueueCanSendItsCallsToAQueueOpenLonger() {
        open(HOURS, "2026-10-05T21:00");
        engine.onEvent(event.agentEvent(EventType.AGENT_READY, at("2026-10-05T21:00"), 0, 0));
        assertEquals("offer 1 OFFERED", call("vip", "2026-10-05T21:00:01"));
        assertEquals(0, engine.board().queue(engine.queueIndex("vip")).offered());
        assertEquals(1, engine.board().queue(engine.queueIndex("general")).offered());
    }

    @Test
    void callsThatCameWhenClosedAreCountedApartAndLeaveTheServiceLevelAlone() {
        open(HOURS, "2026-10-05T07:00");
        call("english", "2026-10-05T07:00:01");
        call("english", "2026-10-05T07:00:02");
        TrafficFigures english = engine.board().queue(engine.queueIndex("english"));
        assertEquals(0, english.offered());
        assertEquals(2, english.closed());
        assertTrue(Double.isNaN(english.serviceLevel()), "no call in opening hours, no service level");
    }

    @Test
    void editedHoursApplyToTheCallsThatComeNextAndABadEditChangesNothing() {
        open(HOURS, "2026-10-05T21:00");
        assertEquals("voicemail 1 CLOSED gone", call("english", "2026-10-05T21:00:01"));
        engine.onEvent(event.hoursChanged(at("2026-10-05T21:01"), HOURS.replace(
                "english: {calendar: office, whenClosed: voicemail}", "english: {calendar: always}")));
        assertEquals("QUEUED", call("english", "2026-10-05T21:02"));
        engine.onEvent(event.hoursChanged(at("2026-10-05T21:03"), "calendars: [oops]"));
        assertEquals(1, engine.rejectedEvents());
        assertEquals("QUEUED", call("english", "2026-10-05T21:04"), "the hours in force stay");
    }

    @Test
    void hoursFollowTheHotlinesZoneAcrossADaylightSavingChange() {
        // New York moves to summer time at 02:00 on 2026-03-08: 09:00 local is then 13:00 UTC.
        open("""
                timeZone: America/New_York
                calendars:
                  office: {sunday: 09:00-17:00}
                queues:
                  english: {calendar: office, whenClosed: hangup}
                """, "2026-03-08T00:00");
        long nineLocal = LocalDateTime.parse("2026-03-08T09:00").atZone(ZoneId.of("America/New_York")).toInstant()
                .toEpochMilli();
        engine.onEvent(event.callArrived(nineLocal - 1, 1, engine.queueIndex("english"), 0, -1, -1, 0, "1", "1"));
        engine.onEvent(event.callArrived(nineLocal, 2, engine.queueIndex("english"), 0, -1, -1, 0, "1", "1"));
        assertEquals(List.of("disconnect 1 CLOSED"), directives);
        assertFalse(engine.callState(2) == null, "open at 09:00 summer time");
    }
}
