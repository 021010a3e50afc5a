package acd.ivr.speech;

/**
 * Prints every sound the speech of each language named on the command line can produce, one a
 * line, so that {@code scripts/prompts check} can find values the prompt text cannot yet say.
 * It needs only this package: the script compiles it alone with {@code javac}.
 */
public final class SoundList {

    private SoundList() {
    }

    public static void main(String[] languages) {
        for (String language : languages) {
            Speech.forLanguage(language).sounds().forEach(System.out::println);
        }
    }
}
