package acd.ivr.menu;

import acd.ivr.menu.MenuNode.Collecting;
import acd.ivr.menu.MenuNode.SayItem;
import acd.ivr.speech.Speech;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One caller's way through a menu: a state machine over PBX primitives. It does no I/O and
 * reads no clock; every reply carries its own time. A driver loops:
 *
 * <pre>{@code
 * IvrCall call = menu.startCall(caller, nowMs);
 * Step step = call.current();
 * while (!call.isOver()) {
 *     Reply reply = perform(step);        // one AGI command, or SelfServiceDesk for an Action
 *     step = call.next(reply);
 * }
 * perform(step);                          // HandOver or HangUp
 * figures.record(call.record().orElseThrow());
 * }</pre>
 *
 * Not thread-safe: one call's replies come one after the other, whichever thread they arrive on.
 *
 * <p>An {@link Step.Action} is only emitted by an action node, so a change (a recharge, a
 * subscription) cannot happen before the caller has pressed every confirmation the menu asks
 * for; a caller who hangs up earlier leaves nothing done. An action already handed to the
 * driver is let finish (it was confirmed); a hang-up fed meanwhile ends the call. A survey never
 * ends unrecorded: when it would end (the caller hung up, the retries ran out) before its answer
 * was stored, it first stores what it has, 0 meaning no response.
 *
 * <p>Account business ({@link ActionKind#accountBusiness()}) acts for the account the caller
 * has been identified as the holder of. In a menu with an {@link Identity}, a call reaching it
 * unidentified goes to the identity check first, and the check's {@code ok} leads back to the
 * business that was asked for; the number the check proved is the one the business acts on, and
 * nothing the caller types can set it otherwise. In a menu without one, account business acts on
 * the calling phone's own account.
 */
public final class IvrCall {

    /**
     * The channel variable that makes Asterisk look for a sound in the caller's language first
     * ({@code sounds/zh/vas/voicemail} for {@code vas/voicemail}): the services' prompts are named
     * without a language.
     */
    public static final String LANGUAGE_VARIABLE = "CHANNEL(language)";
    /** Longer paths keep their latest nodes: a caller going round the menu should not make an endless string. */
    static final int MAX_PATH = 48;
    private static final String PERSON_KEY = "0";

    private final IvrMenu menu;
    private final IvrCallRecord.Kind kind;
    private final String callId;
    private final String number;
    private final String tier;
    private final String surveyQueue;
    private final long startedMs;
    private final boolean languageKnown;

    private final Map<String, String> variables = new HashMap<>();
    private final ArrayDeque<Step> outbox = new ArrayDeque<>();
    private final List<String> path = new ArrayList<>();
    private boolean pathCut;

    private String language;
    private String person;
    private MenuNode node;
    private int attempt;
    /** Where to go once the queued steps are done. */
    private String then;
    private Step current;
    private int hops;
    /** The time of the latest reply: when whatever happens next happens. */
    private long lastMs;

    /** The account the identity check proved the caller holds, or null. */
    private String account;
    /** The account business the identity check interrupted, entered once it passes. */
    private String awaitingIdentity;

    private boolean callerGone;
    private boolean surveyStored;
    private int surveyRating = -1;
    /** The end held back while a survey answer is stored. */
    private Step heldEnd;
    private IvrCallRecord record;

    private IvrCall(IvrMenu menu, IvrCallRecord.Kind kind, String callId, String number, String tier,
                    String surveyQueue, String language, long nowMs) {
        this.menu = menu;
        this.kind = kind;
        this.callId = callId;
        this.number = number;
        this.tier = tier;
        this.surveyQueue = surveyQueue;
        this.startedMs = nowMs;
        this.lastMs = nowMs;
        this.languageKnown = menu.speaks(language);
        this.language = languageKnown ? language : menu.languages().get(0);
        this.person = menu.person();
    }

    static IvrCall call(IvrMenu menu, Caller caller, long nowMs, String startNode) {
        IvrCall c = new IvrCall(menu, IvrCallRecord.Kind.CALL, caller.callId(), caller.number(),
                caller.profile().tier(), null, caller.profile().language(), nowMs);
        c.begin(startNode);
        return c;
    }

    static IvrCall survey(IvrMenu menu, SurveyCaller caller, long nowMs) {
        IvrCall c = new IvrCall(menu, IvrCallRecord.Kind.SURVEY, caller.callId(), caller.number(), caller.tier(),
                caller.queue(), caller.language(), nowMs);
        c.variables.put("rating", "0");
        c.surveyRating = 0;
        c.begin(menu.survey());
        return c;
    }

    private void begin(String first) {
        // a language choice at the start asks, or sets the language itself; elsewhere say it now
        // so Asterisk finds sounds in the caller's language from the first one on
        boolean asksOrSets = menu.node(first) instanceof MenuNode.LanguageChoice;
        if (!asksOrSets && (languageKnown || kind == IvrCallRecord.Kind.CALL)) {
            outbox.add(new Step.SetVariable(LANGUAGE_VARIABLE, language));
            then = first;
            advance();
        } else {
            enter(first);
        }
    }

    /** The step waiting for its reply (or, once over, the last step). */
    public Step current() {
        return current;
    }

    public boolean isOver() {
        return record != null;
    }

    /** How the call went, once over. */
    public Optional<IvrCallRecord> record() {
        return Optional.ofNullable(record);
    }

    /** The language prompts are played in now. */
    public String language() {
        return language;
    }

    /** The nodes visited so far, e.g. {@code lang>main>recharge-card}. */
    public String path() {
        return (pathCut ? "...>" : "") + String.join(">", path);
    }

    /**
     * Feeds the reply to {@link #current()} and returns the next step.
     *
     * @throws IllegalStateException    when the call is over
     * @throws IllegalArgumentException when the reply does not fit the step (a driver error);
     *                                  {@link Reply.HungUp} fits every step
     */
    public Step next(Reply reply) {
        if (record != null) {
            throw new IllegalStateException("the call has left the menu");
        }
        hops = 0;
        if (reply instanceof Reply.HungUp h) {
            callerGone = true;
            return end(h.nowMs(), new Step.HangUp());
        }
        Step step = current;
        if (step instanceof Step.Collect) {
            return onDigits(expect(reply, Reply.Digits.class).digits(), reply.nowMs());
        }
        if (step instanceof Step.Action) {
            Reply.Outcome outcome = expect(reply, Reply.Outcome.class);
            if (heldEnd != null) {
                return finish(heldEnd, outcome.nowMs());
            }
            return onOutcome(outcome);
        }
        expect(reply, Reply.Done.class);
        return advance(reply.nowMs());
    }

    private static <R extends Reply> R expect(Reply reply, Class<R> type) {
        if (!type.isInstance(reply)) {
            throw new IllegalArgumentException("expected " + type.getSimpleName() + ", got " + reply);
        }
        return type.cast(reply);
    }

    // ---- moving through nodes

    private Step advance(long nowMs) {
        lastMs = nowMs;
        return advance();
    }

    private Step advance() {
        Step s = outbox.poll();
        return s != null ? show(s) : enter(then);
    }

    private Step show(Step step) {
        if (step instanceof Step.HandOver || step instanceof Step.HangUp) {
            return end(lastMs, step);
        }
        current = step;
        return step;
    }

    private Step enter(String id) {
        if (++hops > menu.nodes().size() + 1) {
            // only a menu whose nodes go round without asking anything gets here; the loader
            // makes that hard to write, and a call must never spin
            return end(lastMs, new Step.HangUp());
        }
        Identity identity = menu.identity();
        if (identity != null && account == null && menu.node(id) instanceof MenuNode.Action a
                && a.kind().accountBusiness()) {
            awaitingIdentity = id;
            if (a.person() != null) {
                // the caller asked for this business: a person from here is one who knows it
                person = a.person();
            }
            // a check starts afresh: a number typed in an earlier one is not taken as proven
            variables.remove("account");
            variables.remove("servicePin");
            return enter(identity.node());
        }
        node = menu.node(id);
        attempt = 0;
        if (node.person() != null) {
            person = node.person();
        }
        if (node instanceof MenuNode.LanguageChoice lc && path.isEmpty() && languageKnown
                && kind == IvrCallRecord.Kind.CALL) {
            // the directory already knows the caller's language: do not ask
            outbox.add(new Step.SetVariable(LANGUAGE_VARIABLE, language));
            then = lc.next();
            return advance();
        }
        visit(id);
        if (node instanceof MenuNode.Choose ch && count(ch.list()) == 0) {
            return enter(ch.asking().onFail());
        }
        if (node instanceof Collecting c) {
            return show(collect(c, false));
        }
        if (node instanceof MenuNode.Play p) {
            queueSay(p.items());
            then = p.next();
            return advance();
        }
        if (node instanceof MenuNode.Action a) {
            return show(action(a.kind()));
        }
        if (node instanceof MenuNode.Transfer t) {
            if (t.prompt() != null) {
                outbox.add(new Step.Play(List.of(sound(t.prompt()))));
            }
            MenuNode.Target target = t.targetFor(language);
            outbox.add(new Step.HandOver(target.queue(), target.skills(), path(), language));
            return advance();
        }
        MenuNode.HangUp h = (MenuNode.HangUp) node;
        if (h.prompt() != null) {
            outbox.add(new Step.Play(List.of(sound(h.prompt()))));
        }
        outbox.add(new Step.HangUp());
        return advance();
    }

    private void visit(String id) {
        if (path.size() == MAX_PATH) {
            path.remove(0);
            pathCut = true;
        }
        path.add(id);
    }

    // ---- keys

    private Step onDigits(String digits, long nowMs) {
        lastMs = nowMs;
        Collecting c = (Collecting) node;
        if (kind == IvrCallRecord.Kind.CALL && PERSON_KEY.equals(digits)
                && !(c instanceof MenuNode.Input in && in.minDigits() <= 1)) {
            // "0 for a person from anywhere"; an input that takes a lone 0 as data keeps it
            return enter(person);
        }
        if (c instanceof MenuNode.LanguageChoice lc) {
            String chosen = lc.languages().get(digits);
            if (chosen == null) {
                return retry(c);
            }
            language = chosen;
            outbox.add(new Step.SetVariable(LANGUAGE_VARIABLE, chosen));
            then = lc.next();
            return advance();
        }
        if (c instanceof MenuNode.Menu m) {
            MenuNode.Option option = m.options().get(digits);
            if (option == null) {
                return retry(c);
            }
            variables.putAll(option.set());
            return enter(option.go());
        }
        if (c instanceof MenuNode.Input in) {
            if (!isDigits(digits, in.minDigits(), in.maxDigits())) {
                return retry(c);
            }
            variables.put(in.into(), digits);
            return enter(in.next());
        }
        MenuNode.Choose ch = (MenuNode.Choose) c;
        int n = count(ch.list());
        int pick = digits.length() == 1 && digits.charAt(0) >= '1' && digits.charAt(0) <= '9' ? digits.charAt(0) - '0' : 0;
        if (pick == 0 || pick > n) {
            return retry(c);
        }
        String item = ch.list() + "." + pick + ".";
        variables.put(ch.list(), variables.getOrDefault(item + "code", ""));
        variables.put(ch.list() + ".prompt", variables.getOrDefault(item + "prompt", ""));
        variables.put(ch.list() + ".subscribed", variables.getOrDefault(item + "subscribed", "false"));
        return enter(ch.next());
    }

    private static boolean isDigits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private Step retry(Collecting c) {
        attempt++;
        if (attempt > c.asking().retries()) {
            return enter(c.asking().onFail());
        }
        return show(collect(c, true));
    }

    private Step.Collect collect(Collecting c, boolean again) {
        MenuNode.Asking asking = c.asking();
        List<String> prompts = new ArrayList<>();
        if (c instanceof MenuNode.LanguageChoice) {
            // nobody has chosen yet: every language hears its own prompt
            for (String l : menu.languages()) {
                if (again) {
                    prompts.add(menu.sound(asking.invalid(), l));
                }
                prompts.add(menu.sound(asking.prompt(), l));
            }
            return new Step.Collect(prompts, 1, asking.timeoutMs());
        }
        if (again) {
            prompts.add(sound(asking.invalid()));
        }
        prompts.add(sound(asking.prompt()));
        int maxDigits = 1;
        if (c instanceof MenuNode.Input in) {
            maxDigits = in.maxDigits();
        } else if (c instanceof MenuNode.Choose ch) {
            int n = Math.min(count(ch.list()), 9);
            for (int i = 1; i <= n; i++) {
                if (ch.itemPrompt() != null) {
                    prompts.add(sound(ch.itemPrompt()));
                }
                prompts.addAll(speech().number(i));
                String itemSound = variables.get(ch.list() + "." + i + ".prompt");
                if (itemSound != null && !itemSound.isBlank()) {
                    prompts.add(itemSound);
                }
            }
        } else if (c instanceof MenuNode.Menu m) {
            for (String key : m.options().keySet()) {
                maxDigits = Math.max(maxDigits, key.length());
            }
        }
        return new Step.Collect(prompts, maxDigits, asking.timeoutMs());
    }

    private int count(String list) {
        try {
            return Math.max(0, Integer.parseInt(variables.getOrDefault(list + ".count", "0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---- self-service

    private Step.Action action(ActionKind k) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("callId", callId);
        arguments.put("number", k.accountBusiness() && account != null ? account : number);
        for (String name : k.reads()) {
            arguments.put(name, variables.getOrDefault(name, ""));
        }
        if (k == ActionKind.SURVEY) {
            arguments.put("queue", surveyQueue == null ? "" : surveyQueue);
            arguments.put("tier", tier == null ? "" : tier);
            surveyStored = true;
            surveyRating = rating(arguments.get("rating"));
        }
        if (k == ActionKind.RECHARGE) {
            // the PIN is needed once; a wrong one is asked for again
            variables.remove("pin");
        }
        if (k == ActionKind.IDENTIFY) {
            Identity identity = menu.identity();
            arguments.put("askPin", identity != null && identity.askPin() == Identity.AskPin.ALWAYS
                    ? "always" : "other-numbers");
            variables.remove("servicePin");
        }
        return new Step.Action(k, arguments);
    }

    private Step onOutcome(Reply.Outcome outcome) {
        lastMs = outcome.nowMs();
        variables.putAll(outcome.values());
        MenuNode.Action a = (MenuNode.Action) node;
        if (a.kind() == ActionKind.IDENTIFY && "ok".equals(outcome.key())) {
            String proven = outcome.values().get("account");
            if (proven == null || proven.isBlank()) {
                throw new IllegalArgumentException("identify answered ok without the account it proved");
            }
            account = proven;
            if (awaitingIdentity != null) {
                String business = awaitingIdentity;
                awaitingIdentity = null;
                return enter(business);
            }
        }
        return enter(a.target(outcome.key()));
    }

    private static int rating(String s) {
        try {
            int r = Integer.parseInt(s);
            return r >= 1 && r <= 5 ? r : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---- saying things

    /** One play step for the whole node: prompts and values read back in the caller's language. */
    private void queueSay(List<SayItem> items) {
        Speech speech = speech();
        List<String> sounds = new ArrayList<>();
        for (SayItem item : items) {
            try {
                sounds.addAll(say(item, speech));
            } catch (IllegalArgumentException e) {
                // a value missing or out of what the language can say is left unsaid rather than misread
            }
        }
        if (!sounds.isEmpty()) {
            outbox.add(new Step.Play(sounds));
        }
    }

    private List<String> say(SayItem item, Speech speech) {
        if (item instanceof MenuNode.PromptItem p) {
            return List.of(sound(p.prompt()));
        }
        if (item instanceof MenuNode.SoundItem s) {
            String v = variables.get(s.variable());
            return v == null || v.isBlank() ? List.of() : List.of(v);
        }
        if (item instanceof MenuNode.NumberItem n) {
            return speech.number(Long.parseLong(value(n.variable())));
        }
        if (item instanceof MenuNode.DigitsItem d) {
            return speech.digits(value(d.variable()));
        }
        if (item instanceof MenuNode.MoneyItem m) {
            return speech.money(Long.parseLong(value(m.yuanVariable())), Integer.parseInt(value(m.fenVariable())));
        }
        MenuNode.MonthItem m = (MenuNode.MonthItem) item;
        return speech.month(Integer.parseInt(value(m.yearVariable())), Integer.parseInt(value(m.monthVariable())));
    }

    private String value(String variable) {
        return variables.getOrDefault(variable, "");
    }

    private Speech speech() {
        return Speech.forLanguage(language);
    }

    private String sound(String prompt) {
        return menu.sound(prompt, language);
    }

    // ---- the end

    private Step end(long nowMs, Step last) {
        lastMs = nowMs;
        if (kind == IvrCallRecord.Kind.SURVEY && !surveyStored) {
            heldEnd = last;
            outbox.clear();
            current = action(ActionKind.SURVEY);
            return current;
        }
        return finish(last, nowMs);
    }

    private Step finish(Step last, long nowMs) {
        current = last;
        IvrCallRecord.End end = last instanceof Step.HandOver ? IvrCallRecord.End.HANDED_OVER
                : callerGone ? IvrCallRecord.End.CALLER_HUNG_UP : IvrCallRecord.End.FINISHED;
        String queue = last instanceof Step.HandOver h ? h.queue() : surveyQueue;
        String lastNode = node == null ? "" : node.id();
        record = new IvrCallRecord(callId, kind, tier, language, startedMs, nowMs, path, end, lastNode, queue,
                kind == IvrCallRecord.Kind.SURVEY ? Math.max(0, surveyRating) : -1);
        return last;
    }
}
