package acd.server.wallboard;

import acd.core.engine.AgentState;
import acd.ivr.customer.CustomerDirectory;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.PbxSimulator;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.Outcomes;
import acd.pbxsim.world.SeatPhone;
import acd.server.AcdServer;
import acd.server.ServerSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import acd.ivr.task.VoicemailMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The wallboard in a real browser: after a run through the PBX simulator the page shows exactly
 * what {@code /api/queues} serves and what the callers lived, and it follows a new call live.
 */
class WallboardBrowserTest extends PageInChromium {
    private static final Path CONFIG = Path.of("..", "config");
    private static final double SPEED = 20;
    private static final int CALLS = 30;
    private static final int SEATS = 8;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theWallboardShowsWhatTheApiServesAndFollowsTheFloorLive() throws Exception {
        ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(CONFIG.resolve("server.yaml")))
                .withHttpPort(0);
        settings = settings.withAgi(settings.agi().withPort(0))
                .withQueueLog(settings.queueLog().withFile(dir.resolve("queue_log")));
        settings = settings.withSelfServiceDataDirectory(dir);
        server = new AcdServer(CONFIG, settings, CustomerDirectory.NONE,
                PbxSettings.defaults().withSpeed(SPEED).withSeed(11));
        PbxSimulator pbx = server.pbxSimulator();
        for (int i = 0; i < 200 && !server.ami().isConnected(); i++) {
            Thread.sleep(20);
        }
        List<CompletableFuture<String>> staffed = new ArrayList<>();
        for (SeatPhone seat : pbx.seats().subList(0, SEATS)) {
            staffed.add(seat.login().thenCompose(status -> seat.ready()));
        }
        CompletableFuture.allOf(staffed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        Random random = new Random(11);
        for (int i = 1; i <= CALLS; i++) {
            pbx.placeCall(new CallerScript(String.format("139%08d", i), "", "10086", List.of("0"),
                    3_000 + random.nextInt(60_000), 5_000 + random.nextInt(60_000)));
            Thread.sleep(random.nextInt(60));
        }
        assertTrue(pbx.awaitSettled(Duration.ofSeconds(60)), () -> "traffic did not settle: " + pbx.outcomes());
        awaitEngineIdle();
        Outcomes outcomes = pbx.outcomes();
        // A voicemail message left last night and not answered by its morning: overdue, in red.
        long now = System.currentTimeMillis();
        server.store().replyTasks().leave(new VoicemailMessage("night-1", "13900000001", "general", "supreme",
                "gotone", "/var/spool/asterisk/voicemail/acd/general/INBOX/msg0000", now - 12 * 3_600_000L,
                now - 3_600_000L));
        server.store().replyTasks().leave(new VoicemailMessage("night-2", "13900000002", "general", "supreme",
                "gotone", "/var/spool/asterisk/voicemail/acd/general/INBOX/msg0001", now - 60_000, now + 3_600_000L));
        server.replyTasks().countTasks();
        // A complaint opened two hours ago that nobody has handed off: overdue, in red.
        server.store().workOrders().open(new acd.ivr.order.NewOrder(acd.ivr.order.OrderKind.COMPLAINT,
                acd.ivr.order.ComplaintGrade.ORDINARY, "13900000001", acd.ivr.order.OrderSource.NONE, "Charged twice",
                "1001", 0), now - 2 * 3_600_000L);
        server.workOrders().sweep();
        // A team lead has switched the billing line into peak mode.
        int billing = server.engine().config().queueIndex("billing");
        server.ring().publish(e -> e.peakModeChanged(System.currentTimeMillis(), billing, true));
        for (int i = 0; i < 200 && !server.engine().board().inPeakMode(billing); i++) {
            Thread.sleep(10);
        }

        browser = HeadlessChromium.start();
        browser.driver.get("http://127.0.0.1:" + server.httpPort() + "/");
        WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
        wait.until(d -> "live".equals(d.findElement(By.tagName("body")).getAttribute("data-source")));

        // One read of the whole screen inside the page: it redraws every couple of seconds.
        JsonNode api = new ObjectMapper().readTree(get("/api/queues"));
        JsonNode screen = screen();
        for (JsonNode queue : api.get("queues")) {
            JsonNode card = screen.get(queue.get("queue").asText());
            assertShown(card, "serviceLevel", pct(queue.get("serviceLevel")));
            assertShown(card, "answerRate", pct(queue.get("answerRate")));
            assertShown(card, "waitingNow", queue.get("waitingNow").asText());
            assertShown(card, "longestWaitingNowSeconds", secs(queue.get("longestWaitingNowSeconds")));
            assertShown(card, "longestWaitSeconds", secs(queue.get("longestWaitSeconds")));
            assertShown(card, "asaSeconds", secs(queue.get("asaSeconds")));
            assertShown(card, "offered", queue.get("offered").asText());
            assertShown(card, "answered", queue.get("answered").asText());
            assertShown(card, "abandoned", queue.get("abandoned").asText());
            assertShown(card, "callbacks.requested", queue.get("callbacks").get("requested").asText());
            assertShown(card, "callbacks.reached", queue.get("callbacks").get("reached").asText());
            JsonNode satisfied = queue.get("survey").get("satisfiedPercent");
            assertShown(card, "survey.satisfiedPercent", satisfied.isNull() ? "—" : fixed(satisfied.asDouble()) + "%");
            for (AgentState state : AgentState.values()) {
                String name = state.name().toLowerCase().replace('_', '-');
                assertShown(card, "agents." + name, queue.get("agents").get(name).asText());
            }
            for (JsonNode tier : queue.get("tiers")) {
                JsonNode row = card.get("tiers").get(tier.get("tier").asText());
                assertShown(row, "serviceLevel", pct(tier.get("serviceLevel")));
                assertShown(row, "answerRate", pct(tier.get("answerRate")));
                assertShown(row, "waitingNow", tier.get("waitingNow").asText());
                assertShown(row, "asaSeconds", secs(tier.get("asaSeconds")));
                assertShown(row, "offered", tier.get("offered").asText());
            }
            long intervalsWithCalls = 0;
            for (JsonNode interval : queue.get("intervals")) {
                intervalsWithCalls += interval.get("serviceLevel").isNull() ? 0 : 1;
            }
            assertEquals(intervalsWithCalls, card.get("bars").asLong(), "one bar per 15-minute interval with calls");
        }

        // Today's figures, and the 10-second answer rate of each brand and tier over every queue.
        assertEquals(api.get("day").asText(), browser.driver.findElement(By.tagName("body")).getAttribute("data-day"));
        for (String scope : List.of("brand", "tier")) {
            for (JsonNode row : api.get(scope + "s")) {
                String shown = browser.driver.findElement(By.cssSelector("[data-field='" + scope + "s."
                        + row.get(scope).asText() + ".answerRate10s']")).getText();
                assertEquals(pct(row.get("answerRate10s")), shown, scope + " " + row.get(scope).asText());
            }
        }

        JsonNode tasks = api.get("replyTasks");
        assertEquals(2, tasks.get("open").asLong(), tasks.toString());
        assertEquals(1, tasks.get("overdue").asLong(), tasks.toString());
        org.openqa.selenium.WebElement overdue = browser.driver.findElement(By.id("reply-tasks-overdue"));
        assertEquals("1", overdue.findElement(By.tagName("b")).getText());
        assertTrue(overdue.getAttribute("class").contains("overdue"), "overdue messages show red");
        assertEquals("2", browser.driver.findElement(By.cssSelector("[data-field='replyTasks.open']")).getText());
        JsonNode orders = api.get("workOrders");
        assertEquals(List.of(1L, 1L, 1L, 1L), List.of(orders.get("open").asLong(), orders.get("overdue").asLong(),
                orders.get("complaintsOpen").asLong(), orders.get("complaintsOverdue").asLong()), orders.toString());
        org.openqa.selenium.WebElement lateComplaints = browser.driver.findElement(By.id("complaints-overdue"));
        assertEquals("1", lateComplaints.findElement(By.tagName("b")).getText());
        assertTrue(lateComplaints.getAttribute("class").contains("overdue"), "overdue complaints show red");
        // The queue in peak mode says so on its card, and only that one.
        assertTrue(api.get("queues").get(billing).get("peakMode").asBoolean());
        assertEquals("高峰 peak mode", screen.get("billing").path("peakMode").asText());
        assertTrue(screen.get("general").path("peakMode").isMissingNode(), "general is not in peak mode");
        assertTrue(api.get("queues").get(server.engine().config().queueIndex("vip")).get("peakMode").isNull(),
                "vip has no peak mode to switch into");
        // The simulator's figures say so, and that its time runs faster than the wall clock.
        assertEquals("模拟 ×" + (long) SPEED + " simulated, time compressed",
                browser.driver.findElement(By.id("simulated")).getText());

        // What the callers lived, on the screen. A caller who hung up in the menus never reached the queue.
        int reachedQueue = outcomes.reachedTheLine();
        JsonNode general = screen.get("general");
        assertShown(general, "offered", String.valueOf(reachedQueue));
        assertShown(general, "answered", String.valueOf(outcomes.completed()));
        assertShown(general, "abandoned", String.valueOf(outcomes.abandoned()));
        browser.screenshot(Path.of("target", "wallboard.png"));
        byte[] png = Files.readAllBytes(Path.of("target", "wallboard.png"));
        assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a real screenshot");

        // One more caller: the page follows over the socket, with no reload.
        pbx.placeCall(new CallerScript("13900009999", "", "10086", List.of("0"), 60_000, 5_000));
        wait.until(d -> screen().get("general").get("offered").asText().equals(String.valueOf(reachedQueue + 1)));
    }

