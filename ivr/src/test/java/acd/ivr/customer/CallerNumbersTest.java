package acd.ivr.customer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CallerNumbersTest {
    private final CallerNumbers china = CallerNumbers.CHINA;

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "13900000001, 13900000001",
            "+8613900000001, 13900000001",
            "008613900000001, 13900000001",
            "013900000001, 13900000001",
            "+86 139 0000 0001, 13900000001",
            "+86-139-0000-0001, 13900000001",
            "+861012345678, 01012345678",
            "00861012345678, 01012345678",
            "+86 (0)10 1234 5678, 01012345678",
            "01012345678, 01012345678",
            "075512345678, 075512345678",
            "+12125550100, +12125550100",
            "0012125550100, +12125550100",
            "10086, 10086",
    })
    void aSubscriberIsTheSameNumberHoweverTheCarrierWroteIt(String sent, String expected) {
        assertEquals(expected, china.normalise(sent));
    }

    @Test
    void whatIsNotANumberIsLeftAsItCame() {
        assertEquals("anonymous", china.normalise(" anonymous "));
        assertEquals("", china.normalise(""));
        assertEquals(null, china.normalise(null));
    }

    @Test
    void anotherCountrysPlanIsConfigured() {
        CallerNumbers uk = new CallerNumbers("44", "00", "0", Pattern.compile("7[0-9]{9}"));
        assertEquals("7700900123", uk.normalise("+447700900123"));
        assertEquals("02079460000", uk.normalise("+442079460000"));
    }

    @Test
    void prefixesMustBeDigits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CallerNumbers("+86", "00", "0", Pattern.compile("1[0-9]{10}")));
        assertEquals("countryCode must be digits, found '+86'", e.getMessage());
    }
}
