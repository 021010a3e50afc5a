package acd.cti.agi.codec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code agi_*} header block Asterisk sends when it opens a FastAGI session. Every variable
 * is kept in the order it arrived, unknown ones too; the named getters cover the ones scripts
 * use and return an empty string for a variable Asterisk did not send.
 */
public final class AgiRequest implements AgiMessage {

    private static final String ARGUMENT_PREFIX = "agi_arg_";

    private final Map<String, String> variables;
    private final String scriptPath;
    private final Map<String, List<String>> scriptParameters;
    private final List<String> arguments;

    /** @param variables the header block, names as sent ({@code agi_channel}, ...), in order */
    public AgiRequest(Map<String, String> variables) {
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        String script = scriptWithQuery(this.variables);
        int query = script.indexOf('?');
        String path = query < 0 ? script : script.substring(0, query);
        this.scriptPath = "/" + trimSlashes(path);
        this.scriptParameters = query < 0 ? Map.of() : parseQuery(script.substring(query + 1));
        this.arguments = argumentsOf(this.variables);
    }

    /** Every variable of the header block, in the order Asterisk sent them. */
    public Map<String, String> variables() {
        return variables;
    }

    /** @param name as sent, e.g. {@code agi_enhanced} */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** {@code agi_network_script} as sent: the script name with its query, e.g. {@code ivr?lang=en}. */
    public String networkScript() {
        return get("agi_network_script");
    }

    /** The script name without its query and with one leading slash, e.g. {@code /ivr}. */
    public String scriptPath() {
        return scriptPath;
    }

    /** The query of the script name, decoded; a name given twice keeps every value in order. */
    public Map<String, List<String>> scriptParameters() {
        return scriptParameters;
    }

    /** The first value of one query parameter of the script name. */
    public Optional<String> scriptParameter(String name) {
        List<String> values = scriptParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** {@code agi_arg_1 .. agi_arg_N}: the arguments the dialplan passed after the URL. */
    public List<String> arguments() {
        return arguments;
    }

    /** {@code agi_request}, e.g. {@code agi://127.0.0.1:4573/ivr?lang=en}. */
    public String request() {
        return get("agi_request");
    }

    public String channel() {
        return get("agi_channel");
    }

    public String uniqueId() {
        return get("agi_uniqueid");
    }

    /** The caller's number; Asterisk sends {@code unknown} when there is none. */
    public String callerId() {
        return get("agi_callerid");
    }

    public String callerIdName() {
        return get("agi_calleridname");
    }

    public String context() {
        return get("agi_context");
    }

    public String extension() {
        return get("agi_extension");
    }

    /** The dialplan priority, kept as text: Asterisk sends a number but labels exist in dialplans. */
    public String priority() {
        return get("agi_priority");
    }

    public String language() {
        return get("agi_language");
    }

    /** The channel technology, e.g. {@code SIP}, {@code PJSIP}, {@code Local}. */
    public String type() {
        return get("agi_type");
    }

    /** The Asterisk version that opened the session. */
    public String version() {
        return get("agi_version");
    }

    public String dnid() {
        return get("agi_dnid");
    }

    public String rdnis() {
        return get("agi_rdnis");
    }

    /** Often empty: Asterisk sends the header with no value. */
    public String accountCode() {
        return get("agi_accountcode");
    }

    public String threadId() {
        return get("agi_threadid");
    }

    private String get(String name) {
        return variables.getOrDefault(name, "");
    }

    private static String scriptWithQuery(Map<String, String> variables) {
        String script = variables.get("agi_network_script");
        if (script != null) {
            return script;
        }
        // Without agi_network_script the script name is the path of the agi:// URL.
        String url = variables.getOrDefault("agi_request", "");
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int path = url.indexOf('/', scheme + 3);
        return path < 0 ? "" : url.substring(path + 1);
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    private static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        parameters.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(parameters);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            // A stray '%' in a dialplan is a typo, not a reason to refuse the call.
            return text;
        }
    }

    private static List<String> argumentsOf(Map<String, String> variables) {
        List<String> arguments = new ArrayList<>();
        for (int i = 1; variables.containsKey(ARGUMENT_PREFIX + i); i++) {
            arguments.add(variables.get(ARGUMENT_PREFIX + i));
        }
        return List.copyOf(arguments);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgiRequest that && variables.equals(that.variables);
    }

    @Override
    public int hashCode() {
        return variables.hashCode();
    }

    @Override
    public String toString() {
        return "AgiRequest[" + networkScript() + " on " + channel() + " from " + callerId() + "]";
    }
}
