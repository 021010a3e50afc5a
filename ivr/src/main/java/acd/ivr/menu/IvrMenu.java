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
    private final String survey;
    private final String person;

    /**
     * @param prompts prompt name to sound per language, complete for every language
     * @param survey  the survey's first node, or null when the menu has no survey
     * @param person  where {@code 0} leads unless a node on the way names another
     */
    IvrMenu(List<String> languages, Map<String, Map<String, String>> prompts, Map<String, MenuNode> nodes,
            String start, String survey, String person) {
        this.languages = List.copyOf(languages);
        this.prompts = Map.copyOf(prompts);
        this.nodes = Map.copyOf(nodes);
        this.start = start;
        this.survey = survey;
        this.person = person;
    }

    /** Starts the menu for a caller; the first step is {@link IvrCall#current()}. */
    public IvrCall startCall(Caller caller, long nowMs) {
        return IvrCall.call(this, caller, nowMs);
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
}
