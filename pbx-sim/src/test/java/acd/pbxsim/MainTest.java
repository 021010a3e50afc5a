package acd.pbxsim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MainTest {

    @Test
    void readsFlagsWithSpacesOrEqualsAndSwitchesWithoutValues() {
        Map<String, String> f = Main.parse(new String[] {"--ami-port", "0", "--seed=9", "--login-seats"});
        assertEquals("0", f.get("ami-port"));
        assertEquals("9", f.get("seed"));
        assertEquals("true", f.get("login-seats"));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--calls"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"calls"}));
    }

    @Test
    void seatsAreARangeOrACountFrom1001() {
        assertEquals(List.of(2001, 2002, 2003), Main.seatNumbers("2001-2003"));
        assertEquals(List.of(1001, 1002), Main.seatNumbers("2"));
        assertEquals(List.of(), Main.seatNumbers(null));
    }

    @Test
    void flagsBecomeSettings() throws Exception {
        PbxSettings s = Main.settings(Main.parse(new String[] {"--ami-port", "0", "--agi-host", "10.0.0.5",
                "--agi-port", "4600", "--seats", "1001-1003", "--speed", "5", "--ami-secret", "s3cret",
                "--no-answer", "0.5"}));
        assertEquals(0, s.amiPort());
        assertEquals("10.0.0.5", s.agiHost());
        assertEquals(4600, s.agiPort());
        assertEquals(3, s.seats().size());
        assertEquals("PJSIP/1003", s.seats().get(2).endpoint());
        assertEquals(0.5, s.seats().get(0).noAnswerProbability());
        assertEquals(5.0, s.speed());
        assertEquals("s3cret", s.amiUsers().get(0).secret());
    }
}
