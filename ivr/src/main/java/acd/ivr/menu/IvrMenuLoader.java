package acd.ivr.menu;

import acd.core.config.ConfigError;
import acd.core.config.ConfigFields;
import acd.core.config.ConfigNode;
import acd.core.config.ConfigNode.ListNode;
import acd.core.config.ConfigNode.MapNode;
import acd.core.config.ConfigNode.ScalarNode;
import acd.core.config.ConfigProblems;
import acd.core.config.Names;
import acd.core.config.ConfigSource;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code config/ivr.yaml} into an {@link IvrMenu}, checking what a caller would otherwise
 * trip over mid-call: nodes that do not exist or can never be reached, keys defined twice,
 * prompts missing a language, queues and skills routing does not know, outcomes of an action
 * that lead nowhere. A bad file yields one {@link ConfigError} with file, line and reason for
 * every problem, so the server stops before it answers a call.
 *
 * <p>Problems in the YAML itself (syntax, a key written twice in one map) are found while the
 * file is read and reported together; the menu's own checks run once the file reads as YAML.
 */
public final class IvrMenuLoader {

    public static final List<String> SECTIONS = List.of("languages", "start", "entryPoints", "survey", "person",
            "identity", "defaults", "prompts", "nodes");
    private static final List<String> IDENTITY_KEYS = List.of("node", "askPin");
    /** What a dialled number may be written with: digits, and * # + as a PBX may pass them. */
    private static final java.util.regex.Pattern DIALLED = java.util.regex.Pattern.compile("[0-9*#+]{1,32}");
    private static final List<String> DEFAULT_KEYS = List.of("timeoutSeconds", "retries", "invalid", "onFail");
    private static final List<String> ASKING_KEYS = List.of("prompt", "timeoutSeconds", "retries", "invalid", "onFail");
    private static final List<String> OPTION_KEYS = List.of("go", "set");
    private static final List<String> TARGET_KEYS = List.of("queue", "skills");
    private static final List<String> SAY_KEYS = List.of("number", "digits", "money", "month", "sound");

    /** Values the self-service actions understand, for variables a menu option sets. */
    private static final Map<String, List<String>> SET_VALUES = Map.of(
            "faultKind", List.of("normal", "complex"),
            "change", List.of("subscribe", "unsubscribe"),
            "rating", List.of("1", "2", "3", "4", "5"));

    public static final int DEFAULT_TIMEOUT_SECONDS = 5;
    public static final int DEFAULT_RETRIES = 2;
    /** Longer than any card number or PIN; a longer entry is a mistake, not data. */
    public static final int MAX_INPUT_DIGITS = 32;

    /** What a node is, as its {@code type} says. */
    enum NodeType {
        LANGUAGE(true, List.of("options", "next")),
        MENU(true, List.of("options")),
        INPUT(true, List.of("digits", "minDigits", "maxDigits", "into", "next")),
        CHOOSE(true, List.of("list", "itemPrompt", "next")),
        PLAY(false, List.of("play", "next")),
        ACTION(false, List.of("action", "outcomes")),
        TRANSFER(false, List.of("queue", "skills", "languages", "prompt")),
        HANGUP(false, List.of("prompt"));

        private final boolean collects;
        private final List<String> keys;

        NodeType(boolean collects, List<String> ownKeys) {
            this.collects = collects;
            List<String> all = new ArrayList<>(List.of("type", "person"));
            if (collects) {
                all.addAll(ASKING_KEYS);
            }
            for (String k : ownKeys) {
                if (!all.contains(k)) {
                    all.add(k);
                }
            }
            this.keys = List.copyOf(all);
        }

        boolean collects() {
            return collects;
        }
    }

    private IvrMenuLoader() {
    }

    /** Loads a menu whose queues and skills are checked against the routing configuration. */
    public static IvrMenu parse(ConfigSource source, RoutingConfig routing) {
        Set<String> queues = new LinkedHashSet<>();
        for (QueueSpec q : routing.queues()) {
            queues.add(q.id());
        }
        return parse(source, queues, new LinkedHashSet<>(routing.skills()));
    }

