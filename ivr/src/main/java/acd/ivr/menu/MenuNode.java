package acd.ivr.menu;

import java.util.List;
import java.util.Map;

/**
 * One node of a menu as the file defines it, checked. Nodes refer to each other by id; prompts
 * by name (see {@link IvrMenu#sounds}). Every node may name {@code person}, the node {@code 0}
 * leads to from here on, so the path a caller took decides which queue a person comes from.
 */
public sealed interface MenuNode {

    String id();

    /** Where {@code 0} goes from this node on, or null to keep the one before. */
    String person();

    /**
     * How a node that waits for keys asks, and what it does with bad input.
     *
     * @param prompt    prompt name played while collecting
     * @param timeoutMs how long to wait for a key
     * @param retries   further attempts after the first before {@code onFail}
     * @param invalid   prompt name played before a retry
     * @param onFail    node to go to when the retries are used up
     */
    record Asking(String prompt, long timeoutMs, int retries, String invalid, String onFail) {
    }

    /** A node that collects keys. */
    sealed interface Collecting extends MenuNode {
        Asking asking();
    }

    /**
     * The language choice: the prompt plays in every language, each key picks one. Skipped when
     * it is where a call starts and the caller's profile names a language of the menu.
     */
    record LanguageChoice(String id, String person, Asking asking, Map<String, String> languages, String next)
            implements Collecting {
        public LanguageChoice {
            languages = Map.copyOf(languages);
        }
    }

    /** Single-key choices. */
    record Menu(String id, String person, Asking asking, Map<String, Option> options) implements Collecting {
        public Menu {
            options = Map.copyOf(options);
        }
    }

    /**
     * One choice of a menu.
     *
     * @param go  the node it leads to
     * @param set call variables it sets on the way (e.g. {@code faultKind: complex})
     */
    record Option(String go, Map<String, String> set) {
        public Option {
            set = Map.copyOf(set);
        }
    }

    /** A digit string of fixed form (a card number, a PIN) into a call variable. */
    record Input(String id, String person, Asking asking, int minDigits, int maxDigits, String into, String next)
            implements Collecting {
    }

    /**
     * Picks one item of a list an action returned (e.g. the caller's value-added services): each
     * item is offered as "{@code itemPrompt} N, item's sound". The pick sets {@code list} to the
     * item's code and {@code list.prompt}, {@code list.subscribed} to its fields.
     */
    record Choose(String id, String person, Asking asking, String list, String itemPrompt, String next)
            implements Collecting {
    }

    /** Plays prompts and reads values back, then goes on. */
    record Play(String id, String person, List<SayItem> items, String next) implements MenuNode {
        public Play {
            items = List.copyOf(items);
        }
    }

    /** Asks self-service for something and goes where the outcome says. */
    record Action(String id, String person, ActionKind kind, Map<String, String> outcomes) implements MenuNode {
        public Action {
            outcomes = Map.copyOf(outcomes);
        }

        /** The node an outcome leads to; unknown keys take {@code other}, else the unavailable route. */
        public String target(String outcome) {
            String to = outcomes.get(outcome);
            if (to == null) {
                to = outcomes.get(ActionKind.OTHER);
            }
            return to != null ? to : outcomes.get(ActionKind.UNAVAILABLE);
        }
    }

    /**
     * Hands the call to a person.
     *
     * @param prompt     optional prompt name played first (null for none)
     * @param target     queue and extra skills
     * @param byLanguage a different queue or skills for callers in a language (e.g. English speakers)
     */
    record Transfer(String id, String person, String prompt, Target target, Map<String, Target> byLanguage)
            implements MenuNode {
        public Transfer {
            byLanguage = Map.copyOf(byLanguage);
        }

        public Target targetFor(String language) {
            return byLanguage.getOrDefault(language, target);
        }
    }

    /** A queue and the skills required beyond the queue's own. */
    record Target(String queue, List<String> skills) {
        public Target {
            skills = List.copyOf(skills);
        }
    }

    /** Ends the call, after an optional prompt (null for none). */
    record HangUp(String id, String person, String prompt) implements MenuNode {
    }

    /** One thing a play node says. */
    sealed interface SayItem {
        /** The call variables it reads, so the loader can check that something sets them. */
        List<String> reads();
    }

    /** A prompt by name. */
    record PromptItem(String prompt) implements SayItem {
        @Override
        public List<String> reads() {
            return List.of();
        }
    }

    /** A call variable said as a number (skipped when it is not one the language can say). */
    record NumberItem(String variable) implements SayItem {
        @Override
        public List<String> reads() {
            return List.of(variable);
        }
    }

    /** A call variable said digit by digit (skipped when it is not a digit string). */
    record DigitsItem(String variable) implements SayItem {
        @Override
        public List<String> reads() {
            return List.of(variable);
        }
    }

    /** An amount in the variables {@code <prefix>Yuan} and {@code <prefix>Fen}, said as money. */
    record MoneyItem(String prefix) implements SayItem {
        public String yuanVariable() {
            return prefix + "Yuan";
        }

        public String fenVariable() {
            return prefix + "Fen";
        }

        @Override
        public List<String> reads() {
            return List.of(yuanVariable(), fenVariable());
        }
    }

    /** A month in the variables {@code <prefix>Year} and {@code <prefix>Month}, e.g. a bill's. */
    record MonthItem(String prefix) implements SayItem {
        public String yearVariable() {
            return prefix + "Year";
        }

        public String monthVariable() {
            return prefix + "Month";
        }

        @Override
        public List<String> reads() {
            return List.of(yearVariable(), monthVariable());
        }
    }

    /** A call variable that names a sound (e.g. the chosen service's prompt). */
    record SoundItem(String variable) implements SayItem {
        @Override
        public List<String> reads() {
            return List.of(variable);
        }
    }
}
