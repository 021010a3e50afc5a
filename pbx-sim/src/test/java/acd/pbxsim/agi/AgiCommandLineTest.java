package acd.pbxsim.agi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgiCommandLineTest {

    @Test
    void aQuotedValueIsOneArgument() {
        assertEquals(List.of("SET", "VARIABLE", "ACD_SESSION", "abc 123"),
                AgiCommandLine.parse("SET VARIABLE ACD_SESSION \"abc 123\""));
    }

    @Test
    void anEmptyPairOfQuotesIsAnArgument() {
        assertEquals(List.of("STREAM", "FILE", "hello-world", ""), AgiCommandLine.parse("STREAM FILE hello-world \"\""));
    }

    @Test
    void aBackslashTakesTheNextCharacterAsItIs() {
        assertEquals(List.of("VERBOSE", "say \"hi\"", "1"), AgiCommandLine.parse("VERBOSE \"say \\\"hi\\\"\" 1"));
    }

    @Test
    void runsOfBlanksSeparateOnce() {
        assertEquals(List.of("GET", "DATA", "beep", "2000", "4"), AgiCommandLine.parse("  GET   DATA beep\t2000 4  "));
    }

    @Test
    void theExpressionOfGetFullVariableStaysWhole() {
        assertEquals(List.of("GET", "FULL", "VARIABLE", "${CALLERID(all)} ${EXTEN}@${CONTEXT}"),
                AgiCommandLine.parse("GET FULL VARIABLE \"${CALLERID(all)} ${EXTEN}@${CONTEXT}\""));
    }
}
