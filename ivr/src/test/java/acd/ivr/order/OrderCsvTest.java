package acd.ivr.order;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderCsvTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-12-07 09:00 in Shanghai. */
    private static final long NINE = 1_796_605_200_000L;
    private static final long HOUR = 3_600_000L;

    @Test
    void eachOrderIsOneRowWithItsDeadlinesInTheHotlinesTimeAndWhatIsLate() {
        Order complaint = new Order(10000003, OrderKind.COMPLAINT, ComplaintGrade.ESCALATED, OrderState.DISPATCHED,
                "13700000022", new OrderSource("1796605100.7", "general", "mzone", "gold", "2001"),
                "Charged twice, \"again\"", "billing-team", "2001", NINE,
                Map.of(Milestone.HAND_OFF, NINE + HOUR, Milestone.CHECK, NINE + 2 * HOUR),
                Map.of(Milestone.HAND_OFF, NINE + 10 * 60_000), Set.of(), 0);
        String csv = OrderCsv.write(List.of(complaint), SHANGHAI, NINE + 3 * HOUR);
        List<String> lines = csv.lines().toList();
        assertEquals("order,kind,grade,state,customer,call,queue,tier,brand,agent,summary,assignee,opened_by,opened_at,"
                + "hand_off_due,hand_off_met,check_due,check_met,first_reply_due,first_reply_met,fix_due,fix_met,"
                + "revisit_due,revisit_met,overdue,closed_at", lines.get(0));
        assertEquals("10000003,complaint,升级,dispatched,13700000022,1796605100.7,general,gold,mzone,2001,"
                + "\"Charged twice, \"\"again\"\"\",billing-team,2001,\"2026-12-07 09:00\",\"2026-12-07 10:00\","
                + "\"2026-12-07 09:10\",\"2026-12-07 11:00\",,,,,,,,check,", lines.get(1));
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsWrittenBehindAQuote() {
        Order o = new Order(1, OrderKind.QUESTION, null, OrderState.OPENED, "+8613700000022", OrderSource.NONE,
                "=HYPERLINK(\"http://x\")", null, "2001", NINE, Map.of(), Map.of(), Set.of(), 0);
        String row = OrderCsv.write(List.of(o), SHANGHAI, NINE).lines().toList().get(1);
        assertEquals("1,question,,opened,\"+8613700000022\",,,,,,\"'=HYPERLINK(\"\"http://x\"\")\",,2001,"
                + "\"2026-12-07 09:00\",,,,,,,,,,,,", row);
    }
}
