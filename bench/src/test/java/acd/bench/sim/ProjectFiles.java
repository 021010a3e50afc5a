package acd.bench.sim;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files the tests read from outside the module: scenarios in {@code config/}, reference data. */
final class ProjectFiles {
    private ProjectFiles() {
    }

    /**
     * The file at {@code relative} in the working directory (tests run in {@code bench/}) or the
     * nearest directory above it that has one.
     */
    static Path find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find " + relative + " in or above " + Path.of("").toAbsolutePath());
    }

    static Path scenario(String fileName) {
        return find("config/scenarios/" + fileName);
    }
}
