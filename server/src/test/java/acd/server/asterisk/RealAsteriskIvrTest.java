package acd.server.asterisk;

import acd.ivr.selfservice.FaultKind;
import acd.ivr.selfservice.ServiceOffer;
import acd.ivr.speech.Speech;
import acd.ivr.store.JdbcSelfService;
import acd.pbxlab.RealAsterisk;
import acd.pbxlab.Sipp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The self-service menus on a real Asterisk, with keys sent as SIP INFO by SIPp callers: a
 * balance and a recharge read out, a fault report, a service changed only after the second
 * confirmation, callers who hang up half way changing nothing, and a caller on a landline who
 * hears another phone's balance only after its number and service PIN. No prompt is missing.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(AsteriskFloor.ASTERISK)
class RealAsteriskIvrTest {
    /** From config/customers.csv and config/recharge-cards.csv. */
    private static final String RECHARGER = "13900000001";
    private static final String FAULT_REPORTER = "13900000002";
    private static final String SUBSCRIBER = "13900000003";
    private static final String HESITANT = "13800000011";
    private static final String GIVES_UP = "13800000012";
    private static final String CARD_100 = "1000000000000005";
    private static final String CARD_100_PIN = "305819624477";
    private static final String CARD_300 = "1000000000000007";
    private static final String CARD_300_PIN = "954372016638";
    /** A phone that is nobody's account, and the account its caller asks about, with its service PIN. */
    private static final String LANDLINE = "01065529988";
    private static final String ACCOUNT = "13700000021";
    private static final String ACCOUNT_PIN = "582046";
    /** Keys of a number come this far apart; a menu that takes keys gets its first this long after it starts. */
    private static final long KEY_GAP_MS = 200;
    private static final long SETTLE_MS = 1_500;
    private static final Pattern PLAYED = Pattern.compile("<([^>]+)> Playing '([^']+)\\.[a-z0-9]+'");

    @TempDir
    Path dir;

    /** Keys typed one after the other, the first {@code afterMs} after the previous key. */
    private static List<Sipp.Key> typed(long afterMs, String keys) {
        List<Sipp.Key> out = new ArrayList<>();
        for (int i = 0; i < keys.length(); i++) {
            out.add(new Sipp.Key(i == 0 ? afterMs : KEY_GAP_MS, keys.charAt(i)));
        }
        return out;
    }

    private static List<Sipp.Key> keys(List<?>... parts) {
        List<Sipp.Key> out = new ArrayList<>();
        for (List<?> part : parts) {
            for (Object k : part) {
                out.add((Sipp.Key) k);
            }
        }
        return out;
    }

    /** The card read back, which takes no keys: the confirmation can only come after it. */
    private static long readBackMs(String card) throws Exception {
        List<String> sounds = new ArrayList<>(List.of("acd/zh/card-is"));
        sounds.addAll(Speech.forLanguage("zh").digits(card));
        return RealAsterisk.soundsMs(sounds) + SETTLE_MS;
    }

