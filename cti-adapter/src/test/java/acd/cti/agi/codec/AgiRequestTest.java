package acd.cti.agi.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgiRequestTest {

    @Test
    void queryParametersAreDecodedAndRepeatedNamesKeepEveryValue() {
        AgiRequest request = new AgiRequest(Map.of("agi_network_script", "survey/?q=1&q=2&tier=%E9%92%BB%E7%9F%B3&flag&x=a+b"));

        assertEquals("/survey", request.scriptPath());
        assertEquals(Map.of("q", List.of("1", "2"), "tier", List.of("钻石"), "flag", List.of(""), "x", List.of("a b")),
                request.scriptParameters());
    }

    @Test
    void strayPercentInTheQueryIsKeptAsWritten() {
        AgiRequest request = new AgiRequest(Map.of("agi_network_script", "ivr?discount=50%"));

        assertEquals(List.of("50%"), request.scriptParameters().get("discount"));
    }

    @Test
    void scriptPathComesFromTheRequestUrlWhenNetworkScriptIsMissing() {
        AgiRequest request = new AgiRequest(Map.of("agi_request", "agi://10.0.0.5:4573/seat?id=7"));

        assertEquals("/seat", request.scriptPath());
        assertEquals(List.of("7"), request.scriptParameters().get("id"));
    }

    @Test
    void argumentsStopAtTheFirstGap() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("agi_arg_1", "one");
        variables.put("agi_arg_2", "");
        variables.put("agi_arg_4", "four");

        assertEquals(List.of("one", ""), new AgiRequest(variables).arguments());
    }

    @Test
    void variablesCannotBeChanged() {
        AgiRequest request = new AgiRequest(Map.of("agi_channel", "SIP/1"));

        assertThrows(UnsupportedOperationException.class, () -> request.variables().put("agi_channel", "x"));
        assertEquals("", request.callerId());
    }
}