    /**
     * Loads and checks a menu.
     *
     * @param queues queue ids a transfer may name
     * @param skills skill ids a transfer may require
     * @throws ConfigError every problem found, the first by line as headline
     */
    public static IvrMenu parse(ConfigSource source, Set<String> queues, Set<String> skills) {
        // Syntax errors and keys written twice are reported together with the menu's own problems.
        ConfigProblems problems = new ConfigProblems(List.of(source.name()));
        ConfigNode root = ConfigNode.parse(source.name(), source.text(), problems);
        if (root == null) {
            problems.throwIfAny();
        }
        return new Reading(root, queues, skills, problems).read();
    }

    /** One load: what the file defines and the problems found so far. */
    private static final class Reading {
        private final ConfigNode root;
        private final Set<String> queues;
        private final Set<String> skills;
        private final ConfigProblems problems;

        private final List<String> languages = new ArrayList<>();
        private final Map<String, Map<String, String>> prompts = new LinkedHashMap<>();
        private final Set<String> promptNames = new LinkedHashSet<>();
        private final Set<String> nodeIds = new LinkedHashSet<>();
        private final Map<String, MenuNode> nodes = new LinkedHashMap<>();
        /** Where each node's definition starts, for problems about the node as a whole. */
        private final Map<String, ConfigNode> nodeAt = new LinkedHashMap<>();
        private final Map<String, Set<String>> edges = new LinkedHashMap<>();
        /** Call variables the menu writes, and where each action or say item reads one. */
        private final Set<String> written = new HashSet<>(Set.of("rating"));
        private final List<Read> reads = new ArrayList<>();
        /** Menus with a 0 key: 0 is a person's key wherever a call can go. */
        private final Map<String, ConfigNode> zeroKeys = new LinkedHashMap<>();

        private boolean promptsReliable = true;
        private int defaultTimeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        private int defaultRetries = DEFAULT_RETRIES;
        private String defaultInvalid;
        private String defaultOnFail;

        private record Read(String variable, ConfigNode at, String what) {
        }

        Reading(ConfigNode root, Set<String> queues, Set<String> skills, ConfigProblems problems) {
            this.root = root;
            this.queues = queues;
            this.skills = skills;
            this.problems = problems;
        }

        IvrMenu read() {
            ConfigFields top = ConfigFields.of(root, "", problems);
            top.allowOnly(SECTIONS);
            languages(top);
            prompts(top);
            MapNode nodesMap = top.map("nodes");
            if (nodesMap == null) {
                if (!top.has("nodes")) {
                    top.reportMissing("section 'nodes'");
                }
            } else {
                nodeIds.addAll(nodesMap.keys());
            }
            defaults(top);
            String start = nodeRef(top, "start", true, null);
            Map<String, String> entryPoints = entryPoints(top);
            String survey = nodeRef(top, "survey", false, null);
            String person = nodeRef(top, "person", true, null);
            Identity identity = identity(top);
            if (nodesMap != null) {
                for (String id : nodesMap.keys()) {
                    node(id, nodesMap.keyNode(id), nodesMap.get(id));
                }
            }
            if (nodes.size() == nodeIds.size()) {
                // with a node unread its links are unknown, and "never reached" would mislead
                reachable(start, survey, person, identity, entryPoints.values());
                checkIdentity(top, identity);
            }
            checkReads();
            problems.throwIfAny();
            return new IvrMenu(languages, prompts, nodes, start, entryPoints, survey, person, identity);
        }

        private Identity identity(ConfigFields top) {
            ConfigFields f = top.fields("identity", "identity");
            if (f == null) {
                return null;
            }
            f.allowOnly(IDENTITY_KEYS);
            String node = nodeRef(f, "node", true, null);
            Identity.AskPin askPin = f.choice("askPin", Identity.AskPin.class, Identity.AskPin.OTHER_NUMBERS);
            return node == null ? null : new Identity(node, askPin);
        }

