package acd.ivr.menu;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked menu definition (see {@link IvrMenuLoader}): languages, prompts, nodes and the
 * entry points. Immutable and shared; each call gets its own {@link IvrCall}.
 */
public final class IvrMenu {
    private final List<String> languages;
    private final Map<String, Map<String, String>> prompts;
    private final Map<String, MenuNode> nodes;
    private final String start;
    private final Map<String, String> entryPoints;
    private final String survey;
    private final String person;
    private final Identity identity;

    /**
     * @param prompts prompt name to sound per language, complete for every language
     * @param survey  the survey's first node, or null when the menu has no survey
     * @param person  where {@code 0} leads unless a node on the way names another
     * @param identity how callers are identified for account business, or null: account
     *                 business then acts only on the calling phone's own account, without a PIN
     */
    IvrMenu(List<String> languages, Map<String, Map<String, String>> prompts, Map<String, MenuNode> nodes,
            String start, Map<String, String> entryPoints, String survey, String person, Identity identity) {
        this.languages = List.copyOf(languages);
        this.prompts = Map.copyOf(prompts);
        this.nodes = Map.copyOf(nodes);
        this.start = start;
        this.entryPoints = Map.copyOf(entryPoints);
        this.survey = survey;
        this.person = person;
        this.identity = identity;
    }

    /** Starts the menu for a caller; the first step is {@link IvrCall#current()}. */
    public IvrCall startCall(Caller caller, long nowMs) {
        return IvrCall.call(this, caller, nowMs, start);
    }

    /** Starts the menu for a caller who dialled {@code dialled}, at its entry point or at the start. */
    public IvrCall startCall(Caller caller, String dialled, long nowMs) {
        return IvrCall.call(this, caller, nowMs, startFor(dialled));
    }

    /** The node a call to {@code dialled} starts at: its entry point, else the start. */
    public String startFor(String dialled) {
        return entryPoints.getOrDefault(dialled == null ? "" : dialled, start);
    }

    /** Whether {@code dialled} is one of the numbers the menu names, or the menu names none. */
    public boolean knows(String dialled) {
        return entryPoints.isEmpty() || entryPoints.containsKey(dialled == null ? "" : dialled);
    }

    /** Dialled numbers and the node each starts at. */
    public Map<String, String> entryPoints() {
        return entryPoints;
    }

    /** Starts the post-call survey. */
    public IvrCall startSurvey(SurveyCaller caller, long nowMs) {
        if (survey == null) {
            throw new IllegalStateException("this menu has no survey");
        }
        return IvrCall.survey(this, caller, nowMs);
    }

    public boolean hasSurvey() {
        return survey != null;
    }

    /** The languages, the default first. */
    public List<String> languages() {
        return languages;
    }

    public boolean speaks(String language) {
        return language != null && languages.contains(language);
    }

    public MenuNode node(String id) {
        MenuNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node '" + id + "'");
        }
        return n;
    }

    public Map<String, MenuNode> nodes() {
        return nodes;
    }

    /** Every prompt's name, used by a node or not. */
    public Set<String> prompts() {
        return prompts.keySet();
    }

    /** The sound a prompt plays in a language. */
    public String sound(String prompt, String language) {
        return prompts.get(prompt).get(language);
    }

    public String start() {
        return start;
    }

    /** The survey's first node, or null. */
    public String survey() {
        return survey;
    }

    public String person() {
        return person;
    }

    /** How callers are identified for account business, or null when only their own phone counts. */
    public Identity identity() {
        return identity;
    }
}
