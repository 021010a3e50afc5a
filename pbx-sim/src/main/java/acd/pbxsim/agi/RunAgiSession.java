package acd.pbxsim.agi;

import acd.pbxsim.dialplan.Expressions;
import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.Pbx;
import acd.pbxsim.pbx.Prompts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * One FastAGI session as Asterisk's run_agi plays it, on the PBX thread: the agi_* block, then
 * one reply per command, AGIExecStart/End around each. When the channel hangs up the running
 * command answers at once (result=-1), an unasked {@code HANGUP} line follows (unless
 * AGISIGHUP=no), and the script may go on with the commands a dead channel allows until it
 * closes its side; then {@code HANGUP} once more and the socket is closed.
 */
public final class RunAgiSession implements Activity {

    private static final Logger log = LoggerFactory.getLogger(RunAgiSession.class);

    private enum State { CONNECTING, RUNNING, ENDED }

    private final Pbx pbx;
    private final Channel channel;
    private final AgiUrl url;
    private final List<String> args;
    private final Prompts prompts;
    private final Consumer<String> done;
    private final Deque<String> waitingLines = new ArrayDeque<>();
    private AgiSocket socket;
    private State state = State.CONNECTING;
    private boolean dead;
    private boolean failed;
    private Pending pending;

    /** The connection as the session needs it; Netty's channel in production, a list in tests. */
    public interface AgiSocket {
        void write(String text);

        void close();
    }

    private final class Pending {
        final int commandId;
        final String line;
        final AgiResult result;
        final long startedMs;
        ScheduledFuture<?> timer;

        Pending(int commandId, String line, AgiResult result) {
            this.commandId = commandId;
            this.line = line;
            this.result = result;
            this.startedMs = pbx.time().elapsedMs();
        }
    }

    public RunAgiSession(Pbx pbx, Channel channel, AgiUrl url, List<String> args, Prompts prompts,
                      Consumer<String> done) {
        this.pbx = pbx;
        this.channel = channel;
        this.url = url;
        this.args = args;
        this.prompts = prompts;
        this.done = done;
    }

    Pbx pbx() {
        return pbx;
    }

    Channel channel() {
        return channel;
    }

    Prompts prompts() {
        return prompts;
    }

    /** The caller's next answer to an input request; "" when they say nothing. */
    String nextKeypresses() {
        String k = channel.party().nextKeypresses();
        return k == null ? "" : k;
    }

    String substitute(Channel target, String expression) {
        return Expressions.substitute(expression, name -> pbx.variable(target, name));
    }

    // ---- connection ----

    /** The script's server accepted the connection: send the agi_* block. */
    public void connected(AgiSocket s) {
        this.socket = s;
        if (state == State.ENDED) {
            s.close();
            return;
        }
        state = State.RUNNING;
        s.write(AgiEnvironment.block(channel, url, args, pbx.ids().threadId()));
        if (dead) {
            sendHangupLine();
        }
    }

    /** Nobody listens at the AGI address: the application fails, the dialplan goes on. */
    public void connectFailed(Throwable cause) {
        if (state == State.ENDED) {
            return;
        }
        log.warn("FastAGI {} for {} failed: {}", url.request(), channel.name(), cause.toString());
        state = State.ENDED;
        done.accept(channel.hangupRequested() ? "HANGUP" : "FAILURE");
    }

    /** A command line from the script. */
    public void onLine(String rawLine) {
        if (state != State.RUNNING) {
            return;
        }
        String line = stripEol(rawLine);
        if (line.isEmpty()) {
            return;
        }
        if (pending != null) {
            waitingLines.add(line);
            return;
        }
        execute(line);
    }

    /** The script closed its side (or the whole socket): HANGUP, close, the dialplan goes on. */
    public void onScriptClosed() {
        if (state != State.RUNNING) {
            return;
        }
        if (pending != null && pending.timer != null) {
            pending.timer.cancel(false);
        }
        pending = null;
        waitingLines.clear();
        sendHangupLine();
        finish();
    }

    private void finish() {
        state = State.ENDED;
        if (socket != null) {
            socket.close();
        }
        String status = failed ? "FAILURE" : dead ? "HANGUP" : "SUCCESS";
        done.accept(status);
    }

    // ---- commands ----

    private void execute(String line) {
        int commandId = pbx.ids().commandId();
        pbx.events().agiExecStart(channel, commandId, line);
        List<String> argv = AgiCommandLine.parse(line);
        AgiCommands.Command command = argv.isEmpty() ? null : AgiCommands.find(argv);
        AgiResult result;
        if (command == null) {
            result = AgiResult.unknown();
        } else if (dead && !command.allowedDead()) {
            result = AgiResult.deadChannel();
        } else if (argv.size() < command.minArgs() || argv.size() > command.maxArgs()) {
            result = AgiResult.usage(command.usage());
        } else {
            result = command.handler().run(this, argv);
        }
        if (result.delayMs <= 0) {
            reply(commandId, line, result.reply, result.amiCode, result.amiResult, result);
            return;
        }
        Pending p = new Pending(commandId, line, result);
        pending = p;
        if (result.delayMs != Long.MAX_VALUE) {
            p.timer = pbx.after(result.delayMs, () -> {
                if (pending == p && state == State.RUNNING) {
                    pending = null;
                    reply(p.commandId, p.line, p.result.reply, p.result.amiCode, p.result.amiResult, p.result);
                    drainWaiting();
                }
            });
        }
    }

    private void reply(int commandId, String line, String text, int amiCode, String amiResult, AgiResult result) {
        if (amiCode == -1 && !dead) {
            failed = true;
        }
        write(text + "\n");
        pbx.events().agiExecEnd(channel, commandId, line, amiCode, amiResult);
        if (result != null && result.afterReply != null) {
            result.afterReply.run();
        }
    }

    private void drainWaiting() {
        while (pending == null && state == State.RUNNING && !waitingLines.isEmpty()) {
            execute(waitingLines.poll());
        }
    }

    // ---- the channel hangs up or is redirected ----

    @Override
    public boolean interrupt(Channel ch, Interruption why) {
        if (state == State.ENDED) {
            return true;
        }
        dead = true;
        if (state == State.CONNECTING) {
            return false;
        }
        Pending p = pending;
        if (p != null) {
            pending = null;
            if (p.timer != null) {
                p.timer.cancel(false);
            }
            long played = pbx.time().elapsedMs() - p.startedMs;
            String text = p.result.hangupReply == null ? p.result.reply : p.result.hangupReply.apply(played);
            reply(p.commandId, p.line, text, p.result.hangupAmiCode, p.result.hangupAmiResult, null);
        }
        sendHangupLine();
        if ("yes".equalsIgnoreCase(pbx.variable(channel, "AGIEXITONHANGUP"))) {
            state = State.ENDED;
            socket.close();
            return true;
        }
        pbx.later(this::drainWaiting);
        return false;
    }

    private void sendHangupLine() {
        String sighup = pbx.variable(channel, "AGISIGHUP");
        if (sighup == null || !isFalse(sighup)) {
            write("HANGUP\n");
        }
    }

    private void write(String text) {
        if (socket != null) {
            socket.write(text);
        }
    }

    private static boolean isFalse(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        return s.equals("no") || s.equals("false") || s.equals("n") || s.equals("f") || s.equals("0") || s.equals("off");
    }

    private static String stripEol(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