        /** A check that nothing can pass would make every account business a dead end. */
        private void checkIdentity(ConfigFields top, Identity identity) {
            if (identity == null) {
                return;
            }
            boolean identifies = nodes.values().stream()
                    .anyMatch(n -> n instanceof MenuNode.Action a && a.kind() == ActionKind.IDENTIFY);
            if (!identifies) {
                problems.add(top.value("identity"), "identity: no node runs the identify action, so no caller "
                        + "could ever be identified for account business");
            }
        }

        /** Dialled numbers and the node their calls start at, instead of {@code start}. */
        private Map<String, String> entryPoints(ConfigFields top) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            MapNode map = top.map("entryPoints");
            if (map == null) {
                return out;
            }
            for (String number : map.keys()) {
                if (!DIALLED.matcher(number).matches()) {
                    top.report(map.keyNode(number), "entryPoints: '" + number + "' is not a dialled number (digits, "
                            + "quoted, e.g. \"10086\")");
                    continue;
                }
                String node = nodeRefAt(top, map.get(number), "entry point " + number, null);
                if (node != null) {
                    out.put(number, node);
                }
            }
            return out;
        }

        // ---- sections

        private void languages(ConfigFields top) {
            if (!top.has("languages")) {
                top.reportMissing("section 'languages' (e.g. [zh, en], the default first)");
                return;
            }
            ListNode list = top.list("languages");
            if (list == null) {
                return;
            }
            if (list.isEmpty()) {
                top.report(list, "languages must name at least one language");
            }
            for (ConfigNode item : list.items()) {
                String name = top.nameOf(item, "each language");
                if (name == null) {
                    continue;
                }
                if (languages.contains(name)) {
                    top.report(item, "language '" + name + "' is listed twice");
                    continue;
                }
                languages.add(name);
            }
        }

        private void prompts(ConfigFields top) {
            MapNode map = top.map("prompts");
            if (map == null) {
                if (!top.has("prompts")) {
                    top.reportMissing("section 'prompts'");
                }
                promptsReliable = false;
                return;
            }
            promptNames.addAll(map.keys());
            for (String name : map.keys()) {
                ConfigNode value = map.get(name);
                ConfigNode key = map.keyNode(name);
                Map<String, String> sounds = new LinkedHashMap<>();
                if (value instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING) {
                    // one sound for every language, e.g. a beep or Asterisk's own digits
                    String sound = sound(top, s, "prompt '" + name + "'");
                    for (String l : languages) {
                        sounds.put(l, sound);
                    }
                } else if (value instanceof MapNode perLanguage) {
                    for (String l : perLanguage.keys()) {
                        if (!languages.contains(l)) {
                            problems.add(perLanguage.keyNode(l), "prompt '" + name + "' has a sound for language '" + l
                                    + "', which is not in languages (" + String.join(", ", languages) + ")"
                                    + suggestion(l, languages));
                            continue;
                        }
                        ConfigNode v = perLanguage.get(l);
                        if (v instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING) {
                            sounds.put(l, sound(top, s, "prompt '" + name + "' in '" + l + "'"));
                        } else {
                            problems.add(v, "prompt '" + name + "' in '" + l + "' must be a sound name, found " + v.describe());
                        }
                    }
                    for (String l : languages) {
                        if (!perLanguage.has(l)) {
                            problems.add(key, "prompt '" + name + "' has no sound for language '" + l + "'");
                        }
                    }
                } else {
                    problems.add(value == null ? key : value, "prompt '" + name
                            + "' must be a sound name or a map of language: sound, found "
                            + (value == null ? "nothing" : value.describe()));
                }
                prompts.put(name, sounds);
            }
        }

        private String sound(ConfigFields top, ScalarNode s, String what) {
            String text = s.text().strip();
            if (text.isEmpty() || text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\')) {
                top.report(s, what + ": a sound name has no spaces, quotes or backslashes (as Asterisk names it, "
                        + "e.g. acd/zh/welcome), found " + s.describe());
            }
            return text;
        }

