package acd.server.wallboard;

import acd.cti.seat.SecretHash;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.world.CallOutcome;
import acd.pbxsim.world.CallerScript;
import acd.server.AcdServer;
import acd.server.ServerSettings;
import acd.server.ShippedConfig;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk page in a real browser on a PBX-simulator floor: an agent logs in, answers a voicemail
 * message, goes ready, takes a call that pops up with the customer's profile, opens a complaint
 * about it and works the order to its close; a step out of order is refused on the page; a team
 * lead sees the floor and acts on it, and switches a queue into peak mode and back.
 */
class DeskBrowserTest extends PageInChromium {
    private static final String CUSTOMER = "13700000023";


    @Test
    void anAgentTakesACallOpensAComplaintAboutItAndClosesTheOrderFromThePage() throws Exception {
        // recordings where the server sees them, as on a PBX host: one is written below for the call
        Path recordings = Files.createDirectories(dir.resolve("recordings"));
        var settings = ShippedConfig.in(dir).withRecordings(new ServerSettings.Recordings(recordings.toString(), 90));
        Files.writeString(dir.resolve("seat-credentials.yaml"),
                "agents:\n  \"2001\": " + SecretHash.hash("s3cret".toCharArray(), 1_000) + "\n"
                        + "supervisors:\n  lead1: " + SecretHash.hash("l3ad".toCharArray(), 1_000) + "\n");
        server = new AcdServer(dir, settings, null, PbxSettings.defaults().withSpeed(10));
        // 2001's phone talks for a while (simulated time), so the call is on the page long enough to read
        var seat = server.pbxSimulator().seats().stream().filter(p -> p.number().equals("2001")).findFirst()
                .orElseThrow();
        seat.update(seat.settings().withTalkTimeMs(100_000));
        browser = HeadlessChromium.start();
        WebDriver page = browser.driver;
        // the page redraws its tables on every answer: an element read mid-redraw is read again
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        page.get("http://127.0.0.1:" + server.httpPort() + "/desk");

        // A message left last night, to answer.
        long now = System.currentTimeMillis();
        long task = server.store().replyTasks().leave(new acd.ivr.task.VoicemailMessage("night-1", "13900000001",
                "general", "supreme", "gotone", "/var/spool/asterisk/voicemail/acd/general/INBOX/msg0000",
                now - 10 * 3_600_000L, now + 3_600_000L)).id();

        logIn(page, "agent", "2001", "s3cret");
        wait.until(d -> "not-ready".equals(d.findElement(By.id("state")).getAttribute("data-state")));
        assertTrue(page.findElement(By.id("who")).getText().contains("2001"));

        // The agent takes the message and, having called back, closes it as resolved.
        wait.until(d -> !d.findElements(By.cssSelector("#task-rows button[data-action='takeTask']")).isEmpty());
        page.findElement(By.cssSelector("#task-rows button[data-action='takeTask']")).click();
        wait.until(d -> "2001".equals(d.findElement(By.cssSelector("#task-rows tr[data-task='" + task + "']"))
                .getAttribute("data-taken-by")));
        new Select(page.findElement(By.cssSelector("#task-rows select[data-task='" + task + "']")))
                .selectByValue("resolved");
        page.findElement(By.cssSelector("#task-rows button[data-action='taskOutcome']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#task-rows tr")).isEmpty());
        assertEquals(acd.ivr.task.ReplyOutcome.RESOLVED,
                server.store().replyTasks().task(task).orElseThrow().lastOutcome());
        page.findElement(By.id("ready")).click();
        wait.until(d -> "ready".equals(d.findElement(By.id("state")).getAttribute("data-state")));

        // A gold 神州行 customer asks for a person; the only ready seat is 2001's, whose phone answers.
        CompletableFuture<CallOutcome> call = server.pbxSimulator().placeCall(new CallerScript(CUSTOMER, "", "10086",
                List.of("0"), 600_000, 0)).ended();
        wait.until(d -> d.findElement(By.id("call-phase")).getText().contains("talking"));
        assertEquals(CUSTOMER, page.findElement(By.id("call-number")).getText());
        assertEquals("金", page.findElement(By.id("call-tier")).getText());
        assertEquals("神州行", page.findElement(By.id("call-brand")).getText());
        wait.until(d -> d.findElement(By.id("customer-orders")).getText().contains("none"));