    private void awaitEngineIdle() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (server.flow().callsInProgress() == 0 && server.engine().board().waitingNow(0) == 0
                    && server.engine().board().agents(AgentState.RINGING) == 0
                    && server.engine().board().agents(AgentState.TALKING) == 0) {
                Thread.sleep(300);
                return;
            }
            Thread.sleep(20);
        }
        fail("the engine did not go idle");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** Every figure on the screen by queue (and tier), as the page shows it, read in one go. */
    private JsonNode screen() {
        Object json = browser.driver.executeScript("""
                var out = {};
                document.querySelectorAll("section.queue").forEach(function (card) {
                  var q = {tiers: {}, bars: card.querySelectorAll(".chart rect.bar").length};
                  card.querySelectorAll(":scope > * [data-field]").forEach(function (f) {
                    if (!f.closest("tr")) { q[f.getAttribute("data-field")] = f.textContent; }
                  });
                  card.querySelectorAll("tr[data-tier]").forEach(function (row) {
                    var t = {};
                    row.querySelectorAll("[data-field]").forEach(function (f) { t[f.getAttribute("data-field")] = f.textContent; });
                    q.tiers[row.getAttribute("data-tier")] = t;
                  });
                  out[card.getAttribute("data-queue")] = q;
                });
                return JSON.stringify(out);""");
        try {
            return new ObjectMapper().readTree((String) json);
        } catch (java.io.IOException e) {
            throw new AssertionError("the page's figures are not JSON: " + json, e);
        }
    }

    private static void assertShown(JsonNode scope, String name, String expected) {
        assertEquals(expected, scope.path(name).asText(null), name + " in " + scope);
    }

    // The page's own formats (JavaScript's toFixed rounds the exact binary value half up).
    private static String pct(JsonNode fraction) {
        return fraction.isNull() ? "—" : fixed(fraction.asDouble() * 100) + "%";
    }

    private static String secs(JsonNode seconds) {
        return seconds.isNull() ? "—" : fixed(seconds.asDouble()) + " s";
    }

    private static String fixed(double value) {
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
