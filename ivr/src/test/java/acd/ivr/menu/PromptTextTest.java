package acd.ivr.menu;

import acd.ivr.speech.Speech;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sound the IVR plays is the project's own, made by {@code scripts/prompts} from a line of
 * {@code config/prompts/<language>.txt}: a prompt added to the menu without its text fails here,
 * not on a caller's line.
 */
class PromptTextTest {
    private static final Path TEXTS = Path.of("..", "config", "prompts");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Pattern SOUND = Pattern.compile("[a-z0-9][a-z0-9_/-]*");
    private static final Pattern SERVICE_PROMPT = Pattern.compile("'(vas/[a-z0-9_/-]+)'");

    /** What the text files say, and what is wrong with them. */
    private record Texts(Map<String, String> bySound, List<String> problems) {
    }

    private static Texts read() throws IOException {
        Map<String, String> bySound = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(TEXTS)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path file : files) {
            String language = file.getFileName().toString().replace(".txt", "");
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String at = "config/prompts/" + file.getFileName() + ":" + (i + 1);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf('|');
                String sound = bar < 0 ? "" : line.substring(0, bar);
                String text = bar < 0 ? "" : line.substring(bar + 1);
                if (!SOUND.matcher(sound).matches() || text.isBlank()) {
                    problems.add(at + ": not <sound>|<text>: " + line);
                } else if (!sound.startsWith("acd/" + language + "/") && !sound.startsWith(language + "/")) {
                    problems.add(at + ": " + sound + " is not a sound of language " + language
                            + " (acd/" + language + "/... or " + language + "/...)");
                } else if (where.containsKey(sound)) {
                    problems.add(at + ": " + sound + " already has text at " + where.get(sound));
                } else {
                    where.put(sound, at);
                    bySound.put(sound, text);
                }
            }
        }
        return new Texts(bySound, problems);
    }

    /** The menu's sounds with no text, as "prompt 'name' in language: sound". */
    private static List<String> withoutText(IvrMenu menu, Set<String> sounds) {
        List<String> missing = new ArrayList<>();
        for (String prompt : new TreeSet<>(menu.prompts())) {
            for (String language : menu.languages()) {
                String sound = menu.sound(prompt, language);
                if (!sounds.contains(sound)) {
                    missing.add("prompt '" + prompt + "' in " + language + ": " + sound);
                }
            }
        }
        return missing;
    }

    @Test
    void everyLineIsOneSoundOfItsLanguageAndItsText() throws IOException {
        Texts texts = read();
        assertEquals(List.of(), texts.problems());
    }

    @Test
    void everyPromptOfTheShippedMenuHasTextInEveryLanguage() throws IOException {
        assertEquals(List.of(), withoutText(Menus.shipped(), read().bySound().keySet()),
                "add <sound>|<text> lines to config/prompts/<language>.txt");
    }

    @Test
    void aPromptAddedToAMenuWithoutTextIsFound() throws IOException {
        IvrMenu menu = Menus.text("""
                languages: [zh, en]
                start: bye
                person: bye
                prompts:
                  bye: {zh: acd/zh/goodbye, en: acd/en/so-long}
                nodes:
                  bye:
                    type: hangup
                    prompt: bye
                """);
        assertEquals(List.of("prompt 'bye' in en: acd/en/so-long"), withoutText(menu, read().bySound().keySet()));
    }

    @Test
    void everySoundTheSpeechOfAMenuLanguageCanSayHasText() throws IOException {
        Set<String> sounds = read().bySound().keySet();
        for (String language : Menus.shipped().languages()) {
            Set<String> missing = new TreeSet<>(Speech.forLanguage(language).sounds());
            missing.removeAll(sounds);
            assertEquals(Set.of(), missing, "the speech of " + language);
        }
    }

    @Test
    void everyValueAddedServiceHasTextInEveryMenuLanguage() throws IOException {
        Set<String> sounds = read().bySound().keySet();
        Set<String> missing = new TreeSet<>();
        int services = 0;
        try (Stream<Path> migrations = Files.list(MIGRATIONS)) {
            for (Path migration : migrations.toList()) {
                Matcher m = SERVICE_PROMPT.matcher(Files.readString(migration));
                while (m.find()) {
                    services++;
                    // the store names the prompt without a language; Asterisk looks in sounds/<language>/ first
                    for (String language : Menus.shipped().languages()) {
                        if (!sounds.contains(language + "/" + m.group(1))) {
                            missing.add(language + "/" + m.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(services > 0, "the services of the store's migrations are found");
        assertEquals(Set.of(), missing);
    }
}
