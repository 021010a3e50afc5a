package acd.server.wallboard;

import acd.core.metrics.TrafficField;
import acd.cti.seat.SecretHash;
import acd.ivr.order.ComplaintGrade;
import acd.ivr.order.NewOrder;
import acd.ivr.order.OrderKind;
import acd.ivr.order.OrderSource;
import acd.ivr.report.StoredInterval;
import acd.ivr.selfservice.SurveyResponse;
import acd.pbxsim.PbxSettings;
import acd.server.AcdServer;
import acd.server.ShippedConfig;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports page in a real browser, on a week of stored intervals: a supervisor logs in, asks
 * for a daily report and sees each queue's service level against its target day by day, the
 * answer, abandon, complaint and satisfaction charts and the table; groups the days by week;
 * takes the report as CSV; and is told plainly when a range is impossible.
 */
class ReportsBrowserTest extends PageInChromium {
    private static final ZoneId HOTLINE = ZoneId.of("Asia/Shanghai");


    /** 10:00 on the day, hotline time. */
    private static long morningOf(LocalDate day) {
        return day.atTime(10, 0).atZone(HOTLINE).toInstant().toEpochMilli();
    }

    private static StoredInterval interval(LocalDate day, String queue, String tier, String brand, long offered,
                                           long within, long within10s, long abandoned) {
        long[] counts = new long[TrafficField.count()];
        counts[TrafficField.OFFERED.ordinal()] = offered;
        counts[TrafficField.ANSWERED.ordinal()] = offered - abandoned;
        counts[TrafficField.ANSWERED_WITHIN.ordinal()] = within;
        counts[TrafficField.ANSWERED_WITHIN_10S.ordinal()] = within10s;
        counts[TrafficField.ABANDONED.ordinal()] = abandoned;
        counts[TrafficField.ANSWER_WAIT_SUM_MS.ordinal()] = (offered - abandoned) * 6_000;
        return new StoredInterval(morningOf(day), queue, tier, brand, counts);
    }

