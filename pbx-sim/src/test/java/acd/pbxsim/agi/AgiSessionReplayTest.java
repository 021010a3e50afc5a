package acd.pbxsim.agi;

import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.ChannelState;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.Location;
import acd.pbxsim.pbx.Party;
import acd.pbxsim.pbx.Pbx;
import acd.pbxsim.pbx.Prompts;
import acd.pbxsim.pbx.SimTime;
import acd.pbxsim.testing.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Plays the script side of the three captured FastAGI sessions against the simulator's session
 * and checks it answers with the captured bytes: same replies, same HANGUP lines, same order.
 */
class AgiSessionReplayTest {

    private final Pbx pbx = new Pbx(new SimTime(1_795_443_164_000L, 200.0), 7);

    @AfterEach
    void stop() {
        pbx.close();
    }

    /** The AGI->Asterisk lines of session n of fastagi-session.txt, "<close>" for the script's shutdown. */
    private static List<String> scriptLines(int session) {
        List<String> lines = new ArrayList<>();
        int current = 0;
        for (Transcript.Block b : Transcript.blocks("fastagi-session.txt")) {
            if (b.direction().equals("NOTE") && b.first().startsWith("==== SESSION ")) {
                current = Integer.parseInt(b.first().substring(13, 14));
            } else if (current == session && b.direction().equals("AGI->Asterisk")) {
                String l = b.first();
                lines.add(l.startsWith("<AGI closes") ? "<close>" : l);
            }
        }
        return lines;
    }

    private static String[] split(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\n\n");
        return new String[] {text.substring(0, end + 2), text.substring(end + 2)};
    }

    private final class FakeSocket implements RunAgiSession.AgiSocket {
        final StringBuilder all = new StringBuilder();
        final BlockingQueue<String> writes = new LinkedBlockingQueue<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();

        @Override
        public void write(String text) {
            all.append(text);
            writes.add(text);
        }

        @Override
        public void close() {
            closed.complete(null);
        }

        /** Waits for the next write that is a reply (not an unasked HANGUP). */
        String nextReply() throws InterruptedException {
            while (true) {
                String w = writes.poll(5, TimeUnit.SECONDS);
                assertNotNull(w, "no reply from the session; so far: " + all);
                if (!w.equals("HANGUP\n")) {
                    return w;
                }
            }
        }
    }

    private Channel channel(String name, String number, String callerName, String exten, String... keys) {
        Iterator<String> k = List.of(keys).iterator();
        return pbx.call(() -> {
            Channel ch = pbx.addChannel(name, "Local", null, ChannelState.RING, number, callerName,
                    new Location("inbound", exten, 2), null);
            ch.party(new Party() {
                @Override
                public String nextKeypresses() {
                    return k.hasNext() ? k.next() : null;
                }
            });
            return ch;
        });
    }

    private String replay(int n, Channel ch, String url, List<String> args, Runnable duringSecondTimedCommand)
            throws Exception {
        FakeSocket socket = new FakeSocket();
        CompletableFuture<String> status = new CompletableFuture<>();
        RunAgiSession session = pbx.call(() -> {
            RunAgiSession s = new RunAgiSession(pbx, ch, AgiUrl.parse(url), args, Prompts.defaults(), st -> {
                status.complete(st);
                pbx.activityEnded(ch);
            });
            ch.activity(s);
            s.connected(socket);
            return s;
        });
        socket.writes.take();
        for (String line : scriptLines(n)) {
            if (line.equals("<close>")) {
                pbx.execute(session::onScriptClosed);
                socket.closed.get(5, TimeUnit.SECONDS);
                break;
            }
            pbx.execute(() -> session.onLine(line + "\n"));
            if (line.startsWith("EXEC Wait") && duringSecondTimedCommand != null) {
                pbx.execute(duringSecondTimedCommand);
            }
            socket.nextReply();
        }
        status.get(5, TimeUnit.SECONDS);
        return socket.all.toString();
    }

    private static void assertHeaderMatchesCapture(String captured, String ours) {
        List<String> want = captured.lines().toList();
        List<String> got = ours.lines().toList();
        assertEquals(want.size(), got.size(), ours);
        for (int i = 0; i < want.size(); i++) {
            String key = want.get(i).split(":", 2)[0];
            assertEquals(key, got.get(i).split(":", 2)[0], "key order");
            if (!key.equals("agi_uniqueid") && !key.equals("agi_threadid")) {
                assertEquals(want.get(i), got.get(i));
            }
        }
    }

    @Test
    void aFullDialogueGetsTheCapturedRepliesByteForByte() throws Exception {
        Channel ch = channel("Local/100@inbound-00000004;2", "5550100", "AGI Caller", "100", "", "1234", "42", "#");
        String out = replay(1, ch, "agi://127.0.0.1:4573/ivr", List.of(), null);
        String[] captured = split(Transcript.raw("fastagi-session1.asterisk-to-agi.raw"));
        String[] ours = split(out.getBytes(StandardCharsets.UTF_8));
        assertHeaderMatchesCapture(captured[0], ours[0]);
        assertEquals(captured[1], ours[1]);
    }

    @Test
    void aCallerHangingUpMidCommandGetsResultMinusOneThenHangupAndDeadChannelRules() throws Exception {
        Channel ch = channel("Local/101@inbound-00000005;2", "5550101", "Hangup Caller", "101");
        String out = replay(2, ch, "agi://127.0.0.1:4573/ivr?lang=en", List.of("first arg", "second"),
                () -> pbx.hangup(ch, HangupCause.NORMAL_CLEARING));
        String[] captured = split(Transcript.raw("fastagi-session2.asterisk-to-agi.raw"));
        String[] ours = split(out.getBytes(StandardCharsets.UTF_8));
        assertHeaderMatchesCapture(captured[0], ours[0]);
        assertEquals(captured[1], ours[1]);
    }

    @Test
    void theScriptHangingUpItselfGetsItsReplyThenHangup() throws Exception {
        Channel ch = channel("Local/100@inbound-00000006;2", "5550103", "Hangup By AGI", "100");
        String out = replay(3, ch, "agi://127.0.0.1:4573/ivr", List.of(), null);
        String[] captured = split(Transcript.raw("fastagi-session3.asterisk-to-agi.raw"));
        String[] ours = split(out.getBytes(StandardCharsets.UTF_8));
        assertHeaderMatchesCapture(captured[0], ours[0]);
        assertEquals(captured[1], ours[1]);
    }

    @Test
    void theHeaderKeysComeInTheCapturedOrder() {
        String[] captured = split(Transcript.raw("fastagi-session1.asterisk-to-agi.raw"));
        List<String> keys = captured[0].lines().filter(l -> !l.isEmpty()).map(l -> l.split(":", 2)[0]).toList();
        assertEquals(keys, AgiEnvironment.KEYS);
    }
}
