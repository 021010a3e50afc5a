package acd.ivr.report;

import acd.core.config.RoutingConfigLoader;
import acd.core.metrics.TrafficField;
import acd.core.model.RoutingConfig;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports add the stored intervals, survey answers and complaints up by day, week and month. */
class TrafficReportsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final RoutingConfig ROUTING = RoutingConfigLoader.parse("routing.yaml", """
            skills: [billing, vip]
            tiers:
              - {id: gold, label: 金, weight: 3}
              - {id: standard, label: 普通, weight: 1}
            brands:
              - {id: gotone, label: 全球通}
              - {id: mzone, label: 动感地带}
            queues:
              - {id: billing, label: 话费账单, requiredSkills: [billing], thresholdSeconds: 10, targetPercent: 90}
              - {id: vip, requiredSkills: [vip], thresholdSeconds: 10}
            agents:
              - {id: "1001", skills: {billing: 1, vip: 1}}
            """);
    private static final TrafficReports REPORTS = new TrafficReports(ROUTING);

    private static long at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, SHANGHAI).toInstant().toEpochMilli();
    }

    /** An interval of {@code offered} calls, {@code within} of them answered in 10 s, the rest abandoned. */
    private static StoredInterval interval(long startMs, String queue, String tier, String brand, long offered,
                                           long within) {
        long[] counts = new long[TrafficField.count()];
        counts[TrafficField.OFFERED.ordinal()] = offered;
        counts[TrafficField.ANSWERED.ordinal()] = within;
        counts[TrafficField.ANSWERED_WITHIN.ordinal()] = within;
        counts[TrafficField.ANSWERED_WITHIN_10S.ordinal()] = within;
        counts[TrafficField.ABANDONED.ordinal()] = offered - within;
        counts[TrafficField.ANSWER_WAIT_SUM_MS.ordinal()] = within * 4_000;
        return new StoredInterval(startMs, queue, tier, brand, counts);
    }

    private static DayRange range(int fromDay, int toDay) {
        return new DayRange(LocalDate.of(2026, 12, fromDay), LocalDate.of(2026, 12, toDay), SHANGHAI);
    }

    private static ReportRow row(List<ReportRow> rows, LocalDate from, String scope, String id) {
        return rows.stream().filter(r -> r.from().equals(from) && r.scope().equals(scope) && r.id().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + from + " " + scope + " " + id));
    }

    @Test
    void aDailyReportHasEveryDayOfTheRangeByTheHotlinesMidnightWithItsQueuesBrandsAndTiers() {
        List<StoredInterval> intervals = List.of(
                interval(at(1, 9, 0), "billing", "gold", "gotone", 10, 9),
                interval(at(1, 23, 45), "billing", "standard", "", 10, 5),     // 15:45 UTC: still the 1st
                interval(at(3, 0, 0), "vip", "gold", "mzone", 4, 4));
        List<ReportRow> rows = REPORTS.build(ReportPeriod.DAY, range(1, 3), intervals, List.of(), List.of());

        assertEquals(3 * (1 + 2 + 2 + 2), rows.size(), "all, 2 queues, 2 brands, 2 tiers, each of 3 days");
        ReportRow first = row(rows, LocalDate.of(2026, 12, 1), TrafficReports.ALL, "");
        assertEquals(20, first.traffic().offered());
        assertEquals(0.7, first.traffic().serviceLevel(), 1e-9);
        ReportRow billing = row(rows, LocalDate.of(2026, 12, 1), TrafficReports.QUEUE, "billing");
        assertEquals("话费账单", billing.label());
        assertEquals(90, billing.targetPercent());
        assertEquals(0.9, row(rows, LocalDate.of(2026, 12, 1), TrafficReports.BRAND, "gotone").traffic().answerRate10s(),
                1e-9);
        assertEquals(0.5, row(rows, LocalDate.of(2026, 12, 1), TrafficReports.TIER, "standard").traffic().answerRate10s(),
                1e-9);
        ReportRow empty = row(rows, LocalDate.of(2026, 12, 2), TrafficReports.ALL, "");
        assertEquals(0, empty.traffic().offered());
        assertTrue(Double.isNaN(empty.traffic().serviceLevel()), "a day without calls has no service level");
        assertEquals(4, row(rows, LocalDate.of(2026, 12, 3), TrafficReports.BRAND, "mzone").traffic().answered());
    }

    @Test
    void weeksRunMondayToSundayAndMonthsByTheCalendarCutToTheRange() {
        List<StoredInterval> intervals = List.of(
                interval(at(6, 12, 0), "billing", "gold", "gotone", 2, 2),     // Sunday
                interval(at(7, 12, 0), "billing", "gold", "gotone", 3, 3),     // Monday
                interval(at(13, 12, 0), "billing", "gold", "gotone", 5, 5));   // Sunday
        List<ReportRow> weeks = REPORTS.build(ReportPeriod.WEEK, range(3, 13), intervals, List.of(), List.of())
                .stream().filter(r -> r.scope().equals(TrafficReports.ALL)).toList();
        assertEquals(2, weeks.size());
        assertEquals(LocalDate.of(2026, 12, 3), weeks.get(0).from(), "the first week starts where the range does");
        assertEquals(LocalDate.of(2026, 12, 6), weeks.get(0).to());
        assertEquals(2, weeks.get(0).traffic().offered());
        assertEquals(LocalDate.of(2026, 12, 7), weeks.get(1).from());
        assertEquals(8, weeks.get(1).traffic().offered());

        List<ReportRow> month = REPORTS.build(ReportPeriod.MONTH, range(1, 13), intervals, List.of(), List.of())
                .stream().filter(r -> r.scope().equals(TrafficReports.ALL)).toList();
        assertEquals(1, month.size());
        assertEquals(10, month.get(0).traffic().offered());
    }

    @Test
    void complaintsAndSatisfactionSitBesideTheCallsTheyAreAbout() {
        List<StoredInterval> intervals = List.of(interval(at(1, 9, 0), "billing", "gold", "gotone", 400, 380));
        List<SurveyTally> surveys = List.of(new SurveyTally(at(1, 9, 15), "billing", "gold", "gotone", "1001", 7, 6, 5, 25),
                new SurveyTally(at(1, 9, 30), "billing", "gold", "", "", 4, 4, 3, 16));
        List<ComplaintTally> complaints = List.of(new ComplaintTally(at(1, 10, 0), "billing", "gold", "gotone", 2));
        List<ReportRow> rows = REPORTS.build(ReportPeriod.DAY, range(1, 1), intervals, surveys, complaints);

        ReportRow billing = row(rows, LocalDate.of(2026, 12, 1), TrafficReports.QUEUE, "billing");
        assertEquals(50.0, billing.complaintsPer10k(), 1e-9);
        assertEquals(80.0, billing.satisfiedPercent(), 1e-9);
        assertEquals(4.1, billing.averageRating(), 1e-9);
        ReportRow brand = row(rows, LocalDate.of(2026, 12, 1), TrafficReports.BRAND, "gotone");
        assertEquals(2, brand.complaints());
        assertEquals(6, brand.surveys(), "the ratings of calls whose brand is known");
        assertEquals(10, row(rows, LocalDate.of(2026, 12, 1), TrafficReports.TIER, "gold").surveys());
        ReportRow agent = row(rows, LocalDate.of(2026, 12, 1), TrafficReports.AGENT, "1001");
        assertEquals(5 * 100.0 / 6, agent.satisfiedPercent(), 1e-9);
        assertNull(agent.traffic(), "the board counts no calls by agent");
        assertNull(agent.complaintsPer10k());
    }

    @Test
    void aQueueNoLongerInTheRoutingKeepsItsRowsUnderItsId() {
        List<StoredInterval> intervals = List.of(interval(at(1, 9, 0), "roaming", "gold", "gotone", 3, 3));
        ReportRow roaming = row(REPORTS.build(ReportPeriod.DAY, range(1, 1), intervals, List.of(), List.of()),
                LocalDate.of(2026, 12, 1), TrafficReports.QUEUE, "roaming");
        assertEquals("roaming", roaming.label());
        assertEquals(3, roaming.traffic().offered());
    }

    @Test
    void theCsvHasAHeaderAndOneLinePerRowWithEmptyCellsForRatesWithoutCalls() {
        List<ReportRow> rows = REPORTS.build(ReportPeriod.DAY, range(1, 2),
                List.of(interval(at(1, 9, 0), "billing", "gold", "gotone", 4, 3)), List.of(), List.of());
        List<String> lines = ReportCsv.write(rows).lines().toList();
        assertEquals(1 + rows.size(), lines.size());
        assertTrue(lines.get(0).startsWith("from,to,scope,id,label,offered,answered,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("2026-12-01,2026-12-01,all,,\"全部 all\",4,3,3,3,1,0,0,0,75.00,,75.00,75.00,4.00,"),
                lines.get(1));
        assertTrue(lines.get(1 + rows.size() / 2).startsWith("2026-12-02,2026-12-02,all,,\"全部 all\",0,0,0,0,0,0,0,0,,,,,,"),
                lines.get(1 + rows.size() / 2));
    }

    @Test
    void anImpossibleRangeIsRefusedSayingWhy() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        assertEquals("an impossible range: 2026-12-01 is before 2026-12-05",
                assertThrows(IllegalArgumentException.class, () -> DayRange.of(LocalDate.of(2026, 12, 5),
                        LocalDate.of(2026, 12, 1), today, SHANGHAI)).getMessage());
        assertEquals("an impossible range: 2026-12-08 is after today (2026-12-07)",
                assertThrows(IllegalArgumentException.class, () -> DayRange.of(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 9),
                        today, SHANGHAI)).getMessage());
        assertEquals("a range of 731 days; at most 366",
                assertThrows(IllegalArgumentException.class, () -> DayRange.of(LocalDate.of(2024, 12, 7), today,
                        today, SHANGHAI)).getMessage());
        assertEquals(new DayRange(LocalDate.of(2026, 12, 1), today, SHANGHAI), DayRange.of(null, null, today, SHANGHAI));
    }
}