    @Test
    void aSupervisorReadsTheWeekDayByDayThenByWeekAndTakesItAsCsv() throws Exception {
        var settings = ShippedConfig.in(dir);
        Files.writeString(dir.resolve("seat-credentials.yaml"),
                "supervisors:\n  lead1: " + SecretHash.hash("l3ad".toCharArray(), 1_000) + "\n");
        server = new AcdServer(dir, settings, null, PbxSettings.defaults().withSpeed(10));
        LocalDate today = Instant.ofEpochMilli(server.nowMs()).atZone(HOTLINE).toLocalDate();
        LocalDate first = today.minusDays(6);
        // general: a good day, a bad day, a quiet day, a good day; billing on the first day only
        server.store().intervals().save(List.of(
                interval(first, "general", "gold", "gotone", 100, 95, 90, 2),
                interval(first, "billing", "standard", "", 50, 40, 30, 5),
                interval(first.plusDays(1), "general", "standard", "mzone", 80, 60, 50, 12),
                interval(first.plusDays(5), "general", "gold", "gotone", 40, 39, 39, 0)));
        // The first caller was answered by 2001, on 全球通; both rate that call.
        server.store().qaReviews().answered(new acd.ivr.qa.AnsweredCall("1790000000.1", "2001", "general", "gold", "gotone",
                "13900000001", morningOf(first), 30_000, "1790000000.1.wav"));
        server.store().qaReviews().answered(new acd.ivr.qa.AnsweredCall("1790000000.2", "2001", "general", "gold", "gotone",
                "13900000002", morningOf(first), 30_000, "1790000000.2.wav"));
        server.store().surveys().record(new SurveyResponse("s-1", "13900000001", "general", "gold", 5,
                morningOf(first) + 60_000));
        server.store().surveys().record(new SurveyResponse("s-2", "13900000002", "general", "gold", 2,
                morningOf(first) + 120_000));
        server.store().workOrders().open(new NewOrder(OrderKind.COMPLAINT, ComplaintGrade.ORDINARY, "13900000003",
                new OrderSource("1790000000.1", "general", "gotone", "gold", "2001"), "Charged twice", "2001", 0),
                morningOf(first) + 180_000);

        browser = HeadlessChromium.start();
        WebDriver page = browser.driver;
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        page.get("http://127.0.0.1:" + server.httpPort() + "/reports");
        page.findElement(By.id("login-id")).sendKeys("lead1");
        page.findElement(By.id("login-secret")).sendKeys("l3ad");
        page.findElement(By.id("login-button")).click();
        // At once: this month so far, day by day.
        wait.until(d -> ("day:" + today.withDayOfMonth(1) + ":" + today).equals(d.findElement(By.tagName("body"))
                .getAttribute("data-report")));

        ask(page, "day", first, today);
        wait.until(d -> ("day:" + first + ":" + today).equals(d.findElement(By.tagName("body"))
                .getAttribute("data-report")));
        WebElement general = page.findElement(By.cssSelector("[data-chart='service-level'][data-queue='general']"));
        List<WebElement> bars = general.findElements(By.cssSelector("rect.bar"));
        assertEquals(3, bars.size(), "one bar per day with calls");
        assertEquals(first.toString(), bars.get(0).getAttribute("data-period"));
        assertEquals(0.95, Double.parseDouble(bars.get(0).getAttribute("data-value")), 1e-9);
        assertTrue(bars.get(1).getAttribute("class").contains("below"), "60 of 80 is below the 85% target");
        assertEquals(0.85, Double.parseDouble(general.findElement(By.cssSelector("line.target-line"))
                .getAttribute("data-target")), 1e-9);
        assertEquals(1, page.findElements(By.cssSelector("[data-chart='service-level'][data-queue='billing'] rect.bar"))
                .size());
        WebElement complaints = page.findElement(By.cssSelector("[data-chart='complaints'] rect.bar"));
        assertEquals(10_000.0 / 150, Double.parseDouble(complaints.getAttribute("data-value")), 1e-9);
        WebElement satisfied = page.findElement(By.cssSelector("[data-chart='satisfaction'] rect.bar"));
        assertEquals(0.5, Double.parseDouble(satisfied.getAttribute("data-value")), 1e-9);
        WebElement agent = page.findElement(By.cssSelector("#agent-rows tr[data-agent='2001']"));
        assertEquals("2", agent.findElement(By.cssSelector("[data-field='surveys']")).getText());
        assertEquals("50.0%", agent.findElement(By.cssSelector("[data-field='satisfiedPercent']")).getText());
        assertEquals("50.0%", page.findElement(By.cssSelector(
                "#rows tr[data-scope='brand'][data-id='gotone'][data-from='" + first + "'] [data-field='satisfiedPercent']"))
                .getText(), "ratings of the brand's calls");
        WebElement gotone = page.findElement(By.cssSelector("[data-chart='answer-rate-10s'][data-brand='gotone']"));
        assertEquals(List.of("0.9", "0.975"), gotone.findElements(By.cssSelector("rect.bar")).stream()
                .map(b -> b.getAttribute("data-value")).toList());
        WebElement firstDay = page.findElement(By.cssSelector("#rows tr[data-scope='all'][data-from='" + first + "']"));
        assertEquals("150", firstDay.findElement(By.cssSelector("[data-field='offered']")).getText());
        assertEquals(7, page.findElements(By.cssSelector("#rows tr[data-scope='all']")).size(), "every day of the range");

        // By week: Monday to Sunday, the first and last cut to the range.
        ask(page, "week", first, today);
        wait.until(d -> ("week:" + first + ":" + today).equals(d.findElement(By.tagName("body"))
                .getAttribute("data-report")));
        List<WebElement> weeks = page.findElements(By.cssSelector("#rows tr[data-scope='all']"));
        assertEquals(first.getDayOfWeek() == java.time.DayOfWeek.MONDAY ? 1 : 2, weeks.size());
        long offered = 0;
        for (WebElement week : weeks) {
            offered += Long.parseLong(week.findElement(By.cssSelector("[data-field='offered']")).getText());
        }
        assertEquals(270, offered);

        // The same as CSV.
        page.findElement(By.id("export")).click();
        WebElement link = wait.until(d -> {
            WebElement l = d.findElement(By.id("export-link"));
            return l.isDisplayed() ? l : null;
        });
        String csv = (String) ((JavascriptExecutor) page).executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[arguments.length - 1])", link.getAttribute("href"));
        assertTrue(csv.startsWith("from,to,scope,id,label,offered,"), csv);
        assertEquals(270, csv.lines().filter(l -> l.contains(",all,")).mapToLong(l -> Long.parseLong(l.split(",")[5]))
                .sum(), csv);

        // A range that ends before it starts is refused, saying so.
        ask(page, "day", today, first);
        WebElement message = wait.until(d -> {
            WebElement m = d.findElement(By.id("message"));
            return m.isDisplayed() ? m : null;
        });
        assertEquals("[report_refused] an impossible range: " + first + " is before " + today, message.getText());
    }

    private static void ask(WebDriver page, String period, LocalDate from, LocalDate to) {
        new Select(page.findElement(By.id("period"))).selectByValue(period);
        ((JavascriptExecutor) page).executeScript("document.getElementById('from').value = arguments[0];"
                + "document.getElementById('to').value = arguments[1];", from.toString(), to.toString());
        page.findElement(By.id("show")).click();
    }
}
