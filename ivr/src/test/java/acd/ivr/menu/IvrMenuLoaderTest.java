package acd.ivr.menu;

import acd.core.config.ConfigError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad menu stops the start with file, line and reason, every problem at once. */
class IvrMenuLoaderTest {

    private static List<String> problems(ConfigError e) {
        return e.problems().stream().map(ConfigError.Problem::toString).toList();
    }

    private static ConfigError rejected(String yaml) {
        return assertThrows(ConfigError.class, () -> Menus.text(yaml));
    }

    /** A small valid menu; tests break one thing in it. */
    private static final String GOOD = """
            languages: [zh, en]
            start: main
            person: agent
            defaults: {invalid: invalid, onFail: bye}
            prompts:
              invalid: {zh: acd/zh/invalid, en: acd/en/invalid}
              main: {zh: acd/zh/main, en: acd/en/main}
              bye: vm-goodbye
            nodes:
              main:
                type: menu
                prompt: main
                options: {1: agent}
              agent:
                type: transfer
                queue: general
              bye:
                type: hangup
                prompt: bye
            """;

    @Test
    void aSmallMenuLoads() {
        IvrMenu menu = Menus.text(GOOD);
        assertEquals("main", menu.start());
        assertEquals("vm-goodbye", menu.sound("bye", "en"));
        MenuNode.Menu main = (MenuNode.Menu) menu.node("main");
        assertEquals(IvrMenuLoader.DEFAULT_RETRIES, main.asking().retries());
        assertEquals(IvrMenuLoader.DEFAULT_TIMEOUT_SECONDS * 1000L, main.asking().timeoutMs());
        assertEquals("bye", main.asking().onFail());
    }

    @Test
    void aDialledNumberStartsAtItsEntryPointAndAnyOtherAtTheStart() {
        IvrMenu menu = Menus.text(GOOD.replace("start: main\n", "start: main\nentryPoints: {\"1008612\": agent}\n"));
        assertEquals("agent", menu.startFor("1008612"));
        assertEquals("main", menu.startFor("10086"));
        assertEquals("main", menu.startFor(null));
        assertTrue(menu.knows("1008612"));
        assertTrue(!menu.knows("10086"), "a number the menu does not name is worth a log line");
        assertTrue(Menus.text(GOOD).knows("10086"), "a menu naming no numbers takes every number as its own");
    }

    @Test
    void anEntryPointThatIsNotANumberOrNamesNoNodeIsAnError() {
        ConfigError e = rejected(GOOD.replace("start: main\n",
                "start: main\nentryPoints: {\"hot-line\": main, \"112\": agnet}\n"));
        String all = String.join("\n", problems(e));
        assertTrue(all.contains("'hot-line' is not a dialled number"), all);
        assertTrue(all.contains("entry point 112 names unknown node 'agnet' (did you mean 'agent'?)"), all);
    }

    @Test
    void everyProblemOfABrokenMenuIsReportedAtOnceWithFileLineAndReason() {
        ConfigError e = assertThrows(ConfigError.class, () -> Menus.load("menu-broken.yaml"));
        assertEquals(List.of(
                "menu-broken.yaml:7:3: prompt 'main' has no sound for language 'en'",
                "menu-broken.yaml:15:10: node 'main': option 2 names unknown node 'recharg'",
                "menu-broken.yaml:16:7: node 'main': key 0 is kept for a person from anywhere in a call; use another key",
                "menu-broken.yaml:20:5: node 'balance': outcomes must say where owing, unknown-number lead (or give other)",
                "menu-broken.yaml:20:43: node 'balance': action balance has no outcome 'late'; it has ok, owing, "
                        + "unknown-number, unavailable",
                "menu-broken.yaml:23:27: node 'say' says reads variable 'balanceYaun', which nothing sets "
                        + "(did you mean 'balanceYuan'?)",
                "menu-broken.yaml:25:3: node 'orphan' is never reached from start or person",
                "menu-broken.yaml:29:12: node 'agent': unknown queue 'billings' (did you mean 'billing'?)",
                "menu-broken.yaml:30:23: node 'agent': unknown skill 'cantonese'"),
                problems(e));
        assertEquals("menu-broken.yaml", e.source());
        assertEquals(7, e.line());
    }

