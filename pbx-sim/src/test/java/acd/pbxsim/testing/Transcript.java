package acd.pbxsim.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The captures of a real Asterisk 20 kept as test resources: blocks headed "### +t DIRECTION",
 * AMI lines shown with LF (CRLF on the wire), raw/ holding exact bytes.
 */
public final class Transcript {

    public static final Path DIR = Path.of("src/test/resources/asterisk");

    /** One captured block: who sent it and its lines. */
    public record Block(String direction, List<String> lines) {
        public String first() {
            return lines.isEmpty() ? "" : lines.get(0);
        }

        public boolean isEvent(String name) {
            return first().equals("Event: " + name);
        }

        public String eventName() {
            return first().startsWith("Event: ") ? first().substring(7) : null;
        }

        public List<String> names() {
            List<String> names = new ArrayList<>();
            for (String l : lines) {
                int colon = l.indexOf(':');
                names.add(colon < 0 ? l : l.substring(0, colon));
            }
            return names;
        }

        public String value(String name) {
            for (String l : lines) {
                if (l.startsWith(name + ": ")) {
                    return l.substring(name.length() + 2);
                }
                if (l.equals(name + ":")) {
                    return "";
                }
            }
            return null;
        }

        /** As it went over the wire: CRLF lines and the blank line after. */
        public String wire() {
            return String.join("\r\n", lines) + "\r\n\r\n";
        }
    }

    private Transcript() {
    }

    public static Path path(String file) {
        return DIR.resolve(file);
    }

    public static byte[] raw(String file) {
        try {
            return Files.readAllBytes(DIR.resolve("raw").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Block> blocks(String file) {
        List<String> all;
        try {
            all = Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        String direction = null;
        List<String> lines = new ArrayList<>();
        for (String line : all) {
            if (line.startsWith("### ")) {
                if (direction != null) {
                    blocks.add(new Block(direction, trim(lines)));
                }
                String[] parts = line.split(" ", 3);
                direction = parts.length > 2 ? parts[2].strip() : "";
                lines = new ArrayList<>();
            } else if (direction != null) {
                lines.add(line);
            }
        }
        if (direction != null) {
            blocks.add(new Block(direction, trim(lines)));
        }
        return blocks;
    }

    private static List<String> trim(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isEmpty()) {
            end--;
        }
        return List.copyOf(lines.subList(0, end));
    }

    /** Blocks the PBX sent, from the AMI transcripts. */
    public static List<Block> amiServerBlocks() {
        List<Block> out = new ArrayList<>();
        for (String f : List.of("ami-agi-call.txt", "ami-queue-call.txt", "ami-queue-abandon.txt", "ami-sip-calls.txt")) {
            for (Block b : blocks(f)) {
                if (b.direction().equals("S->C")) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    /** Every header-name sequence each event name has in the captures. */
    public static Map<String, Set<List<String>>> eventShapes() {
        Map<String, Set<List<String>>> shapes = new LinkedHashMap<>();
        for (Block b : amiServerBlocks()) {
            String name = b.eventName();
            if (name != null) {
                shapes.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(b.names());
            }
        }
        return shapes;
    }
}