        // A complaint about the call, from the call's own form: the customer is filled in.
        new Select(page.findElement(By.id("order-kind"))).selectByValue("complaint");
        new Select(page.findElement(By.id("order-grade"))).selectByValue("ordinary");
        assertEquals(CUSTOMER, page.findElement(By.id("order-customer")).getAttribute("value"));
        page.findElement(By.id("order-summary")).sendKeys("Charged twice for the data pack");
        page.findElement(By.id("open-order")).click();
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("#order-rows tr.order")).stream().findFirst()
                .orElse(null));
        String order = row.getAttribute("data-order");
        assertTrue(row.getText().contains("投诉") && row.getText().contains("普通") && row.getText().contains(CUSTOMER),
                row.getText());
        wait.until(d -> d.findElement(By.id("customer-orders")).getText().contains(order));
        var opened = server.workOrders().sweep();
        assertEquals(1, opened.complaintsOpen());
        // the complaint rate, per 10,000 calls the line was offered, and per brand
        var board = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.net.http.HttpClient.newHttpClient()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.httpPort()
                        + "/api/queues")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        var general = board.path("queues").get(0);
        assertEquals(1, general.path("complaints").asLong(), general.toString());
        assertEquals(10_000.0 / general.path("offered").asLong(), general.path("complaintsPer10k").asDouble(), 1e-9);
        for (var brand : general.path("brands")) {
            assertEquals(brand.path("brand").asText().equals("easyown") ? 1 : 0, brand.path("complaints").asLong(),
                    brand.toString());
        }
        var stored = server.store().workOrders().order(Long.parseLong(order)).orElseThrow();
        assertEquals("general", stored.about().queue());
        assertEquals("gold", stored.about().tier());
        assertEquals("easyown", stored.about().brand());
        assertEquals("2001", stored.about().agent());
        assertTrue(stored.about().callId() != null && stored.about().callId().matches("[0-9.]+"),
                "the queue_log's call id, to hear the recording: " + stored.about().callId());

        // Out of order: refused on the page, and the order stays as it was.
        step(page, "resolve", "Refunded");
        wait.until(d -> d.findElement(By.id("message")).getText().contains("order_refused"));
        assertTrue(page.findElement(By.id("message")).getText().contains("only when in progress"));

        // Once the call is over, the agent hears its recording from the order, as any desk may who talked on it.
        call.get(60, TimeUnit.SECONDS);
        String recording = wait.until(d -> server.store().qaReviews().call(stored.about().callId()).stream()
                .findFirst().orElse(null)).recording();
        Path wav = recordings.resolve(recording.substring("acd/".length()) + ".wav");
        Files.createDirectories(wav.getParent());
        Files.write(wav, new byte[4_096]);
        assertEquals(stored.about().callId(), page.findElement(By.id("detail-call")).getAttribute("data-call"));
        page.findElement(By.id("hear-recording")).click();
        WebElement player = wait.until(d -> {
            WebElement audio = d.findElement(By.id("recording-player"));
            return audio.isDisplayed() ? audio : null;
        });
        assertTrue(player.getAttribute("src").contains("/recordings/"), player.getAttribute("src"));
        Long status = (Long) ((org.openqa.selenium.JavascriptExecutor) page).executeAsyncScript(
                "fetch(arguments[0]).then(r => arguments[arguments.length - 1](r.status))", player.getAttribute("src"));
        assertEquals(200L, status, "the pass serves the recording");

        page.findElement(By.id("step-to")).sendKeys("2001");
        step(page, "dispatch", null);
        awaitState(wait, order, "dispatched");
        step(page, "start", null);
        awaitState(wait, order, "in-progress");
        step(page, "resolve", "Refunded 30 yuan");
        awaitState(wait, order, "resolved");
        step(page, "revisit", "Customer confirms the refund");
        awaitState(wait, order, "revisited");
        step(page, "close", null);
        wait.until(d -> d.findElements(By.cssSelector("#order-rows tr.order")).isEmpty());
        wait.until(d -> d.findElement(By.id("detail-history")).getText().contains("closed"));
        List<String> steps = page.findElements(By.cssSelector("#detail-history li")).stream()
                .map(li -> li.getAttribute("data-step")).toList();
        assertEquals(List.of("opened", "dispatched", "started", "resolved", "revisited", "closed"), steps);

        // The month's orders as a CSV file, for whoever works outside the desk.
        page.findElement(By.id("export-button")).click();
        WebElement link = wait.until(d -> {
            WebElement l = d.findElement(By.id("export-link"));
            return l.isDisplayed() ? l : null;
        });
        assertEquals("1", link.getAttribute("data-orders"));
        String csv = (String) ((org.openqa.selenium.JavascriptExecutor) page).executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[arguments.length - 1])", link.getAttribute("href"));
        List<String> lines = csv.lines().toList();
        assertEquals(2, lines.size(), csv);
        // (text() reads the file as UTF-8 and drops the byte order mark put there for spreadsheets)
        assertTrue(lines.get(0).startsWith("order,kind,grade,state,customer,"), lines.get(0));
        assertTrue(lines.get(1).startsWith(order + ",complaint,普通,closed," + CUSTOMER), lines.get(1));

        // A team lead on the same page sees the floor, the agent among it.
        page.get("http://127.0.0.1:" + server.httpPort() + "/desk");
        logIn(page, "supervisor", "lead1", "l3ad");
        wait.until(d -> !d.findElements(By.cssSelector("#floor-agents tr[data-agent='2001']")).isEmpty());
        assertTrue(page.findElement(By.id("floor")).isDisplayed());
        assertTrue(!page.findElement(By.id("agent-controls")).isDisplayed(), "an agent's buttons are not a lead's");
        // and acts on it: the agent whose desktop was closed is logged out
        page.findElement(By.cssSelector("#floor-agents button[data-agent='2001'][data-action='logoutAgent']")).click();
        wait.until(d -> "logged-out".equals(d.findElement(By.cssSelector("#floor-agents tr[data-agent='2001']"))
                .getAttribute("data-state")));
        // and switches the billing line into peak mode, then back
        wait.until(d -> !d.findElements(By.cssSelector("#queue-rows button[data-queue='billing']")).isEmpty());
        page.findElement(By.cssSelector("#queue-rows button[data-queue='billing']")).click();
        int billing = server.engine().config().queueIndex("billing");
        wait.until(d -> server.engine().board().inPeakMode(billing));
        wait.until(d -> "on".equals(d.findElement(By.cssSelector("#queue-rows tr[data-queue='billing']"))
                .getAttribute("data-peak")));
        page.findElement(By.cssSelector("#queue-rows button[data-queue='billing']")).click();
        wait.until(d -> !server.engine().board().inPeakMode(billing));
        assertTrue(page.findElements(By.cssSelector("#queue-rows button[data-queue='vip']")).isEmpty(),
                "vip has no peak mode to switch");
        browser.screenshot(Path.of("target", "desk.png"));
    }

    private static void logIn(WebDriver page, String role, String id, String secret) {
        new Select(page.findElement(By.id("login-role"))).selectByValue(role);
        page.findElement(By.id("login-id")).clear();
        page.findElement(By.id("login-id")).sendKeys(id);
        page.findElement(By.id("login-secret")).sendKeys(secret);
        page.findElement(By.id("login-button")).click();
    }

    private static void step(WebDriver page, String step, String note) {
        WebElement box = page.findElement(By.id("step-note"));
        box.clear();
        if (note != null) {
            box.sendKeys(note);
        }
        page.findElement(By.cssSelector("#order-detail button[data-step='" + step + "']")).click();
    }

    private static void awaitState(WebDriverWait wait, String order, String state) {
        wait.until(d -> d.findElements(By.cssSelector("#order-rows tr[data-order='" + order + "']")).stream()
                .anyMatch(r -> state.equals(r.getAttribute("data-state"))));
    }
}
