package acd.ivr.speech;

/** The values every {@link Speech} can say; anything else is refused before a word is chosen. */
final class Sayable {

    private Sayable() {
    }

    static long number(long number) {
        if (number < 0 || number > Speech.MAX_NUMBER) {
            throw new IllegalArgumentException(number + " is not a number 0.." + Speech.MAX_NUMBER);
        }
        return number;
    }

    static String digits(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + digits + "' is not a digit string");
        }
        return digits;
    }

    static int fen(int fen) {
        if (fen < 0 || fen > 99) {
            throw new IllegalArgumentException(fen + " fen is not 0..99");
        }
        return fen;
    }

    static void month(int year, int month) {
        if (year < 1 || year > 9999 || month < 1 || month > 12) {
            throw new IllegalArgumentException(year + "-" + month + " is not a month");
        }
    }
}