    @Test
    void aNodeOrOptionKeyWrittenTwiceIsReportedWithBothLines() {
        ConfigError e = rejected(GOOD.replace("options: {1: agent}", "options: {1: agent, 1: bye}")
                + "  bye:\n    type: hangup\n");
        assertEquals(List.of(
                "ivr.yaml:13:25: duplicate key '1' (first at line 13)",
                "ivr.yaml:20:3: duplicate key 'bye' (first at line 17)"), problems(e));
    }

    @Test
    void anUnknownStartOrPersonNodeIsNamedWithASuggestion() {
        ConfigError e = rejected(GOOD.replace("start: main", "start: mian").replace("person: agent", "person: agnet"));
        assertEquals(List.of(
                "ivr.yaml:2:8: start names unknown node 'mian' (did you mean 'main'?)",
                "ivr.yaml:3:9: person names unknown node 'agnet' (did you mean 'agent'?)"),
                problems(e).subList(0, 2));
    }

    @Test
    void aPromptWithASoundForALanguageNotOfferedIsAnError() {
        ConfigError e = rejected(GOOD.replace("main: {zh: acd/zh/main, en: acd/en/main}",
                "main: {zh: acd/zh/main, en: acd/en/main, fr: acd/fr/main}"));
        assertEquals(List.of("ivr.yaml:7:44: prompt 'main' has a sound for language 'fr', which is not in languages "
                + "(zh, en)"), problems(e));
    }

    @Test
    void anUnknownNodeTypeOrKeyIsAnError() {
        ConfigError e = rejected(GOOD.replace("type: transfer", "type: transfr").replace("prompt: bye", "promt: bye"));
        assertEquals(List.of(
                "ivr.yaml:15:11: node 'agent': unknown type 'transfr'; expected one of language, menu, input, choose, play, action, "
                        + "transfer, hangup (did you mean 'transfer'?)",
                "ivr.yaml:19:5: node 'bye': unknown key 'promt'; expected one of type, person, prompt (did you mean 'prompt'?)"),
                problems(e));
    }

    @Test
    void aNodeThatCollectsKeysNeedsAnInvalidPromptAndAFallback() {
        ConfigError e = rejected(GOOD.replace("defaults: {invalid: invalid, onFail: bye}\n", "")
                .replace("options: {1: agent}", "options: {1: agent, 2: bye}"));
        assertEquals(List.of(
                "ivr.yaml:10:5: node 'main': missing invalid (the prompt before a retry); give it here or in defaults",
                "ivr.yaml:10:5: node 'main': missing onFail (where the call goes when retries run out); give it here "
                        + "or in defaults"), problems(e));
    }

    @Test
    void aCardInputStatesItsFormAndTheVariableItFills() {
        IvrMenu menu = Menus.text(GOOD.replace("options: {1: agent}", "options: {1: card}")
                + "  card:\n    type: input\n    prompt: main\n    digits: 16\n    into: card\n    next: bye\n");
        MenuNode.Input card = (MenuNode.Input) menu.node("card");
        assertEquals(16, card.minDigits());
        assertEquals(16, card.maxDigits());
        ConfigError e = rejected(GOOD.replace("options: {1: agent}", "options: {1: card}")
                + "  card:\n    type: input\n    prompt: main\n    minDigits: 8\n    maxDigits: 6\n    next: bye\n");
        assertEquals(List.of(
                "ivr.yaml:21:5: node 'card': missing into",
                "ivr.yaml:23:16: node 'card': minDigits (8) is more than maxDigits (6)"), problems(e));
    }

