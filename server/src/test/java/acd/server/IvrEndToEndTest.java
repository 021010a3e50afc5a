package acd.server;

import acd.ivr.selfservice.Account;
import acd.ivr.selfservice.FaultKind;
import acd.ivr.selfservice.SurveyResponse;
import acd.ivr.selfservice.WorkOrder;
import acd.ivr.store.FollowUp;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.PbxSimulator;
import acd.pbxsim.pbx.Prompts;
import acd.pbxsim.world.CallOutcome;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.Outcome;
import acd.pbxsim.world.SeatPhone;
import acd.server.metrics.PrometheusText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callers with scripted keys through the PBX simulator, the /ivr script and the self-service
 * store: a recharge, a fault report, a caller who gives up half way, a person and the survey
 * after the call, a store that goes down; then a restart, and everything written is still there.
 */
class IvrEndToEndTest {
    private static final Path CONFIG = Path.of("..", "config");
    private static final double SPEED = 20;
    /** From config/customers.csv: a supreme-tier subscriber with zh as language, 1288.50 yuan. */
    private static final String SUBSCRIBER = "13900000001";
    /** Also from customers.csv: English, so the menus start in English. */
    private static final String ENGLISH_SUBSCRIBER = "13900000003";
    private static final String SECOND_SUBSCRIBER = "13900000002";
    /** Cards from config/recharge-cards.csv. */
    private static final String CARD_100 = "1000000000000005";
    private static final String CARD_100_PIN = "305819624477";
    private static final String CARD_100_B = "1000000000000006";
    private static final String CARD_100_B_PIN = "718260439905";

    private final HttpClient client = HttpClient.newHttpClient();
    private AcdServer server;
    @TempDir
    Path data;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private AcdServer start() throws Exception {
        return start(settings().withSelfServiceDataDirectory(data.resolve("selfservice")));
    }

