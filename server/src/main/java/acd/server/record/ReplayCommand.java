package acd.server.record;

import java.io.IOException;
import java.nio.file.Path;

/** {@code ./acd replay FILE}: replays a recording made with {@code ./acd serve --record FILE}. */
public final class ReplayCommand {
    private static final String USAGE = """
            usage: ./acd replay FILE [--out DIR] [--speed F]
              FILE        a recording made with ./acd serve --record FILE
              --out DIR   where the replay writes queue_log, directives and queues.json (default FILE.replay)
              --speed F   publish the events through the engine ring F times faster than recorded
                          (default: apply them as fast as they can be read)
            Exit status 0 when every directive is the recorded one, 1 when one differs, 2 on bad input.
            """;

    private ReplayCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path file = null;
        Path out = null;
        double speed = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--speed" -> {
                        String v = value(args, ++i);
                        try {
                            speed = Double.parseDouble(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--speed wants a number, not '" + v + "'");
                        }
                        if (!(speed > 0) || Double.isInfinite(speed)) {
                            throw new IllegalArgumentException("--speed wants a number above 0, not '" + v + "'");
                        }
                    }
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> {
                        if (args[i].startsWith("-") || file != null) {
                            throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                        }
                        file = Path.of(args[i]);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("which recording?");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("acd replay: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        Path outDir = out != null ? out : Path.of(file + ".replay");
        Replay.Result result;
        try {
            result = Replay.run(file, outDir, speed);
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("acd replay: " + e.getFile() + ": no such file");
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("acd replay: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf("replayed %d inputs%s; %d directives, %s%n  %s%n  %s%n  %s%n", result.inputs(),
                result.cutShort() ? " (the recording ends in a record cut short)" : "", result.directives(),
                result.identical() ? "every one as recorded" : "DIFFERENT from the recording at " + result.divergence(),
                result.queueLog(), result.directivesFile(), result.queuesFile());
        System.exit(result.identical() ? 0 : 1);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