    @Test
    void anOptionKeyMustBeAPhoneKeyAndASetValueOneTheActionKnows() {
        ConfigError e = rejected(GOOD.replace("options: {1: agent}",
                "options: {12: agent, 1: {go: agent, set: {faultKind: urgent}}}"));
        assertEquals(List.of(
                "ivr.yaml:13:15: node 'main': option '12' is not a phone key; use one of 0-9, * or # (quote * and #)",
                "ivr.yaml:13:58: node 'main' option 1: set faultKind must be one of normal, complex, found 'urgent'"),
                problems(e));
    }

    @Test
    void anIdentityCheckNamesAKnownNodeAWayToAskAndAnIdentifyActionSomewhere() {
        ConfigError e = rejected(GOOD.replace("person: agent\n",
                "person: agent\nidentity: {node: mian, askPin: sometimes}\n"));
        String all = String.join("\n", problems(e));
        assertTrue(all.contains("identity: node names unknown node 'mian' (did you mean 'main'?)"), all);
        assertTrue(all.contains("unknown askPin 'sometimes'; expected one of other-numbers, always"), all);

        ConfigError none = rejected(GOOD.replace("person: agent\n", "person: agent\nidentity: {node: main}\n"));
        assertTrue(String.join("\n", problems(none)).contains(
                "identity: no node runs the identify action, so no caller could ever be identified"), problems(none)
                .toString());
    }

    @Test
    void theShippedMenuAsksForThePinOnlyForAnotherPhonesAccount() {
        Identity identity = Menus.shipped().identity();
        assertEquals(new Identity("identify", Identity.AskPin.OTHER_NUMBERS), identity);
    }

    @Test
    void anActionReadingAVariableNothingSetsIsAnError() {
        ConfigError e = rejected(GOOD.replace("options: {1: agent}", "options: {1: pay}")
                + "  pay:\n    type: action\n    action: recharge\n    outcomes: {other: bye}\n");
        assertEquals(List.of(
                "ivr.yaml:22:13: node 'pay' (recharge) reads variable 'card', which nothing sets",
                "ivr.yaml:22:13: node 'pay' (recharge) reads variable 'pin', which nothing sets"), problems(e));
    }

    @Test
    void moneyAndMonthItemsReadTheVariablesTheirPrefixNames() {
        String balance = GOOD.replace("options: {1: agent}", "options: {1: balance}")
                + "  balance:\n    type: action\n    action: balance\n    outcomes: {other: say}\n"
                + "  say:\n    type: play\n    play: [main, {money: balance}]\n    next: bye\n";
        MenuNode.Play say = (MenuNode.Play) Menus.text(balance).node("say");
        assertEquals(List.of(new MenuNode.PromptItem("main"), new MenuNode.MoneyItem("balance")), say.items());
        ConfigError e = rejected(balance.replace("{money: balance}", "{money: balanc}, {month: bill}"));
        assertEquals(List.of(
                "ivr.yaml:26:26: node 'say' says reads variable 'balancYuan', which nothing sets (did you mean 'balanceYuan'?)",
                "ivr.yaml:26:26: node 'say' says reads variable 'balancFen', which nothing sets (did you mean 'balanceFen'?)",
                "ivr.yaml:26:43: node 'say' says reads variable 'billYear', which nothing sets",
                "ivr.yaml:26:43: node 'say' says reads variable 'billMonth', which nothing sets"), problems(e));
    }

    @Test
    void aTransferByLanguageIsCheckedToo() {
        ConfigError e = rejected(GOOD.replace("queue: general", "queue: general\n    languages: {en: {queue: englsh}, "
                + "fr: {queue: general}}"));
        assertTrue(problems(e).contains("ivr.yaml:17:29: node 'agent' in 'en': unknown queue 'englsh' (did you mean 'english'?)"),
                problems(e).toString());
        assertTrue(problems(e).contains("ivr.yaml:17:38: node 'agent': unknown language 'fr'"), problems(e).toString());
    }

    @Test
    void notYamlAtAllIsReportedWithItsLine() {
        ConfigError e = rejected("languages: [zh\nstart: main\n");
        assertEquals("ivr.yaml", e.source());
        assertTrue(e.reason().startsWith("invalid YAML"), e.reason());
    }
}