    @Test
    void selfServiceOverRealDtmfChangesWhatTheCallerConfirmedAndNothingElse() throws Exception {
        try (AsteriskFloor floor = AsteriskFloor.open("ivr", dir)) {
            JdbcSelfService store = floor.server.store().selfService();
            long rechargerBefore = store.account(RECHARGER).orElseThrow().balanceFen();
            long givesUpBefore = store.account(GIVES_UP).orElseThrow().balanceFen();
            List<ServiceOffer> offered = store.services(SUBSCRIBER);
            List<ServiceOffer> hesitantOffered = store.services(HESITANT);
            long serviceNameMs = RealAsterisk.soundMs("en/" + offered.get(0).prompt()) + SETTLE_MS;
            long hesitantNameMs = RealAsterisk.soundMs("zh/" + hesitantOffered.get(0).prompt()) + SETTLE_MS;

            // Known callers start at the main menu in their language. 2: recharge, card, PIN #,
            // the read-back, 1 to confirm.
            Sipp.Phone recharger = floor.phones.caller(RECHARGER, "10086", keys(typed(2_000, "2"),
                    typed(SETTLE_MS, CARD_100), typed(SETTLE_MS, CARD_100_PIN + "#"),
                    typed(readBackMs(CARD_100), "1")), 120_000);
            // 3: fault, 1: a normal one, 1: report it.
            Sipp.Phone reporter = floor.phones.caller(FAULT_REPORTER, "10086", keys(typed(2_000, "3"),
                    typed(SETTLE_MS, "1"), typed(SETTLE_MS, "1")), 120_000);
            // 4: services, 1: the first, its name, 1: change it, 1: confirm the change.
            boolean wasSubscribed = offered.get(0).subscribed();
            Sipp.Phone subscriber = floor.phones.caller(SUBSCRIBER, "10086", keys(typed(2_000, "4"),
                    typed(SETTLE_MS, "1"), typed(serviceNameMs, wasSubscribed ? "2" : "1"), typed(SETTLE_MS, "1")),
                    120_000);
            // The same, but the caller hangs up when asked to confirm.
            Sipp.Phone hesitant = floor.phones.caller(HESITANT, "10086", keys(typed(2_000, "4"),
                    typed(SETTLE_MS, "1"), typed(hesitantNameMs, hesitantOffered.get(0).subscribed() ? "2" : "1")),
                    2_000);
            // From a landline: 1 Mandarin, 1 balance; the account's number, a wrong service PIN, the
            // attempts left (a play, which takes no keys), the right PIN.
            List<String> wrongPinSounds = new ArrayList<>(List.of("acd/zh/service-pin-wrong"));
            wrongPinSounds.addAll(Speech.forLanguage("zh").number(2));
            wrongPinSounds.add("acd/zh/service-pin-attempts-left");
            Sipp.Phone landline = floor.phones.caller(LANDLINE, "10086", keys(typed(2_000, "1"),
                    typed(SETTLE_MS, "1"), typed(SETTLE_MS, ACCOUNT), typed(SETTLE_MS, "111111"),
                    typed(RealAsterisk.soundsMs(wrongPinSounds) + SETTLE_MS, ACCOUNT_PIN)), 120_000);
            // A recharge given up while the card is read back.
            Sipp.Phone givesUp = floor.phones.caller(GIVES_UP, "10086", keys(typed(2_000, "2"),
                    typed(SETTLE_MS, CARD_300), typed(SETTLE_MS, CARD_300_PIN + "#")), 3_000);

            for (Sipp.Phone caller : List.of(recharger, reporter, subscriber, hesitant, givesUp, landline)) {
                assertTrue(caller.waitFor(120_000), "a caller still on the line");
                assertEquals(0, caller.exitCode(), caller.errors());
            }

            assertEquals(rechargerBefore + 10_000, store.account(RECHARGER).orElseThrow().balanceFen(), "100 yuan");
            assertEquals(List.of(FaultKind.NORMAL),
                    store.workOrdersOf(FAULT_REPORTER).stream().map(o -> o.kind()).toList());
            assertEquals(!wasSubscribed, store.services(SUBSCRIBER).get(0).subscribed(), "changed on the second 1");
            assertEquals(hesitantOffered, store.services(HESITANT), "no second confirmation, no change");
            assertEquals(givesUpBefore, store.account(GIVES_UP).orElseThrow().balanceFen(), "nothing half done");
            assertEquals("released", recharger.events().get(recharger.events().size() - 1));

            // What Asterisk played: the new balance, 1388.50, read the Mandarin way, and no
            // sound the menus name was missing.
            String log = Files.readString(floor.asterisk.fullLog());
            java.util.Map<String, List<String>> playedTo = new java.util.LinkedHashMap<>();
            Matcher m = PLAYED.matcher(log);
            while (m.find()) {
                playedTo.computeIfAbsent(m.group(1), c -> new ArrayList<>()).add(m.group(2));
            }
            List<String> newBalance = new ArrayList<>(List.of("acd/zh/new-balance"));
            newBalance.addAll(Speech.forLanguage("zh").money(1388, 50));
            // callers hear their prompts at the same time: each one's are read from their own channel
            assertTrue(playedTo.values().stream().anyMatch(l -> java.util.Collections.indexOfSubList(l, newBalance) >= 0),
                    "played " + playedTo);
            // the landline's caller: the number and PIN asked for, the PIN refused once, asked
            // again, then the account's 256.80
            List<String> toLandline = playedTo.values().stream().filter(l -> l.contains("acd/zh/enter-account"))
                    .findFirst().orElseThrow(() -> new AssertionError("nobody was asked for an account: " + playedTo));
            List<String> check = new ArrayList<>(List.of("acd/zh/enter-account", "acd/zh/enter-service-pin"));
            check.addAll(wrongPinSounds);
            check.add("acd/zh/enter-service-pin");
            check.add("acd/zh/balance-is");
            check.addAll(Speech.forLanguage("zh").money(256, 80));
            assertTrue(java.util.Collections.indexOfSubList(toLandline, check) >= 0, "played to the landline " + toLandline);
            floor.assertNoPromptMissing();
        }
    }

    @Test
    void theBillingLinesNumberPutsItsCallerStraightInTheBillingLineAndAnUnknownNumberStartsTheMenus()
            throws Exception {
        try (AsteriskFloor floor = AsteriskFloor.open("entry-points", dir)) {
            // Nobody logged in: the caller waits in line, then gives up.
            Sipp.Phone billing = floor.phones.caller("13800000021", "1008612", List.of(), 6_000);
            Sipp.Phone other = floor.phones.caller("13800000022", "95598", List.of(), 3_000);
            assertTrue(billing.waitFor(30_000) && other.waitFor(30_000));
            floor.awaitSettled();
            floor.server.close();

            List<String> lines = Files.readAllLines(dir.resolve("queue_log"));
            assertTrue(lines.stream().anyMatch(l -> l.contains("|billing|NONE|ENTERQUEUE|") && l.contains("|13800000021|")),
                    "the billing line's caller entered the billing queue: " + lines);
            assertTrue(lines.stream().noneMatch(l -> l.contains("|13800000022|")),
                    "the other caller heard the menus and went nowhere: " + lines);
            String log = Files.readString(floor.asterisk.fullLog());
            assertTrue(log.contains("acd/zh/choose-language") || log.contains("acd/en/choose-language"),
                    "an unknown number starts at the start: the language choice");
        }
    }
}
