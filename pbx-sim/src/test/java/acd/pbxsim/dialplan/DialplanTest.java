package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Location;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialplanTest {

    @Test
    void theBuiltInDialplanIsTheShippedOne() throws Exception {
        String shipped = Files.readString(Path.of("../config/asterisk/extensions.conf"));
        try (var in = Dialplan.class.getResourceAsStream(Dialplan.BUILT_IN)) {
            assertEquals(shipped, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "pbx-sim/src/main/resources/acd/pbxsim/extensions.conf must be a copy of config/asterisk/extensions.conf");
        }
    }

    @Test
    void readsTheContextsOfTheAcdCallFlow() {
        Dialplan d = Dialplan.builtIn();
        for (String ctx : List.of("acd-inbound", "acd-hold", "acd-announce", "acd-deliver", "acd-record", "acd-survey", "acd-exit",
                "acd-callback", "acd-callback-customer", "acd-callback-answered", "acd-seat-features", "seats")) {
            assertTrue(d.hasContext(ctx), ctx);
        }
        assertEquals("agi://127.0.0.1:4573", d.globals().get("ACD_AGI"));
        Priority dial = d.step(new Location("acd-deliver", "s", 2));
        assertEquals("Dial", dial.application());
        assertEquals("${ACD_ENDPOINT},${ACD_RING_TIMEOUT},gU(acd-seat-answered^${ACD_RECORDING})", dial.data());
        assertEquals(6, d.find("acd-deliver", "s").priorityOf("after-call"));
    }

    @Test
    void theSeatsAnswerRunsTheRecordingSubroutineWhichRecordsOnlyANamedFile() {
        Dialplan d = Dialplan.builtIn();
        assertEquals("$[\"${ARG1}\" = \"\"]?done", d.step(new Location("acd-record", "s", 1)).data());
        Priority record = d.step(new Location("acd-record", "s", 2));
        assertEquals("MixMonitor", record.application());
        assertEquals("${ARG1}.wav,a", record.data());
        assertEquals(3, d.find("acd-record", "s").priorityOf("done"));
        assertEquals("Return", d.step(new Location("acd-record", "s", 3)).application());
    }

    @Test
    void dialOptionsCombineAndKeepTheParenthesesOfTheirArguments() {
        String data = "PJSIP/1001,15,gU(acd-record^acd/20261207/1796649045.6)";
        List<String> args = Expressions.arguments(data);
        assertEquals(3, args.size(), "the comma split leaves the option's parentheses whole");
        DialOptions options = DialOptions.parse(args.get(2));
        assertTrue(options.callerGoesOn());
        assertEquals(new CalleeSubroutine("acd-record", List.of("acd/20261207/1796649045.6")),
                options.calleeSubroutine());

        DialOptions nested = DialOptions.parse("U(sub^f(x)^y)g");
        assertTrue(nested.callerGoesOn());
        assertEquals(new CalleeSubroutine("sub", List.of("f(x)", "y")), nested.calleeSubroutine());

        assertFalse(DialOptions.parse("G(ctx^s^1)").callerGoesOn(), "options are case-sensitive");
        assertFalse(DialOptions.parse("U(rec^ring)").callerGoesOn(), "a g inside an argument is no option");
        assertNull(DialOptions.parse("g").calleeSubroutine());
    }

    @Test
    void aSubroutineNamedWithAnEmptyArgumentGetsNoArgumentAtAll() {
        assertEquals(new CalleeSubroutine("acd-record", List.of()), CalleeSubroutine.parse("acd-record^"));
        assertEquals(new CalleeSubroutine("acd-record", List.of()), CalleeSubroutine.parse("acd-record"));
        assertEquals(new CalleeSubroutine("sub", List.of("a", "", "c")), CalleeSubroutine.parse("sub^a^^c"));
    }

    @Test
    void recordingsWithARelativeNameGoUnderTheMonitorDirectory() {
        assertEquals("/var/spool/asterisk/monitor/acd/20261207/1796649045.6.wav",
                CallRecorder.fullPath("acd/20261207/1796649045.6.wav"));
        assertEquals("/recordings/call.wav", CallRecorder.fullPath("/recordings/call.wav"));
        assertEquals("/var/spool/asterisk/monitor/call.WAV", CallRecorder.fullPath("call.wav49"),
                "wav49 is written as .WAV");
    }

    @Test
    void customersAreCalledBackOverTheCarrierWithTheHotlinesNumber() {
        Dialplan d = Dialplan.builtIn();
        assertEquals("hotline-trunk", d.globals().get("ACD_CARRIER"));
        assertEquals("10086", d.globals().get("ACD_HOTLINE"));
        assertNotNull(d.find("acd-callback-customer", "13800000001"), "any customer's number");
        assertEquals("PJSIP/${EXTEN}@${ACD_CARRIER},${ACD_CUSTOMER_RING}",
                d.step(new Location("acd-callback-customer", "13800000001", 2)).data());
        assertEquals("PJSIP/${ACD_CALLBACK_NUMBER}@${ACD_CARRIER},${ACD_CUSTOMER_RING},U(acd-record^${ACD_RECORDING})",
                d.step(new Location("acd-callback", "s", 3)).data(), "the customer's answered leg is recorded");
        assertEquals("Goto", d.step(new Location("acd-callback-answered", "s", 2)).application());
    }

    @Test
    void anyHotlineNumberLandsInTheInboundPattern() {
        Dialplan d = Dialplan.builtIn();
        assertNotNull(d.find("acd-inbound", "10086"));
        assertNull(d.find("acd-inbound", "abc"));
    }

    @Test
    void seatsReachTheFeatureCodesThroughTheirInclude() {
        Dialplan d = Dialplan.builtIn();
        assertEquals("Answer", d.step(new Location("seats", "*21", 1)).application(), "the seat hears the tone");
        assertEquals("AGI", d.step(new Location("seats", "*21", 2)).application());
        assertEquals("${ACD_AGI}/seat,notready,${EXTEN:3}", d.step(new Location("seats", "*243", 2)).data());
        assertNull(d.find("seats", "*26"));
        assertNotNull(d.find("seats", "1002"));
        assertNotNull(d.find("seats", "3008"), "every seat of agents.yaml can be dialled");
        assertNull(d.find("seats", "10020"));
    }

    @Test
    void substitutesVariablesOffsetsAndComparisons() {
        Map<String, String> vars = Map.of("ACD_QUEUED", "1", "EXTEN", "*243", "CALLERID(num)", "1001");
        assertEquals("1?acd-hold,s,1",
                Expressions.substitute("$[\"${ACD_QUEUED}\" = \"1\"]?acd-hold,s,1", vars::get));
        assertEquals("0?x", Expressions.substitute("$[\"${NOT_SET}\" = \"1\"]?x", vars::get));
        assertEquals("3", Expressions.substitute("${EXTEN:3}", vars::get));
        assertEquals("1001", Expressions.substitute("${CALLERID(num)}", vars::get));
        assertEquals(List.of("PJSIP/1001", "20", "g"), Expressions.arguments("PJSIP/1001,20,g"));
        assertEquals(List.of("agi://h/seat", "notready", "3"), Expressions.arguments("agi://h/seat,notready,3"));
        assertEquals(List.of(), Expressions.rawArguments(""));
        assertEquals(List.of("\"a,b\"", "c"), Expressions.rawArguments("\"a,b\",c"));
    }

    @Test
    void aBrokenLineIsReportedWithFileAndLine() {
        var e = assertThrows(DialplanParser.DialplanError.class,
                () -> DialplanParser.parse("[a]\nexten => s,1,NoOp()\nbogus line\n", "test.conf"));
        assertEquals("test.conf:3: expected 'exten =>', 'same =>' or 'include =>'", e.getMessage());
        assertFalse(DialplanParser.parse("; only a comment\n", "x").hasContext("a"));
    }
}
