package acd.ivr.menu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Plays a PBX and a caller against an {@link IvrCall}: plays and says finish at once, keys come
 * from the script, a second passes per reply. Every step the menu asked for is kept.
 */
final class ScriptedCaller {
    final IvrCall call;
    final List<Step> seen = new ArrayList<>();
    long nowMs;
    /** The reply (counting from 0) the caller hangs up instead of giving; -1 for none. */
    int hangUpAt = -1;
    int replies;
    /** The account the identity check proves whenever it runs, or null to leave it to the script. */
    private String identifiedAs;

    /** Thrown when the scripted hang-up has happened, to stop the rest of the script. */
    static final class CallerGone extends RuntimeException {
        CallerGone() {
            super(null, null, false, false);
        }
    }

    ScriptedCaller(IvrCall call, long startMs) {
        this.call = call;
        this.nowMs = startMs;
        seen.add(call.current());
    }

    /** Answers every identity check {@code ok} for {@code account}, without a step of the script. */
    ScriptedCaller identifiedAs(String account) {
        this.identifiedAs = account;
        return this;
    }

    Step step() {
        return call.current();
    }

    /** Lets plays, says and variables finish until the menu collects keys; returns that step. */
    Step.Collect untilCollect() {
        return until(Step.Collect.class);
    }

    Step.Action untilAction() {
        return until(Step.Action.class);
    }

    /** Lets plays, says and variables finish until the menu hands over or hangs up. */
    Step untilEnd() {
        while (!call.isOver()) {
            acknowledge();
        }
        return call.current();
    }

    private <S extends Step> S until(Class<S> type) {
        while (true) {
            if (identifiedAs != null && call.current() instanceof Step.Action a
                    && a.kind() == ActionKind.IDENTIFY) {
                reply(new Reply.Outcome("ok", Map.of("account", identifiedAs), tick()));
                continue;
            }
            if (type.isInstance(call.current())) {
                break;
            }
            if (call.isOver()) {
                fail("the call ended with " + call.current() + " before a " + type.getSimpleName() + "; path "
                        + call.path());
            }
            acknowledge();
        }
        return type.cast(call.current());
    }

    private void acknowledge() {
        Step s = call.current();
        if (s instanceof Step.Collect || s instanceof Step.Action) {
            fail("the menu waits for " + s + " at " + call.path());
        }
        reply(Reply.done(tick()));
    }

    /** Presses keys at the next collect step. */
    ScriptedCaller press(String digits) {
        untilCollect();
        reply(Reply.digits(digits, tick()));
        return this;
    }

    /** Presses nothing at the next collect step. */
    ScriptedCaller silence() {
        return press("");
    }

    /** Answers the next action. */
    ScriptedCaller outcome(String key, Map<String, String> values) {
        untilAction();
        reply(new Reply.Outcome(key, values, tick()));
        return this;
    }

    ScriptedCaller outcome(String key) {
        return outcome(key, Map.of());
    }

    ScriptedCaller hangUp() {
        reply(Reply.hungUp(tick()));
        return this;
    }

    Step reply(Reply r) {
        assertFalse(call.isOver(), "the call is over");
        if (replies++ == hangUpAt) {
            seen.add(call.next(Reply.hungUp(tick())));
            throw new CallerGone();
        }
        Step s = call.next(r);
        seen.add(s);
        return s;
    }

    List<Step.Action> actions() {
        List<Step.Action> out = new ArrayList<>();
        for (Step s : seen) {
            if (s instanceof Step.Action a && !(identifiedAs != null && a.kind() == ActionKind.IDENTIFY)) {
                out.add(a);
            }
        }
        return out;
    }

    /** Every sound played or prompted so far, in order. */
    List<String> sounds() {
        List<String> out = new ArrayList<>();
        for (Step s : seen) {
            if (s instanceof Step.Play p) {
                out.addAll(p.sounds());
            } else if (s instanceof Step.Collect c) {
                out.addAll(c.prompts());
            }
        }
        return out;
    }

    private long tick() {
        nowMs += 1000;
        return nowMs;
    }
}
