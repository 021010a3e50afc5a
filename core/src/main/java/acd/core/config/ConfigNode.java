package acd.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed YAML document that remembers where each value was written. Jackson's own tree
 * forgets positions once built, and every configuration error must name file, line and column,
 * so the tree is built here from the streaming parser.
 *
 * <p>Each node knows its source name, 1-based line and column, and its path from the document
 * root ({@code queues[2].requiredSkills[0]}; the root's path is empty).
 */
public abstract sealed class ConfigNode permits ConfigNode.MapNode, ConfigNode.ListNode, ConfigNode.ScalarNode {

    // `key:` with nothing after it is absent, not an empty name; yes/no/on/off are words, as a
    // skill or reason named "no" should be (true and false stay booleans)
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();

    private final String source;
    private final int line;
    private final int column;
    private final String path;

    ConfigNode(String source, int line, int column, String path) {
        this.source = source;
        this.line = line;
        this.column = column;
        this.path = path;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String path() {
        return path;
    }

    /** {@code source:line:column}, the prefix of an error about this node. */
    public String where() {
        return source + ":" + line + ":" + column;
    }

    /** An error about this node, to throw. */
    public ConfigError error(String reason) {
        return new ConfigError(source, line, column, reason);
    }

    /** How a person would call this value in an error: {@code a list}, {@code 'abc'}, {@code 12}. */
    public abstract String describe();

    public MapNode asMap() {
        if (this instanceof MapNode m) {
            return m;
        }
        throw error(label() + "expected a map (key: value), found " + describe());
    }

    public ListNode asList() {
        if (this instanceof ListNode l) {
            return l;
        }
        throw error(label() + "expected a list, found " + describe());
    }

    public ScalarNode asScalar() {
        if (this instanceof ScalarNode s) {
            return s;
        }
        throw error(label() + "expected a single value, found " + describe());
    }

    private String label() {
        return path.isEmpty() ? "" : path + ": ";
    }

    /**
     * Parses one YAML document.
     *
     * @param source the name errors should use, usually the file's path
     * @return the root; an empty file or document is an empty map
     * @throws ConfigError with every problem found: unparsable YAML, duplicate keys, aliases
     */
    public static ConfigNode parse(String source, String text) {
        ConfigProblems problems = new ConfigProblems(List.of(source));
        ConfigNode root = parse(source, text, problems);
        problems.throwIfAny();
        return root;
    }

    /**
     * As {@link #parse(String, String)}, reporting into {@code problems}, so a loader can go on
     * checking what did parse and report everything at once; null when the text is not YAML.
     */
    public static ConfigNode parse(String source, String text, ConfigProblems problems) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return MapNode.empty(source);
            }
            ConfigNode root = new Builder(source, parser, problems).read("");
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(source, at.getLineNr(), at.getColumnNr(),
                        "a second YAML document ('---') in one file; put everything in one document");
                return null;
            }
            if (root instanceof ScalarNode s && s.isNull()) {
                return MapNode.empty(source);
            }
            return root;
        } catch (JsonProcessingException e) {
            reportSyntax(source, e, problems);
            return null;
        } catch (IOException e) {
            // reading a String cannot fail for I/O reasons; whatever it was, the text is unusable
            problems.add(source, 1, 1, "cannot read YAML: " + e.getMessage());
            return null;
        }
    }

    private static void reportSyntax(String source, JsonProcessingException e, ConfigProblems problems) {
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
            // Jackson's own location for these is sometimes the context's, not the problem's
            Mark problem = y.getProblemMark();
            StringBuilder reason = new StringBuilder("invalid YAML: ").append(y.getProblem());
            Mark context = y.getContextMark();
            if (y.getContext() != null) {
                reason.append(" (").append(y.getContext());
                if (context != null && (context.getLine() != problem.getLine() || context.getColumn() != problem.getColumn())) {
                    reason.append(" that starts at line ").append(context.getLine() + 1)
                            .append(", column ").append(context.getColumn() + 1);
                }
                reason.append(')');
            }
            problems.add(source, problem.getLine() + 1, problem.getColumn() + 1, reason.toString());
            return;
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int column = at == null ? 1 : Math.max(1, at.getColumnNr());
        problems.add(source, line, column, "invalid YAML: " + e.getOriginalMessage());
    }

    private static final class Builder {
        private final String source;
        private final JsonParser parser;
        private final ConfigProblems problems;

        Builder(String source, JsonParser parser, ConfigProblems problems) {
            this.source = source;
            this.parser = parser;
            this.problems = problems;
        }

        /** Reads the value at the current token, leaving the parser on its last token. */
        ConfigNode read(String path) throws IOException {
            JsonLocation at = parser.currentTokenLocation();
            int line = at.getLineNr();
            int column = at.getColumnNr();
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT: {
                    Map<String, ConfigNode> values = new LinkedHashMap<>();
                    Map<String, ScalarNode> keys = new LinkedHashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        JsonLocation keyAt = parser.currentTokenLocation();
                        String childPath = path.isEmpty() ? name : path + "." + name;
                        ScalarNode key = new ScalarNode(source, keyAt.getLineNr(), keyAt.getColumnNr(), childPath,
                                ScalarNode.Kind.STRING, name, null);
                        parser.nextToken();
                        ConfigNode value = read(childPath);
                        ScalarNode first = keys.get(name);
                        if (first != null) {
                            problems.add(key, "duplicate key '" + name + "' (first at line " + first.line() + ")");
                        } else {
                            keys.put(name, key);
                            values.put(name, value);
                        }
                    }
                    return new MapNode(source, line, column, path, values, keys);
                }
                case START_ARRAY: {
                    List<ConfigNode> items = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        items.add(read(path + "[" + items.size() + "]"));
                    }
                    return new ListNode(source, line, column, path, items);
                }
                default:
                    return scalar(token, path, line, column);
            }
        }

        private ScalarNode scalar(JsonToken token, String path, int line, int column) throws IOException {
            String text = parser.getText();
            if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
                problems.add(source, line, column, "YAML aliases (*" + text + ") are not supported; write the value out");
                return new ScalarNode(source, line, column, path, ScalarNode.Kind.NULL, "", null);
            }
            switch (token) {
                case VALUE_NUMBER_INT:
                    return new ScalarNode(source, line, column, path, ScalarNode.Kind.INTEGER, text, parser.getNumberValue());
                case VALUE_NUMBER_FLOAT:
                    return new ScalarNode(source, line, column, path, ScalarNode.Kind.DECIMAL, text, parser.getDoubleValue());
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return new ScalarNode(source, line, column, path, ScalarNode.Kind.BOOLEAN, text, null);
                case VALUE_NULL:
                    return new ScalarNode(source, line, column, path, ScalarNode.Kind.NULL, text == null ? "" : text, null);
                default:
                    return new ScalarNode(source, line, column, path, ScalarNode.Kind.STRING, text, null);
            }
        }
    }

    /** A YAML mapping; keys keep the order they were written in. */
    public static final class MapNode extends ConfigNode {
        private final Map<String, ConfigNode> values;
        private final Map<String, ScalarNode> keys;

        MapNode(String source, int line, int column, String path, Map<String, ConfigNode> values,
                Map<String, ScalarNode> keys) {
            super(source, line, column, path);
            this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        static MapNode empty(String source) {
            return new MapNode(source, 1, 1, "", Map.of(), Map.of());
        }

        /** The value under {@code key}, or null when the key is absent. */
        public ConfigNode get(String key) {
            return values.get(key);
        }

        /** Where {@code key} itself is written, or null when absent; errors about a key point here. */
        public ScalarNode keyNode(String key) {
            return keys.get(key);
        }

        public boolean has(String key) {
            return values.containsKey(key);
        }

        public Set<String> keys() {
            return values.keySet();
        }

        public Map<String, ConfigNode> values() {
            return values;
        }

        public int size() {
            return values.size();
        }

        public boolean isEmpty() {
            return values.isEmpty();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A YAML sequence. */
    public static final class ListNode extends ConfigNode {
        private final List<ConfigNode> items;

        ListNode(String source, int line, int column, String path, List<ConfigNode> items) {
            super(source, line, column, path);
            this.items = List.copyOf(items);
        }

        public List<ConfigNode> items() {
            return items;
        }

        public ConfigNode get(int index) {
            return items.get(index);
        }

        public int size() {
            return items.size();
        }

        public boolean isEmpty() {
            return items.isEmpty();
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A single YAML value; {@link #text()} is as written (e.g. {@code 007} stays {@code 007}). */
    public static final class ScalarNode extends ConfigNode {
        /** What YAML made of the value. */
        public enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

        private final Kind kind;
        private final String text;
        private final Number number;

        ScalarNode(String source, int line, int column, String path, Kind kind, String text, Number number) {
            super(source, line, column, path);
            this.kind = kind;
            this.text = text;
            this.number = number;
        }

        public Kind kind() {
            return kind;
        }

        public String text() {
            return text;
        }

        /** The value of an INTEGER ({@code Integer}, {@code Long} or {@code BigInteger}) or DECIMAL ({@code Double}); else null. */
        public Number number() {
            return number;
        }

        public boolean isNull() {
            return kind == Kind.NULL;
        }

        @Override
        public String describe() {
            switch (kind) {
                case STRING:
                    return "'" + text + "'";
                case NULL:
                    return "nothing";
                case BOOLEAN:
                    return "the yes/no value " + text;
                default:
                    return text;
            }
        }
    }
}