        private void defaults(ConfigFields top) {
            ConfigFields f = top.fields("defaults", "defaults");
            if (f == null) {
                return;
            }
            f.allowOnly(DEFAULT_KEYS);
            defaultTimeoutSeconds = f.integer("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS, 1, 60);
            defaultRetries = f.integer("retries", DEFAULT_RETRIES, 0, 9);
            defaultInvalid = promptRef(f, "invalid", false);
            defaultOnFail = nodeRef(f, "onFail", false, null);
        }

        // ---- nodes

        private void node(String id, ConfigNode key, ConfigNode value) {
            nodeAt.put(id, key);
            edges.put(id, new LinkedHashSet<>());
            ConfigFields f = ConfigFields.of(value, "node '" + id + "'", problems);
            if (!f.isMap()) {
                return;
            }
            NodeType type = f.requiredChoice("type", NodeType.class);
            if (type == null) {
                return;
            }
            f.allowOnly(type.keys);
            String person = nodeRef(f, "person", false, id);
            MenuNode.Asking asking = type.collects() ? asking(f, id) : null;
            MenuNode node = switch (type) {
                case LANGUAGE -> new MenuNode.LanguageChoice(id, person, asking, languageOptions(f, id),
                        nodeRef(f, "next", true, id));
                case MENU -> new MenuNode.Menu(id, person, asking, options(f, id));
                case INPUT -> input(f, id, person, asking);
                case CHOOSE -> choose(f, id, person, asking);
                case PLAY -> new MenuNode.Play(id, person, sayItems(f), nodeRef(f, "next", true, id));
                case ACTION -> action(f, id, person);
                case TRANSFER -> transfer(f, id, person);
                case HANGUP -> new MenuNode.HangUp(id, person, promptRef(f, "prompt", false));
            };
            nodes.put(id, node);
        }

        private MenuNode.Asking asking(ConfigFields f, String id) {
            String prompt = promptRef(f, "prompt", true);
            int timeout = f.integer("timeoutSeconds", defaultTimeoutSeconds, 1, 60);
            int retries = f.integer("retries", defaultRetries, 0, 9);
            String invalid = f.has("invalid") ? promptRef(f, "invalid", false) : defaultInvalid;
            if (invalid == null && !f.has("invalid")) {
                f.report(f.node(), "missing invalid (the prompt before a retry); give it here or in defaults");
            }
            String onFail = f.has("onFail") ? nodeRef(f, "onFail", false, id) : defaultOnFail;
            if (onFail == null && !f.has("onFail")) {
                f.report(f.node(), "missing onFail (where the call goes when retries run out); give it here or in defaults");
            } else if (!f.has("onFail") && onFail != null) {
                edges.get(id).add(onFail);
            }
            return new MenuNode.Asking(prompt, timeout * 1000L, retries, invalid, onFail);
        }

        private Map<String, String> languageOptions(ConfigFields f, String id) {
            Map<String, String> out = new LinkedHashMap<>();
            MapNode map = requiredMap(f, "options");
            if (map == null) {
                return out;
            }
            for (String key : map.keys()) {
                if (!dtmfKey(f, map, key)) {
                    continue;
                }
                String language = f.nameOf(map.get(key), "option " + key);
                if (language == null) {
                    continue;
                }
                if (!languages.contains(language)) {
                    f.report(map.get(key), "option " + key + " names unknown language '" + language + "'"
                            + suggestion(language, languages));
                    continue;
                }
                out.put(key, language);
                if (key.equals("0")) {
                    zeroKeys.put(id, map.keyNode(key));
                }
            }
            return out;
        }

        private Map<String, MenuNode.Option> options(ConfigFields f, String id) {
            Map<String, MenuNode.Option> out = new LinkedHashMap<>();
            MapNode map = requiredMap(f, "options");
            if (map == null) {
                return out;
            }
            for (String key : map.keys()) {
                if (!dtmfKey(f, map, key)) {
                    continue;
                }
                if (key.equals("0")) {
                    zeroKeys.put(id, map.keyNode(key));
                }
                ConfigNode v = map.get(key);
                String go;
                Map<String, String> set = new LinkedHashMap<>();
                if (v instanceof MapNode) {
                    ConfigFields o = ConfigFields.of(v, f.what() + " option " + key, problems);
                    o.allowOnly(OPTION_KEYS);
                    go = nodeRef(o, "go", true, id);
                    MapNode setMap = o.map("set");
                    if (setMap != null) {
                        for (String name : setMap.keys()) {
                            String value = o.nameOf(setMap.get(name), "set " + name);
                            if (value == null) {
                                continue;
                            }
                            List<String> allowed = SET_VALUES.get(name);
                            if (allowed != null && !allowed.contains(value)) {
                                o.report(setMap.get(name), "set " + name + " must be one of " + String.join(", ", allowed)
                                        + ", found '" + value + "'" + suggestion(value, allowed));
                                continue;
                            }
                            written.add(name);
                            set.put(name, value);
                        }
                    }
                } else {
                    go = nodeRefAt(f, v, "option " + key, id);
                }
                if (go != null) {
                    out.put(key, new MenuNode.Option(go, set));
                }
            }
            return out;
        }

        /** A menu key is one key of the phone: 0-9, * or #. */
        private boolean dtmfKey(ConfigFields f, MapNode map, String key) {
            if (key.length() == 1 && "0123456789*#".indexOf(key.charAt(0)) >= 0) {
                return true;
            }
            f.report(map.keyNode(key), "option '" + key + "' is not a phone key; use one of 0-9, * or # (quote * and #)");
            return false;
        }

        private MenuNode input(ConfigFields f, String id, String person, MenuNode.Asking asking) {
            int min;
            int max;
            if (f.has("digits")) {
                min = max = f.integer("digits", 1, 1, MAX_INPUT_DIGITS);
                if (f.has("minDigits") || f.has("maxDigits")) {
                    f.report(f.keyNode("digits"), "give either digits (an exact length) or minDigits and maxDigits, not both");
                }
            } else if (f.has("maxDigits")) {
                max = f.integer("maxDigits", MAX_INPUT_DIGITS, 1, MAX_INPUT_DIGITS);
                min = f.integer("minDigits", 1, 1, MAX_INPUT_DIGITS);
                if (min > max) {
                    f.report(f.value("minDigits"), "minDigits (" + min + ") is more than maxDigits (" + max + ")");
                }
            } else {
                f.report(f.node(), "missing digits (an exact length) or maxDigits");
                min = max = 1;
            }
            String into = f.name("into");
            if (into != null) {
                written.add(into);
            }
            return new MenuNode.Input(id, person, asking, min, max, into, nodeRef(f, "next", true, id));
        }

        private MenuNode choose(ConfigFields f, String id, String person, MenuNode.Asking asking) {
            String list = f.name("list");
            if (list != null) {
                boolean produced = false;
                for (ActionKind k : ActionKind.values()) {
                    produced |= k.produces().contains(list + ".count");
                }
                if (!produced) {
                    f.report(f.value("list"), "no action returns a list '" + list + "' (the services action returns 'service')");
                } else {
                    written.addAll(List.of(list, list + ".prompt", list + ".subscribed"));
                }
            }
            return new MenuNode.Choose(id, person, asking, list, promptRef(f, "itemPrompt", false),
                    nodeRef(f, "next", true, id));
        }

        private List<MenuNode.SayItem> sayItems(ConfigFields f) {
            List<MenuNode.SayItem> out = new ArrayList<>();
            if (!f.has("play")) {
                f.reportMissing("play");
                return out;
            }
            ListNode list = f.list("play");
            if (list == null) {
                return out;
            }
            if (list.isEmpty()) {
                f.report(list, "play must have at least one item");
            }
            for (ConfigNode item : list.items()) {
                if (item instanceof MapNode m) {
                    ConfigFields say = ConfigFields.of(m, f.what(), problems);
                    say.allowOnly(SAY_KEYS);
                    if (m.size() != 1) {
                        say.report(m, "a say item is one of number: variable, digits: variable, money: prefix, "
                                + "month: prefix, sound: variable");
                        continue;
                    }
                    String how = m.keys().iterator().next();
                    String name = say.optionalName(how);
                    if (name == null || !SAY_KEYS.contains(how)) {
                        continue;
                    }
                    MenuNode.SayItem sayItem = switch (how) {
                        case "number" -> new MenuNode.NumberItem(name);
                        case "digits" -> new MenuNode.DigitsItem(name);
                        case "money" -> new MenuNode.MoneyItem(name);
                        case "month" -> new MenuNode.MonthItem(name);
                        default -> new MenuNode.SoundItem(name);
                    };
                    for (String variable : sayItem.reads()) {
                        reads.add(new Read(variable, m.get(how), f.what() + " says"));
                    }
                    out.add(sayItem);
                } else {
                    String prompt = promptRefAt(f, item, "play item");
                    if (prompt != null) {
                        out.add(new MenuNode.PromptItem(prompt));
                    }
                }
            }
            return out;
        }

        private MenuNode action(ConfigFields f, String id, String person) {
            ActionKind kind = f.requiredChoice("action", ActionKind.class);
            Map<String, String> outcomes = new LinkedHashMap<>();
            MapNode map = requiredMap(f, "outcomes");
            if (kind == null || map == null) {
                return new MenuNode.Action(id, person, kind, outcomes);
            }
            for (String r : kind.reads()) {
                reads.add(new Read(r, f.value("action"), f.what() + " (" + kind.spelling() + ")"));
            }
            written.addAll(kind.produces());
            List<String> allowed = new ArrayList<>(kind.outcomes());
            allowed.add(ActionKind.OTHER);
            for (String key : map.keys()) {
                if (!allowed.contains(key)) {
                    f.report(map.keyNode(key), "action " + kind.spelling() + " has no outcome '" + key + "'; it has "
                            + String.join(", ", kind.outcomes()) + suggestion(key, allowed));
                    continue;
                }
                String to = nodeRefAt(f, map.get(key), "outcome " + key, id);
                if (to != null) {
                    outcomes.put(key, to);
                }
            }
            if (!map.has(ActionKind.OTHER)) {
                List<String> open = new ArrayList<>();
                for (String o : kind.outcomes()) {
                    if (!map.has(o)) {
                        open.add(o);
                    }
                }
                if (!open.isEmpty()) {
                    f.report(f.keyNode("outcomes"), "outcomes must say where " + String.join(", ", open)
                            + " lead" + (open.size() == 1 ? "s" : "") + " (or give other)");
                }
            }
            return new MenuNode.Action(id, person, kind, outcomes);
        }

        private MenuNode transfer(ConfigFields f, String id, String person) {
            MenuNode.Target target = target(f);
            Map<String, MenuNode.Target> byLanguage = new LinkedHashMap<>();
            MapNode map = f.map("languages");
            if (map != null) {
                for (String l : map.keys()) {
                    if (!languages.contains(l)) {
                        f.report(map.keyNode(l), "unknown language '" + l + "'" + suggestion(l, languages));
                        continue;
                    }
                    ConfigFields lf = ConfigFields.of(map.get(l), f.what() + " in '" + l + "'", problems);
                    lf.allowOnly(TARGET_KEYS);
                    MenuNode.Target t = target(lf);
                    if (t != null) {
                        byLanguage.put(l, t);
                    }
                }
            }
            return new MenuNode.Transfer(id, person, promptRef(f, "prompt", false), target, byLanguage);
        }

        private MenuNode.Target target(ConfigFields f) {
            String queue = f.name("queue");
            if (queue != null && !queues.contains(queue)) {
                f.report(f.value("queue"), "unknown queue '" + queue + "'" + suggestion(queue, queues));
            }
            List<String> required = new ArrayList<>();
            ListNode list = f.list("skills");
            if (list != null) {
                for (ConfigNode item : list.items()) {
                    String skill = f.nameOf(item, "each skill");
                    if (skill == null) {
                        continue;
                    }
                    if (!skills.contains(skill)) {
                        f.report(item, "unknown skill '" + skill + "'" + suggestion(skill, skills));
                    } else if (required.contains(skill)) {
                        f.report(item, "skill '" + skill + "' is listed twice");
                    } else {
                        required.add(skill);
                    }
                }
            }
            return queue == null ? null : new MenuNode.Target(queue, required);
        }

        // ---- references

        private MapNode requiredMap(ConfigFields f, String key) {
            if (!f.has(key)) {
                f.reportMissing(key);
                return null;
            }
            MapNode map = f.map(key);
            if (map != null && map.isEmpty()) {
                f.report(map, key + " must not be empty");
            }
            return map;
        }

        /** A node id under {@code key}, checked; {@code from} (a node id) gets an edge to it. */
        private String nodeRef(ConfigFields f, String key, boolean required, String from) {
            ConfigNode v = f.value(key);
            if (v == null) {
                if (required) {
                    f.reportMissing(key);
                }
                return null;
            }
            return nodeRefAt(f, v, key, from);
        }

        private String nodeRefAt(ConfigFields f, ConfigNode v, String label, String from) {
            String id = f.nameOf(v, label);
            if (id == null) {
                return null;
            }
            if (!nodeIds.contains(id)) {
                f.report(v, label + " names unknown node '" + id + "'" + suggestion(id, nodeIds));
                return null;
            }
            if (from != null && edges.containsKey(from)) {
                edges.get(from).add(id);
            }
            return id;
        }

        private String promptRef(ConfigFields f, String key, boolean required) {
            ConfigNode v = f.value(key);
            if (v == null) {
                if (required) {
                    f.reportMissing(key);
                }
                return null;
            }
            return promptRefAt(f, v, key);
        }

        private String promptRefAt(ConfigFields f, ConfigNode v, String label) {
            String name = f.nameOf(v, label);
            if (name == null) {
                return null;
            }
            if (!promptNames.contains(name)) {
                if (promptsReliable) {
                    f.report(v, label + " names unknown prompt '" + name + "'" + suggestion(name, promptNames));
                }
                return null;
            }
            return name;
        }

        // ---- whole-menu checks

        /** Every node must be reachable from an entry point; and 0 stays a person's key wherever a call goes. */
        private void reachable(String start, String survey, String person, Identity identity,
                               java.util.Collection<String> entries) {
            List<String> roots = new ArrayList<>(entries);
            roots.add(start);
            roots.add(person);
            if (identity != null) {
                // account business leads there
                roots.add(identity.node());
            }
            Set<String> fromCall = walk(roots.toArray(String[]::new));
            Set<String> all = new HashSet<>(fromCall);
            all.addAll(walk(survey));
            for (Map.Entry<String, ConfigNode> e : nodeAt.entrySet()) {
                if (!all.contains(e.getKey())) {
                    problems.add(e.getValue(), "node '" + e.getKey() + "' is never reached from start"
                            + (survey != null ? ", survey" : "") + " or person");
                }
            }
            for (Map.Entry<String, ConfigNode> e : zeroKeys.entrySet()) {
                if (fromCall.contains(e.getKey())) {
                    problems.add(e.getValue(), "node '" + e.getKey() + "': key 0 is kept for a person from anywhere "
                            + "in a call; use another key");
                }
            }
        }

        private Set<String> walk(String... roots) {
            Set<String> seen = new LinkedHashSet<>();
            ArrayDeque<String> toVisit = new ArrayDeque<>();
            for (String r : roots) {
                if (r != null) {
                    toVisit.add(r);
                }
            }
            while (!toVisit.isEmpty()) {
                String id = toVisit.poll();
                if (seen.add(id)) {
                    toVisit.addAll(edges.getOrDefault(id, Set.of()));
                }
            }
            return seen;
        }

        /** A variable read but never written would be said as nothing, or sent to self-service empty. */
        private void checkReads() {
            for (Read r : reads) {
                if (!written.contains(r.variable())) {
                    problems.add(r.at(), r.what() + " reads variable '" + r.variable()
                            + "', which nothing sets" + suggestion(r.variable(), written));
                }
            }
        }
    }

    /**
     * {@code " (did you mean 'x'?)"} for the candidate nearest to {@code given} when it is close
     * enough to be a typo, else empty; the same wording as the routing file's errors.
     */
    static String suggestion(String given, Collection<String> candidates) {
        return Names.suggestion(given, candidates);
    }
}