    private ServerSettings settings() throws Exception {
        ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(CONFIG.resolve("server.yaml")))
                .withHttpPort(0);
        return settings.withAgi(settings.agi().withPort(0))
                .withQueueLog(settings.queueLog().withFile(data.resolve("queue_log")));
    }

    private AcdServer start(ServerSettings settings) throws Exception {
        return start(settings, PbxSettings.defaults());
    }

    private AcdServer start(ServerSettings settings, PbxSettings pbx) throws Exception {
        AcdServer started = new AcdServer(CONFIG, settings, null, pbx.withSpeed(SPEED).withSeed(3));
        for (int i = 0; i < 200 && !started.ami().isConnected(); i++) {
            Thread.sleep(20);
        }
        List<CompletableFuture<String>> staffed = new ArrayList<>();
        for (SeatPhone seat : started.pbxSimulator().seats().subList(0, 6)) {
            // The seat ends the call, so the caller stays on the line for the survey.
            seat.update(seat.settings().withTalkTimeMs(4_000));
            staffed.add(seat.login().thenCompose(status -> seat.ready()));
        }
        CompletableFuture.allOf(staffed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        return started;
    }

    private CallOutcome call(String number, List<String> keys, long patienceMs, long talkMs) throws Exception {
        PbxSimulator pbx = server.pbxSimulator();
        return pbx.placeCall(new CallerScript(number, "", "10086", keys, patienceMs, talkMs)).ended()
                .get(60, TimeUnit.SECONDS);
    }

    private long balanceFen(String number) {
        return server.store().selfService().account(number).map(Account::balanceFen).orElseThrow();
    }

    private JsonNode ivrFigures() throws Exception {
        return new ObjectMapper().readTree(get("/api/ivr"));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @Test
    void selfServiceAPersonAndTheSurveyAreServedAndWhatWasWrittenSurvivesARestart() throws Exception {
        server = start();

        // A known caller goes straight to the main menu in Mandarin and recharges: 2, card, PIN #, 1.
        CallOutcome recharge = call(SUBSCRIBER, List.of("2", CARD_100, CARD_100_PIN + "#", "1"), 0, 0);
        assertEquals(Outcome.SELF_SERVICE, recharge.outcome(), recharge.toString());
        assertEquals(128_850 + 10_000, balanceFen(SUBSCRIBER), "1288.50 + 100 yuan");

        // Another hangs up while asked for the PIN: nothing is written and the card stays good.
        long before = balanceFen(SECOND_SUBSCRIBER);
        CallOutcome halfWay = call(SECOND_SUBSCRIBER, List.of("2", CARD_100_B), 14_000, 0);
        assertEquals(Outcome.IVR_ABANDONED, halfWay.outcome(), halfWay.toString());
        assertEquals(before, balanceFen(SECOND_SUBSCRIBER));
        CallOutcome again = call(SECOND_SUBSCRIBER, List.of("2", CARD_100_B, CARD_100_B_PIN + "#", "1"), 0, 0);
        assertEquals(Outcome.SELF_SERVICE, again.outcome());
        assertEquals(before + 10_000, balanceFen(SECOND_SUBSCRIBER), "the card a caller gave up on still works once");

        // A used card is refused and nothing is credited twice.
        call(SECOND_SUBSCRIBER, List.of("2", CARD_100_B, CARD_100_B_PIN + "#", "1"), 0, 0);
        assertEquals(before + 10_000, balanceFen(SECOND_SUBSCRIBER));

        // Three wrong PINs lock recharge: each wrong PIN and the lock-out are in the audit log,
        // with the caller's number and never the card or a PIN.
        String wrongPin = "111111111111";
        call(SUBSCRIBER, List.of("2", CARD_100, wrongPin + "#", "1", wrongPin + "#", "1", wrongPin + "#", "1"), 0, 0);
        Path auditLog = data.resolve("selfservice").resolve("audit.log");
        List<String> audit = awaitAuditLines(auditLog, 4);
        assertEquals(3, audit.stream().filter(l -> l.contains("\"event\":\"login_failed\"")
                && l.contains("\"who\":\"caller " + SUBSCRIBER + "\"") && l.contains("recharge PIN")).count(), audit.toString());
        assertEquals(1, audit.stream().filter(l -> l.contains("\"event\":\"lock_out\"")).count(), audit.toString());
        assertTrue(audit.stream().noneMatch(l -> l.contains(wrongPin) || l.contains(CARD_100)), audit.toString());

        // A fault report in English: 3, complex (2), confirm (1); the order is due in 48 hours.
        CallOutcome fault = call(ENGLISH_SUBSCRIBER, List.of("3", "2", "1"), 0, 0);
        assertEquals(Outcome.SELF_SERVICE, fault.outcome(), fault.toString());
        List<WorkOrder> orders = server.store().selfService().workOrdersOf(ENGLISH_SUBSCRIBER);
        assertEquals(1, orders.size());
        assertEquals(FaultKind.COMPLEX, orders.get(0).kind());
        assertEquals(48 * 3_600_000L, orders.get(0).dueMs() - orders.get(0).createdMs());

        // An unknown caller picks Mandarin (1), asks for a person (0), talks, and rates the call 1.
        CallOutcome person = call("13812345678", List.of("1", "0", "1"), 120_000, 0);
        assertEquals(Outcome.COMPLETED, person.outcome(), person.toString());
        assertTrue(person.surveyed(), "the caller reached the survey after the seat hung up");
        awaitSurveys(1);
        List<FollowUp> followUps = server.store().surveys().followUpList();
        assertEquals(1, followUps.size(), "a dissatisfied caller is called back");
        SurveyResponse rated = followUps.get(0).response();
        assertEquals(1, rated.rating());
        assertEquals("13812345678", rated.callerNumber());
        assertEquals("general", rated.queue());
        assertEquals("standard", rated.tier(), "an unknown caller is of the default tier");
        assertEquals(24 * 3_600_000L, followUps.get(0).dueMs() - rated.atMs());

        server.workOrders().sweep();
        JsonNode figures = ivrFigures();
        assertEquals(7, figures.path("calls").path("calls").asLong(), figures.toString());
        assertEquals(6, figures.path("calls").path("contained").asLong(), "all but the one for a person, "
                + "the caller who gave up and the one locked out included");
        assertEquals(1, figures.path("calls").path("handedOver").asLong());
        assertEquals(1, figures.path("calls").path("callerHungUp").asLong());
        assertEquals(1, figures.path("dropOffsByNode").path("recharge-pin").asLong(), figures.toString());
        assertEquals(1, figures.path("byQueue").path("general").path("handedOver").asLong());
        assertEquals(1, figures.path("survey").path("answered").asLong());
        assertEquals(1.0, figures.path("survey").path("averageScore").asDouble());
        assertEquals(1, figures.path("survey").path("followUpsOpen").asLong());
        assertEquals(100.0, figures.path("survey").path("responsePercent").asDouble());
        assertEquals(0.0, figures.path("survey").path("satisfiedPercent").asDouble(), "a 1 is not satisfied");
        // The wallboard's survey figures are today's as the store counts them every few seconds: count now.
        server.intervals().keep();
        JsonNode board = new ObjectMapper().readTree(get("/api/queues"));
        assertEquals(1, board.path("survey").path("answered").asLong(), "the wallboard's document has the survey");
        assertEquals(0.0, board.path("queues").get(0).path("survey").path("satisfiedPercent").asDouble());

        PrometheusText metrics = PrometheusText.parse(get("/metrics"));
        assertEquals(7, metrics.sum("acd_ivr_calls_total"));
        assertEquals(6, metrics.sum("acd_ivr_calls_contained_total"));
        assertEquals(1, metrics.sum("acd_ivr_drop_offs_total", "node", "recharge-pin"));
        assertEquals(1, metrics.sum("acd_survey_answered_total", "queue", "general"));
        assertEquals(1, metrics.sum("acd_survey_rating_sum_total", "queue", "general"));

        // The store goes down: the caller hears the sorry prompt and gets a person with 0.
        server.store().close();
        CallOutcome sorry = call(SUBSCRIBER, List.of("1", "1", "0"), 120_000, 0);
        assertEquals(Outcome.COMPLETED, sorry.outcome(), "offered a person when self-service failed: " + sorry);

        // A restart: the recharges and the work order are still there, and the seeding undid nothing.
        server.close();
        server = start();
        assertEquals(128_850 + 10_000, balanceFen(SUBSCRIBER));
        assertEquals(before + 10_000, balanceFen(SECOND_SUBSCRIBER));
        assertEquals(orders, server.store().selfService().workOrdersOf(ENGLISH_SUBSCRIBER));
        CallOutcome balance = call(SUBSCRIBER, List.of("1"), 0, 0);
        assertEquals(Outcome.SELF_SERVICE, balance.outcome());
    }

    @Test
    void anotherPhonesAccountNeedsItsServicePinAndGuessingAtItLocksItsSelfServiceWithEveryTryAudited()
            throws Exception {
        server = start();
        String landline = "01065529988";
        String account = "13700000021";   // 256.80 yuan; service PIN 582046 in customers.csv
        // Mandarin (1), balance (1), the account's number, then three wrong PINs: the third locks.
        CallOutcome guessing = call(landline, List.of("1", "1", account, "111111", "222222", "333333"), 0, 0);
        assertEquals(Outcome.SELF_SERVICE, guessing.outcome(), guessing.toString());
        // The right PIN while locked is refused all the same, and the caller may ask for a person.
        CallOutcome locked = call(landline, List.of("1", "1", account, "582046", "0"), 120_000, 0);
        assertEquals(Outcome.COMPLETED, locked.outcome(), locked.toString());

        Path auditLog = data.resolve("selfservice").resolve("audit.log");
        List<String> audit = awaitAuditLines(auditLog, 5);
        String what = "service PIN of " + account;
        assertEquals(3, audit.stream().filter(l -> l.contains("\"event\":\"login_failed\"")
                && l.contains("\"who\":\"caller " + landline + "\"") && l.contains(what)).count(), audit.toString());
        assertEquals(1, audit.stream().filter(l -> l.contains("\"event\":\"lock_out\"") && l.contains(what)).count(),
                audit.toString());
        assertEquals(1, audit.stream().filter(l -> l.contains("\"event\":\"refused\"") && l.contains(what)).count(),
                audit.toString());
        assertTrue(audit.stream().noneMatch(l -> l.contains("582046") || l.contains("111111")), audit.toString());

        // The account's own phone needs no PIN, so its holder still hears the balance.
        CallOutcome own = call(account, List.of("1"), 0, 0);
        assertEquals(Outcome.SELF_SERVICE, own.outcome(), own.toString());
        assertEquals(2, ivrFigures().path("calls").path("contained").asLong());
    }

    @Test
    void promptsThePbxDoesNotHaveAreSkippedAndTheCallGoesOn() throws Exception {
        // Asterisk answers GET DATA of a missing file with -1, as it does for a hang-up; STREAM
        // FILE with -1 and endpos 0. Both prompts of the first menu are missing here.
        Prompts prompts = Prompts.defaults().withMissing("acd/zh/main-menu").withMissing("acd/en/main-menu")
                .withMissing("acd/zh/choose-language").withMissing("acd/en/choose-language");
        server = start(settings().withSelfServiceDataDirectory(data.resolve("selfservice")),
                PbxSettings.defaults().withPrompts(prompts));

        // An unknown caller hears no language menu, picks Mandarin (1), and asks for a person (0).
        CallOutcome person = call("13812345678", List.of("1", "0", "1"), 120_000, 0);

        assertEquals(Outcome.COMPLETED, person.outcome(), person.toString());
        JsonNode figures = ivrFigures();
        assertEquals(0, figures.path("calls").path("callerHungUp").asLong(), figures.toString());
        assertEquals(1, figures.path("calls").path("handedOver").asLong(), figures.toString());
    }

    @Test
    void aSelfServiceDatabaseThatIsDownAtStartStopsNeitherTheServerNorTheCalls() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ServerSettings settings = settings();
        settings = settings.withSelfService(new ServerSettings.SelfService(settings.selfService().store()
                .withDatabase("jdbc:postgresql://127.0.0.1:" + closedPort + "/acd", "acd", "none")
                .withConnectTimeoutMs(300), null)).withAuditFile(data.resolve("audit.log").toString());
        server = start(settings);
        assertEquals(null, server.store(), "not open: nobody listens there");

        // Balance (1): the store cannot answer, so the sorry prompt, and 0 reaches a person.
        CallOutcome sorry = call(SUBSCRIBER, List.of("1", "1", "0"), 120_000, 0);
        assertEquals(Outcome.COMPLETED, sorry.outcome(), sorry.toString());
        JsonNode figures = ivrFigures();
        assertEquals(1, figures.path("calls").path("handedOver").asLong(), figures.toString());
        assertTrue(figures.path("survey").path("followUpsOpen").isNull());
    }

    private static List<String> awaitAuditLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the audit log has " + lines.size() + " lines, not " + count + ": " + lines);
    }

    private void awaitSurveys(int answered) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (ivrFigures().path("survey").path("offered").asLong() >= answered) {
                return;
            }
            Thread.sleep(25);
        }
    }
}
