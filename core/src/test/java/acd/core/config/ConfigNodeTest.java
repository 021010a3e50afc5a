package acd.core.config;

import acd.core.config.ConfigNode.ListNode;
import acd.core.config.ConfigNode.MapNode;
import acd.core.config.ConfigNode.ScalarNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigNodeTest {

    private static final String QUEUES = """
            queues:
              - id: billing
                requiredSkills: [billing, english]
              - {id: general, thresholdSeconds: 20}
            """;

    @Test
    void recordsSourceLineColumnAndPathOfEveryNode() {
        MapNode root = ConfigNode.parse("q.yaml", QUEUES).asMap();
        ListNode queues = root.get("queues").asList();
        MapNode billing = queues.get(0).asMap();
        ConfigNode english = billing.get("requiredSkills").asList().get(1);

        assertEquals("q.yaml", english.source());
        assertEquals(3, english.line());
        assertEquals(31, english.column());
        assertEquals("queues[0].requiredSkills[1]", english.path());
        assertEquals("q.yaml:3:31", english.where());

        assertEquals(2, billing.line());
        assertEquals("queues[0]", billing.path());
        ConfigNode threshold = queues.get(1).asMap().get("thresholdSeconds");
        assertEquals(4, threshold.line());
        assertEquals("queues[1].thresholdSeconds", threshold.path());
    }

    @Test
    void pointsKeysAtWhereTheKeyIsWritten() {
        MapNode root = ConfigNode.parse("q.yaml", QUEUES).asMap();
        ScalarNode key = root.get("queues").asList().get(1).asMap().keyNode("thresholdSeconds");
        assertEquals(4, key.line());
        assertEquals(19, key.column());
    }

    @Test
    void keepsScalarsAsWrittenWithWhatYamlMadeOfThem() {
        MapNode root = ConfigNode.parse("s.yaml", "a: 007\nb: '12'\nc: 1.5\nd: true\ne:\nf: no\ng: ''\n").asMap();
        ScalarNode a = root.get("a").asScalar();
        assertEquals(ScalarNode.Kind.INTEGER, a.kind());
        assertEquals("007", a.text());
        assertEquals(ScalarNode.Kind.STRING, root.get("b").asScalar().kind());
        assertEquals(ScalarNode.Kind.DECIMAL, root.get("c").asScalar().kind());
        assertEquals(ScalarNode.Kind.BOOLEAN, root.get("d").asScalar().kind());
        assertTrue(root.get("e").asScalar().isNull());
        assertEquals(ScalarNode.Kind.STRING, root.get("f").asScalar().kind(), "yes/no words are text");
        assertEquals(ScalarNode.Kind.STRING, root.get("g").asScalar().kind(), "a quoted empty value is text");
    }

    @Test
    void readsAnEmptyFileAsAnEmptyMap() {
        assertTrue(ConfigNode.parse("e.yaml", "").asMap().isEmpty());
        assertTrue(ConfigNode.parse("e.yaml", "# only a comment\n").asMap().isEmpty());
    }

    @Test
    void rejectsUnparsableYamlAtTheParsersPosition() {
        ConfigError e = assertThrows(ConfigError.class, () -> ConfigNode.parse("bad.yaml", "skills: [a, b\nqueues: 1\n"));
        assertEquals("bad.yaml", e.source());
        assertEquals(2, e.line());
        assertTrue(e.reason().startsWith("invalid YAML: "), e.reason());
        assertTrue(e.reason().contains("line 1, column 9"), e.reason());
    }

    @Test
    void rejectsTabIndentationWithLine() {
        ConfigError e = assertThrows(ConfigError.class, () -> ConfigNode.parse("t.yaml", "a: 1\n\tb: 2\n"));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("TAB"), e.reason());
    }

    @Test
    void rejectsDuplicateKeyNamingTheFirst() {
        ConfigError e = assertThrows(ConfigError.class, () -> ConfigNode.parse("d.yaml", "a: 1\nb: 2\na: 3\n"));
        assertEquals(3, e.line());
        assertEquals("duplicate key 'a' (first at line 1)", e.reason());
    }

    @Test
    void rejectsAliasesRatherThanReadingTheAnchorName() {
        ConfigError e = assertThrows(ConfigError.class, () -> ConfigNode.parse("a.yaml", "a: &x 1\nb: *x\n"));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("aliases"), e.reason());
    }

    @Test
    void rejectsASecondDocumentInOneFile() {
        ConfigError e = assertThrows(ConfigError.class, () -> ConfigNode.parse("m.yaml", "a: 1\n---\nb: 2\n"));
        assertEquals(3, e.line());
    }

    @Test
    void typedAccessorsNameTheNodeAndWhatWasFound() {
        ConfigNode node = ConfigNode.parse("q.yaml", QUEUES).asMap().get("queues");
        ConfigError e = assertThrows(ConfigError.class, node::asMap);
        assertEquals(2, e.line());
        assertEquals("queues: expected a map (key: value), found a list", e.reason());
        assertInstanceOf(ListNode.class, node);
    }
}
