package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.Location;
import acd.pbxsim.pbx.Pbx;
import acd.pbxsim.pbx.Program;
import acd.pbxsim.pbx.Prompts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Walks channels through the dialplan: finds the step at the channel's location, substitutes
 * its arguments, sends Newexten and runs the application. Applications that take time (Dial,
 * MusicOnHold, AGI...) park the channel in an activity and resume it through {@link #resume}.
 */
public final class Interpreter implements Program {

    private static final Logger log = LoggerFactory.getLogger(Interpreter.class);
    /** Steps one channel may take without waiting before it is taken for a dialplan loop. */
    private static final int MAX_STEPS_AT_ONCE = 500;
    /** A context no dialplan has: a channel "there" hangs up when its application ends. */
    static final String OUTSIDE_DIALPLAN = "__originated";
    private static final java.util.Set<String> HANGUP_EXTENSION_APPS = java.util.Set.of("noop", "goto", "gotoif", "set");

    private final Pbx pbx;
    private final Dialplan dialplan;
    private final Prompts prompts;
    private final AgiScripts agi;
    private final String seatContext;
    private final long voicemailMessageMs;
    private final Map<String, Application> applications = new HashMap<>();
    private final Subroutines subroutines;

    public Interpreter(Pbx pbx, Dialplan dialplan, Prompts prompts, AgiScripts agi, String seatContext,
                       long voicemailMessageMs) {
        this.pbx = pbx;
        this.dialplan = dialplan;
        this.prompts = prompts;
        this.agi = agi;
        this.seatContext = seatContext;
        this.voicemailMessageMs = voicemailMessageMs;
        this.subroutines = new Subroutines(pbx);
        register("NoOp", (ch, data, in) -> Application.Flow.NEXT);
        register("Answer", new AnswerApplication());
        register("Hangup", new HangupApplication());
        register("Goto", new GotoApplication(false));
        register("GotoIf", new GotoApplication(true));
        register("Set", new SetApplication());
        register("Wait", new WaitApplication());
        register("Playback", new PlaybackApplication());
        register("MusicOnHold", new MusicOnHoldApplication());
        register("VoiceMail", new VoiceMailApplication());
        register("Dial", new DialApplication());
        register("AGI", new AgiApplication());
        register("UserEvent", new UserEventApplication());
        register("Gosub", new GosubApplication());
        register("Return", new ReturnApplication());
        register("MixMonitor", new MixMonitorApplication());
        register("ChanSpy", new ChanSpyApplication());
        for (Map.Entry<String, String> g : dialplan.globals().entrySet()) {
            pbx.setGlobal(g.getKey(), g.getValue());
        }
    }

    public void register(String name, Application app) {
        applications.put(name.toLowerCase(Locale.ROOT), app);
    }

    public Pbx pbx() {
        return pbx;
    }

    public Dialplan dialplan() {
        return dialplan;
    }

    public Prompts prompts() {
        return prompts;
    }

    public AgiScripts agi() {
        return agi;
    }

    public String seatContext() {
        return seatContext;
    }

    public long voicemailMessageMs() {
        return voicemailMessageMs;
    }

    Subroutines subroutines() {
        return subroutines;
    }

    @Override
    public void run(Channel ch) {
        if (!subroutines.handedOver(ch)) {
            ch.markRunsDialplan();
        }
        int steps = 0;
        while (!ch.gone() && !ch.hangupRequested()) {
            if (++steps > MAX_STEPS_AT_ONCE) {
                log.warn("{} looped through {} steps without waiting; hanging up", ch.name(), MAX_STEPS_AT_ONCE);
                pbx.hangupFromDialplan(ch, HangupCause.NORMAL_CLEARING);
                return;
            }
            Location at = ch.location();
            Priority step = dialplan.step(at);
            if (step == null) {
                if (subroutines.handedOver(ch)) {
                    handBack(ch);
                    return;
                }
                pbx.hangupFromDialplan(ch, HangupCause.NORMAL_CLEARING);
                return;
            }
            String data = substitute(ch, step.data());
            ch.application(step.application(), data);
            pbx.events().newexten(ch, step.application(), data);
            ch.party().onApplication(ch, step.application());
            Application app = applications.get(step.application().toLowerCase(Locale.ROOT));
            if (app == null) {
                if (subroutines.handedOver(ch)) {
                    log.warn("no application '{}' at {} line {}; {} leaves its subroutine", step.application(), at,
                            step.line(), ch.name());
                    handBack(ch);
                    return;
                }
                log.warn("no application '{}' at {} line {}; hanging up {}", step.application(), at, step.line(),
                        ch.name());
                pbx.hangupFromDialplan(ch, HangupCause.NORMAL_CLEARING);
                return;
            }
            switch (app.execute(ch, data, this)) {
                case NEXT -> ch.location(at.next());
                case JUMPED -> {
                }
                case WAIT, ENDED -> {
                    return;
                }
            }
        }
    }

    /**
     * The {@code h} extension of the channel's context, on the channel already hung up. Only what
     * a hang-up extension can do runs: moving about (GotoIf, Goto), NoOp, Set and AGI, whose
     * script gets a dead channel (its environment, then HANGUP) and is not waited for. Anything
     * else ends the extension.
     */
    @Override
    public void runHangupExtension(Channel ch) {
        if (subroutines.handedOver(ch)) {
            // A channel Dial runs through a subroutine has no dialplan of its own, so no h
            // extension: its hang-up ends the subroutine and Dial goes on without it.
            handBack(ch);
        } else {
            runHExtension(ch);
        }
        subroutines.forget(ch);
    }

    private void runHExtension(Channel ch) {
        Location at = ch.location();
        if (at == null || ch.context() == null || dialplan.step(new Location(ch.context(), "h", 1)) == null) {
            return;
        }
        ch.location(new Location(ch.context(), "h", 1));
        for (int steps = 0; steps < MAX_STEPS_AT_ONCE; steps++) {
            Location here = ch.location();
            Priority step = dialplan.step(here);
            if (step == null) {
                return;
            }
            String name = step.application().toLowerCase(Locale.ROOT);
            String data = substitute(ch, step.data());
            if (name.equals("agi")) {
                List<String> args = Expressions.arguments(data);
                agi.run(ch, args.isEmpty() ? "" : args.get(0).strip(),
                        args.size() > 1 ? List.copyOf(args.subList(1, args.size())) : List.of(), status -> { });
                if (ch.activity() != null) {
                    ch.activity().interrupt(ch, Activity.Interruption.HANGUP);
                }
                ch.location(here.next());
                continue;
            }
            if (!HANGUP_EXTENSION_APPS.contains(name)) {
                return;
            }
            switch (applications.get(name).execute(ch, data, this)) {
                case NEXT -> ch.location(here.next());
                case JUMPED -> {
                }
                case WAIT, ENDED -> {
                    return;
                }
            }
        }
    }

    /**
     * Runs one application on a channel that has no dialplan place (Originate with Application):
     * the channel hangs up when the application returns, as an originated channel does.
     */
    public void runApplication(Channel ch, String application, String data) {
        ch.location(new Location(OUTSIDE_DIALPLAN, "s", 1));
        Application app = applications.get(application.toLowerCase(Locale.ROOT));
        if (app == null) {
            log.warn("Originate asks for unknown application '{}'; hanging up {}", application, ch.name());
            pbx.hangupFromDialplan(ch, HangupCause.NORMAL_CLEARING);
            return;
        }
        ch.application(application, data);
        switch (app.execute(ch, data, this)) {
            case NEXT, JUMPED -> run(ch);
            case WAIT, ENDED -> {
            }
        }
    }

    /**
     * Runs {@code ch} through the subroutine at {@code context,s,1} with {@code args} as ARG1...,
     * as Dial's U option does on the answering channel. {@code handBack} runs once it is over:
     * at its Return, or when it ends any other way (the channel hangs up in it, or runs off its
     * extension, which app_stack takes for an abnormal exit). False, with nothing run, when the
     * context has no {@code s} extension.
     */
    boolean runSubroutine(Channel ch, String context, List<String> args, Runnable handBack) {
        Location start = new Location(context, "s", 1);
        if (dialplan.step(start) == null) {
            log.error("{} cannot run subroutine {}: it is not in the dialplan", ch.name(), start);
            return false;
        }
        subroutines.enter(ch, start, args, ch.location(), handBack);
        run(ch);
        return true;
    }

    /** The subroutine {@code ch} was handed over to ended without Return: back to the application. */
    private void handBack(Channel ch) {
        Subroutines.Frame call = subroutines.unwind(ch);
        ch.location(call.returnTo());
        if (!ch.gone()) {
            pbx.setVariable(ch, "GOSUB_RETVAL", "");
        }
        call.handBack().run();
    }

    /** Goes on at {@code target} itself, not after it, once an application is over (Dial's GOSUB_RESULT=GOTO). */
    void resumeAt(Channel ch, Location target) {
        ch.activity(null);
        if (ch.gone() || ch.hangupRequested()) {
            return;
        }
        ch.location(target);
        run(ch);
    }

    /** An application's activity is over: clear it and go on with the next priority. */
    public void resume(Channel ch) {
        ch.activity(null);
        if (ch.gone() || ch.hangupRequested()) {
            return;
        }
        ch.location(ch.location().next());
        run(ch);
    }

    public String substitute(Channel ch, String text) {
        return Expressions.substitute(text, name -> pbx.variable(ch, name));
    }

    /**
     * A Goto destination: {@code priority}, {@code exten,priority} or {@code context,exten,priority},
     * where priority may be a label. Null when it names nothing.
     */
    public Location resolve(Channel ch, String destination) {
        return resolve(ch.location(), destination);
    }

    /** As {@link #resolve(Channel, String)}, a destination short of context or extension taken from {@code from}. */
    public Location resolve(Location from, String destination) {
        String[] parts = destination.split(",", -1);
        String context = from.context();
        String exten = from.exten();
        String prio;
        switch (parts.length) {
            case 1 -> prio = parts[0];
            case 2 -> {
                exten = parts[0].strip();
                prio = parts[1];
            }
            case 3 -> {
                context = parts[0].strip();
                exten = parts[1].strip();
                prio = parts[2];
            }
            default -> {
                return null;
            }
        }
        prio = prio.strip();
        Extension e = dialplan.find(context, exten);
        if (e == null) {
            return null;
        }
        int priority;
        try {
            priority = Integer.parseInt(prio);
        } catch (NumberFormatException notNumber) {
            priority = e.priorityOf(prio);
        }
        if (priority < 1 || e.step(priority) == null) {
            return null;
        }
        return new Location(context, exten, priority);
    }
}
