package acd.ivr.menu;

import acd.ivr.customer.CustomerProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Corners of the interpreter on small menus of their own. */
class MenuFixtureTest {

    private static final String ROUND = """
            languages: [zh]
            start: pick
            person: agent
            defaults: {invalid: bad, onFail: pick}
            prompts:
              bad: acd/zh/invalid
              pick: acd/zh/pick
            nodes:
              pick:
                type: choose
                list: service
                prompt: pick
                next: fetch
              fetch:
                type: action
                action: services
                outcomes: {other: pick}
              agent:
                type: transfer
                queue: general
            """;

    @Test
    void aMenuThatWouldGoRoundWithoutAskingAnythingHangsUpInsteadOfSpinning() {
        // an empty list falls to onFail, which is the same empty list
        IvrCall call = Menus.text(ROUND).startCall(new Caller("c", "1", CustomerProfile.UNKNOWN), 0);
        assertEquals(new Step.SetVariable(IvrCall.LANGUAGE_VARIABLE, "zh"), call.current());
        assertInstanceOf(Step.HangUp.class, call.next(Reply.done(1)));
        assertEquals(IvrCallRecord.End.FINISHED, call.record().orElseThrow().end());
    }

    @Test
    void anInputThatTakesALoneZeroKeepsItAsData() {
        IvrMenu menu = Menus.text("""
                languages: [zh]
                start: count
                person: agent
                defaults: {invalid: bad, onFail: agent}
                prompts:
                  bad: acd/zh/invalid
                  ask: acd/zh/how-many
                nodes:
                  count:
                    type: input
                    prompt: ask
                    minDigits: 1
                    maxDigits: 2
                    into: card
                    next: bye
                  bye:
                    type: hangup
                  agent:
                    type: transfer
                    queue: general
                """);
        ScriptedCaller c = new ScriptedCaller(menu.startCall(new Caller("c", "1", null), 0), 0);
        assertEquals(2, c.untilCollect().maxDigits());
        c.press("0");
        assertInstanceOf(Step.HangUp.class, c.untilEnd());
        assertEquals(List.of("count", "bye"), c.call.record().orElseThrow().path());
    }
}
