package acd.pbxsim.agi;

import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.ChannelState;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.Location;
import acd.pbxsim.pbx.Pbx;
import acd.pbxsim.pbx.Prompts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The AGI commands the simulated PBX answers, with res_agi's argument counts, replies and
 * dead-channel rules. Timing comes from the prompts' lengths and the caller's key presses.
 */
final class AgiCommands {

    /** How long a simulated caller takes per key. */
    static final long KEY_PRESS_MS = 250;
    /** ast_app_getdata's wait when the script gives no timeout. */
    static final long DEFAULT_DIGIT_TIMEOUT_MS = 5000;
    /** A spoken number word or digit. */
    static final long SAY_WORD_MS = 600;

    interface Handler {
        AgiResult run(RunAgiSession session, List<String> argv);
    }

    record Command(String name, boolean allowedDead, int minArgs, int maxArgs, String usage, Handler handler) {
    }

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        add("ANSWER", false, 1, 1,
                "Answers channel if not already in answer state. Returns <literal>-1</literal> on channel failure, "
                        + "or <literal>0</literal> if successful.",
                AgiCommands::answer);
        add("CHANNEL STATUS", false, 2, 3,
                "Returns the status of the specified <replaceable>channelname</replaceable>. If no channel name is "
                        + "given then returns the status of the current channel.",
                AgiCommands::channelStatus);
        add("CONTROL STREAM FILE", false, 5, 11,
                "Send the given file, allowing playback to be controlled by the given digits, if any.",
                (s, a) -> playPrompt(s, a.get(3)));
        add("DATABASE DEL", true, 4, 4, "Deletes an entry in the Asterisk database for a given "
                + "<replaceable>family</replaceable> and <replaceable>key</replaceable>.", AgiCommands::databaseDel);
        add("DATABASE DELTREE", true, 3, 4, "Deletes a <replaceable>family</replaceable> or specific "
                + "<replaceable>keytree</replaceable> within a <replaceable>family</replaceable> in the Asterisk database.",
                AgiCommands::databaseDeltree);
        add("DATABASE GET", true, 4, 4, "Retrieves an entry in the Asterisk database for a given "
                + "<replaceable>family</replaceable> and <replaceable>key</replaceable>.", AgiCommands::databaseGet);
        add("DATABASE PUT", true, 5, 5, "Adds or updates an entry in the Asterisk database for a given "
                + "<replaceable>family</replaceable>, <replaceable>key</replaceable>, and <replaceable>value</replaceable>.",
                AgiCommands::databasePut);
        add("EXEC", true, 2, AgiCommandLine.MAX_ARGS, "Executes <replaceable>application</replaceable> with given "
                + "<replaceable>options</replaceable>.", AgiCommands::exec);
        add("GET DATA", false, 3, 5,
                "Stream the given <replaceable>file</replaceable>, and receive DTMF data.\n"
                        + "Returns the digits received from the channel at the other end.",
                AgiCommands::getData);
        add("GET FULL VARIABLE", true, 4, 5, "Evaluates the given <replaceable>expression</replaceable> against the "
                + "channel specified by <replaceable>channelname</replaceable>, or the current channel if channelname is "
                + "not provided.", AgiCommands::getFullVariable);
        add("GET OPTION", false, 4, 5, "Behaves similar to STREAM FILE but used with a timeout option.",
                AgiCommands::getOption);
        add("GET VARIABLE", true, 3, 3, "Returns <literal>0</literal> if <replaceable>variablename</replaceable> is "
                + "not set. Returns <literal>1</literal> if <replaceable>variablename</replaceable> is set and returns "
                + "the variable in parentheses.", AgiCommands::getVariable);
        add("HANGUP", false, 1, 2, "Hangs up the specified channel. If no channel name is given, hangs up the "
                + "current channel", AgiCommands::hangup);
        add("NOOP", true, 1, AgiCommandLine.MAX_ARGS, "Does nothing.", (s, a) -> AgiResult.now("200 result=0"));
        add("RECEIVE CHAR", false, 3, 3, "Receives a character of text on a channel.",
                (s, a) -> AgiResult.now("200 result=0 (timeout)"));
        add("RECORD FILE", false, 6, 9, "Record to a file until a given dtmf digit in the sequence is received.",
                AgiCommands::recordFile);
        add("SAY ALPHA", false, 4, 4, "Say a given character string, returning early if any of the given DTMF "
                + "digits are received on the channel.", (s, a) -> say(s, a.get(2).length()));
        add("SAY DATE", false, 4, 4, "Say a given date, returning early if any of the given DTMF digits are "
                + "received on the channel.", (s, a) -> say(s, 5));
        add("SAY DATETIME", false, 4, 6, "Say a given time, returning early if any of the given DTMF digits are "
                + "received on the channel.", (s, a) -> say(s, 8));
        add("SAY DIGITS", false, 4, 4, "Say a given digit string, returning early if any of the given DTMF digits "
                + "are received on the channel.", AgiCommands::sayDigits);
        add("SAY NUMBER", false, 4, 5, "Say a given number, returning early if any of the given DTMF digits are "
                + "received on the channel.", AgiCommands::sayNumber);
        add("SAY PHONETIC", false, 4, 4, "Say a given character string with phonetics, returning early if any of "
                + "the given DTMF digits are received on the channel.", (s, a) -> say(s, a.get(2).length()));
        add("SAY TIME", false, 4, 4, "Say a given time, returning early if any of the given DTMF digits are "
                + "received on the channel.", (s, a) -> say(s, 4));
        add("SEND IMAGE", false, 3, 3, "Sends the given image on a channel.", (s, a) -> AgiResult.now("200 result=0"));
        add("SEND TEXT", false, 3, 3, "Sends the given text on a channel.", (s, a) -> AgiResult.now("200 result=0"));
        add("SET AUTOHANGUP", false, 3, 3, "Cause the channel to automatically hangup at <replaceable>time</replaceable> "
                + "seconds in the future.", (s, a) -> AgiResult.now("200 result=0"));
        add("SET CALLERID", false, 3, 3, "Changes the callerid of the current channel.", AgiCommands::setCallerId);
        add("SET CONTEXT", false, 3, 3, "Sets the context for continuation upon exiting the application.",
                AgiCommands::setContext);
        add("SET EXTENSION", false, 3, 3, "Changes the extension for continuation upon exiting the application.",
                AgiCommands::setExtension);
        add("SET MUSIC", false, 3, 4, "Enables/Disables the music on hold generator.",
                (s, a) -> AgiResult.now("200 result=0"));
        add("SET PRIORITY", false, 3, 3, "Changes the priority for continuation upon exiting the application.",
                AgiCommands::setPriority);
        add("SET VARIABLE", true, 4, 4, "Sets a variable to the current channel.", AgiCommands::setVariable);
        add("STREAM FILE", false, 4, 5, "Send the given file, allowing playback to be interrupted by the given "
                + "digits, if any.", AgiCommands::streamFile);
        add("TDD MODE", false, 3, 3, "Enable/Disable TDD transmission/reception on a channel.",
                (s, a) -> AgiResult.now("200 result=0"));
        add("VERBOSE", true, 2, 3, "Sends <replaceable>message</replaceable> to the console via verbose message "
                + "system.", (s, a) -> AgiResult.now("200 result=1"));
        add("WAIT FOR DIGIT", false, 4, 4, "Waits up to <replaceable>timeout</replaceable> milliseconds for channel "
                + "to receive a DTMF digit.", AgiCommands::waitForDigit);
    }

    private AgiCommands() {
    }

    private static void add(String name, boolean allowedDead, int min, int max, String usage, Handler handler) {
        COMMANDS.put(name, new Command(name, allowedDead, min, max, usage, handler));
    }

    /** The command the first words of {@code argv} name (longest match), or null. */
    static Command find(List<String> argv) {
        for (int words = Math.min(3, argv.size()); words >= 1; words--) {
            String key = String.join(" ", argv.subList(0, words)).toUpperCase(Locale.ROOT);
            Command c = COMMANDS.get(key);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    // ---- handlers ----

    private static AgiResult answer(RunAgiSession s, List<String> a) {
        s.pbx().newState(s.channel(), ChannelState.UP);
        return AgiResult.now("200 result=0");
    }

    private static AgiResult channelStatus(RunAgiSession s, List<String> a) {
        Channel target = a.size() == 3 ? s.pbx().channel(a.get(2)) : s.channel();
        if (target == null) {
            return AgiResult.now("200 result=-1");
        }
        return AgiResult.now("200 result=" + target.state().code());
    }

    private static AgiResult databaseDel(RunAgiSession s, List<String> a) {
        String removed = s.pbx().database().remove(a.get(2) + "/" + a.get(3));
        return AgiResult.now(removed == null ? "200 result=0" : "200 result=1");
    }

    private static AgiResult databaseDeltree(RunAgiSession s, List<String> a) {
        String prefix = a.get(2) + "/" + (a.size() > 3 ? a.get(3) : "");
        s.pbx().database().keySet().removeIf(k -> k.startsWith(prefix));
        return AgiResult.now("200 result=1");
    }

    private static AgiResult databaseGet(RunAgiSession s, List<String> a) {
        String v = s.pbx().database().get(a.get(2) + "/" + a.get(3));
        return AgiResult.now(v == null ? "200 result=0" : "200 result=1 (" + v + ")");
    }

    private static AgiResult databasePut(RunAgiSession s, List<String> a) {
        s.pbx().database().put(a.get(2) + "/" + a.get(3), a.get(4));
        return AgiResult.now("200 result=1");
    }

    /** EXEC runs the few applications a script would: timed ones take their time, others return at once. */
    private static AgiResult exec(RunAgiSession s, List<String> a) {
        String app = a.get(1);
        String data = a.size() > 2 ? a.get(2) : "";
        Pbx pbx = s.pbx();
        Channel ch = s.channel();
        switch (app.toLowerCase(Locale.ROOT)) {
            case "playback" -> {
                long ms = s.prompts().totalLengthMs(data.split(",")[0]);
                return AgiResult.after(ms, "200 result=0", played -> "200 result=-1")
                        .hangupResult(200, "Unknown Result")
                        .then(() -> pbx.setVariable(ch, "PLAYBACKSTATUS", "SUCCESS"));
            }
            case "wait" -> {
                long ms = Math.round(parseDouble(data) * 1000);
                return AgiResult.after(ms, "200 result=0", played -> "200 result=-1").hangupResult(200, "Unknown Result");
            }
            case "set" -> {
                int eq = data.indexOf('=');
                if (eq > 0) {
                    pbx.setVariable(ch, data.substring(0, eq).strip(), data.substring(eq + 1));
                }
                return AgiResult.now("200 result=0");
            }
            case "noop", "verbose", "log", "answer", "ringing", "progress", "musiconhold", "startmusiconhold",
                 "stopmusiconhold", "userevent", "senddtmf" -> {
                if (app.equalsIgnoreCase("answer")) {
                    pbx.newState(ch, ChannelState.UP);
                }
                return AgiResult.now("200 result=0");
            }
            default -> {
                return AgiResult.now("200 result=-2");
            }
        }
    }

    private static AgiResult getData(RunAgiSession s, List<String> a) {
        String prompt = a.get(2);
        if (!s.prompts().exists(prompt)) {
            // Asterisk's GET DATA cannot tell a missing prompt from a hang-up: both answer -1.
            return AgiResult.now("200 result=-1");
        }
        long timeout = a.size() > 3 ? parseLong(a.get(3), 0) : 0;
        if (timeout <= 0) {
            timeout = DEFAULT_DIGIT_TIMEOUT_MS;
        }
        int max = a.size() > 4 ? (int) parseLong(a.get(4), 1024) : 1024;
        if (max <= 0) {
            max = 1024;
        }
        String pressed = s.nextKeypresses();
        StringBuilder digits = new StringBuilder();
        boolean terminated = false;
        for (char c : pressed.toCharArray()) {
            if (c == '#') {
                terminated = true;
                break;
            }
            digits.append(c);
            if (digits.length() >= max) {
                terminated = true;
                break;
            }
        }
        long keysMs = (long) digits.length() * KEY_PRESS_MS + (terminated && digits.length() < max ? KEY_PRESS_MS : 0);
        long ms = s.prompts().lengthMs(prompt) + keysMs + (terminated ? 0 : timeout);
        String reply;
        if (digits.length() == 0 && !terminated) {
            reply = "200 result= (timeout)";
        } else if (terminated) {
            reply = "200 result=" + digits;
        } else {
            reply = "200 result=" + digits + " (timeout)";
        }
        return AgiResult.after(ms, reply, played -> "200 result=-1");
    }

    private static AgiResult getFullVariable(RunAgiSession s, List<String> a) {
        Channel target = a.size() > 4 ? s.pbx().channel(a.get(4)) : s.channel();
        if (target == null) {
            return AgiResult.now("200 result=0");
        }
        return AgiResult.now("200 result=1 (" + s.substitute(target, a.get(3)) + ")");
    }

    private static AgiResult getOption(RunAgiSession s, List<String> a) {
        String prompt = a.get(2);
        String escape = a.get(3);
        long timeout = a.size() > 4 ? parseLong(a.get(4), 5000) : 5000;
        if (!s.prompts().exists(prompt)) {
            return AgiResult.failure("200 result=-1 endpos=0");
        }
        long length = s.prompts().lengthMs(prompt);
        long endpos = s.prompts().endpos(prompt);
        String pressed = s.nextKeypresses();
        if (!pressed.isEmpty() && escape.indexOf(pressed.charAt(0)) >= 0) {
            return AgiResult.after(length + KEY_PRESS_MS, "200 result=" + (int) pressed.charAt(0) + " endpos=" + endpos,
                    played -> "200 result=-1 endpos=" + Prompts.endposAt(Math.min(played, length)));
        }
        return AgiResult.after(length + Math.max(0, timeout), "200 result=0 endpos=" + endpos,
                played -> "200 result=-1 endpos=" + Prompts.endposAt(Math.min(played, length)));
    }

    private static AgiResult getVariable(RunAgiSession s, List<String> a) {
        String v = s.pbx().variable(s.channel(), a.get(2));
        return AgiResult.now(v == null ? "200 result=0" : "200 result=1 (" + v + ")");
    }

    private static AgiResult hangup(RunAgiSession s, List<String> a) {
        Channel target = a.size() == 2 ? s.pbx().channel(a.get(1)) : s.channel();
        if (target == null) {
            return AgiResult.now("200 result=-1");
        }
        return AgiResult.now("200 result=1").then(() -> s.pbx().hangup(target, HangupCause.NORMAL_CLEARING));
    }

    private static AgiResult recordFile(RunAgiSession s, List<String> a) {
        long timeout = parseLong(a.get(5), -1);
        long ms = timeout > 0 ? timeout : 3000;
        return AgiResult.after(ms, "200 result=0 (timeout) endpos=" + Prompts.endposAt(ms),
                played -> "200 result=-1 (hangup) endpos=" + Prompts.endposAt(played));
    }

    private static AgiResult say(RunAgiSession s, int words) {
        return AgiResult.after(words * SAY_WORD_MS, "200 result=0", played -> "200 result=-1");
    }

    private static AgiResult sayDigits(RunAgiSession s, List<String> a) {
        return say(s, a.get(2).length());
    }

    private static AgiResult sayNumber(RunAgiSession s, List<String> a) {
        String number = a.get(2).strip();
        try {
            Long.parseLong(number);
        } catch (NumberFormatException e) {
            return AgiResult.usage(COMMANDS.get("SAY NUMBER").usage());
        }
        int words = Math.max(1, (number.replace("-", "").length() + 1) / 2 + 1);
        return say(s, words);
    }

    private static AgiResult setCallerId(RunAgiSession s, List<String> a) {
        String value = a.get(2);
        Channel ch = s.channel();
        int lt = value.indexOf('<');
        if (lt >= 0 && value.indexOf('>') > lt) {
            String name = value.substring(0, lt).strip().replace("\"", "");
            ch.callerId(value.substring(lt + 1, value.indexOf('>')), name.isEmpty() ? ch.callerIdName() : name);
        } else {
            ch.callerId(value, ch.callerIdName());
        }
        return AgiResult.now("200 result=1");
    }

    private static AgiResult setContext(RunAgiSession s, List<String> a) {
        Channel ch = s.channel();
        ch.location(new Location(a.get(2), ch.exten(), ch.priority()));
        return AgiResult.now("200 result=0");
    }

    private static AgiResult setExtension(RunAgiSession s, List<String> a) {
        Channel ch = s.channel();
        ch.location(new Location(ch.context(), a.get(2), ch.priority()));
        return AgiResult.now("200 result=0");
    }

    /** ast_explicit_goto in an autoloop lands one before, so the dialplan goes on at the priority. */
    private static AgiResult setPriority(RunAgiSession s, List<String> a) {
        Channel ch = s.channel();
        long p = parseLong(a.get(2), -1);
        if (p < 1) {
            return AgiResult.usage(COMMANDS.get("SET PRIORITY").usage());
        }
        ch.location(ch.location().at((int) p - 1));
        return AgiResult.now("200 result=0");
    }

    private static AgiResult setVariable(RunAgiSession s, List<String> a) {
        s.pbx().setVariable(s.channel(), a.get(2), a.get(3));
        return AgiResult.now("200 result=1");
    }

    private static AgiResult streamFile(RunAgiSession s, List<String> a) {
        return playPrompt(s, a.get(2));
    }

    private static AgiResult playPrompt(RunAgiSession s, String prompt) {
        if (!s.prompts().exists(prompt)) {
            return AgiResult.failure("200 result=-1 endpos=0");
        }
        long length = s.prompts().lengthMs(prompt);
        return AgiResult.after(length, "200 result=0 endpos=" + s.prompts().endpos(prompt),
                played -> "200 result=-1 endpos=" + Prompts.endposAt(Math.min(played, length)));
    }

    private static AgiResult waitForDigit(RunAgiSession s, List<String> a) {
        long timeout = parseLong(a.get(3), -1);
        String pressed = s.nextKeypresses();
        if (!pressed.isEmpty()) {
            long ms = timeout >= 0 ? Math.min(timeout, KEY_PRESS_MS * 2) : KEY_PRESS_MS * 2;
            return AgiResult.after(ms, "200 result=" + (int) pressed.charAt(0), played -> "200 result=-1");
        }
        if (timeout < 0) {
            return AgiResult.after(Long.MAX_VALUE, "200 result=0", played -> "200 result=-1");
        }
        return AgiResult.after(timeout, "200 result=0", played -> "200 result=-1");
    }

    private static long parseLong(String s, long fallback) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double parseDouble(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
