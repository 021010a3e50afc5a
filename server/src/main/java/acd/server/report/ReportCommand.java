package acd.server.report;

import acd.core.config.BusinessHoursLoader;
import acd.core.config.ConfigError;
import acd.core.config.ConfigSource;
import acd.core.config.RoutingConfigLoader;
import acd.core.metrics.TrafficField;
import acd.core.metrics.TrafficFigures;
import acd.core.model.RoutingConfig;
import acd.ivr.report.DayRange;
import acd.ivr.report.ReportCsv;
import acd.ivr.report.ReportPeriod;
import acd.ivr.report.ReportRow;
import acd.ivr.report.TrafficReports;
import acd.ivr.selfservice.SelfServiceUnavailableException;
import acd.ivr.store.SelfServiceStore;
import acd.ivr.store.StoreSeed;
import acd.server.AcdServer;
import acd.server.ServerSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./acd report}: the service-level report from the store, or the same counts recomputed
 * from the queue_log and set beside the store's ({@code --from queue_log}).
 */
public final class ReportCommand {
    static final String USAGE = """
            usage: ./acd report [--period day|week|month] [--first DAY] [--last DAY] [--csv] [--config DIR]
                   ./acd report --from queue_log [--queue-log FILE] [--first DAY] [--last DAY] [--config DIR]
              --period P       group the days by day (default), week (Monday to Sunday) or month
              --first, --last  the days to report, YYYY-MM-DD in the hotline's time zone
                               (default: the first of this month to today; with --from queue_log, every
                               day the queue_log has)
              --csv            print the report as CSV instead of a table
              --from queue_log recompute each day's and queue's counts from the queue_log and compare
                               them with the store's: they must agree
              --queue-log FILE the queue_log to read (default: the one config/server.yaml names)
              --config DIR     the configuration (default: config)
            The store is the one config/server.yaml names; the embedded one can be read only while
            no server has it open. Exit status 0 when all is well (with --from queue_log: when both
            ways agree), 1 when they differ or a queue_log line cannot be read, 2 on bad input.
            """;

    private ReportCommand() {
    }

    public static void main(String[] args) {
        // The report is the output, and may be piped into a file as CSV: no log lines among it.
        // What goes wrong is said on stderr by the command itself.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.OFF);
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("acd report: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (options.help) {
            out.print(USAGE);
            return 0;
        }
        try {
            Config config = Config.read(options.configDir);
            try (SelfServiceStore store = SelfServiceStore.open(AcdServer.storeSettings(config.settings.selfService()),
                    new StoreSeed(List.of(), List.of()))) {
                return options.fromQueueLog ? audit(options, config, store, out, err) : report(options, config, store, out);
            }
        } catch (ConfigError e) {
            err.println("acd report: configuration error:\n" + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("acd report: " + e.getMessage());
            return 2;
        } catch (SelfServiceUnavailableException e) {
            err.println("acd report: the store cannot be read (is a server running on the embedded store?): "
                    + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("acd report: no such file: " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("acd report: " + e);
            return 2;
        }
    }

    private static int report(Options options, Config config, SelfServiceStore store, PrintStream out) {
        LocalDate today = LocalDate.now(config.zone);
        DayRange range = DayRange.of(options.first, options.last, today, config.zone);
        List<ReportRow> rows = new TrafficReports(config.routing).read(store.intervals(), options.period, range);
        if (options.csv) {
            out.print(ReportCsv.write(rows));
            return 0;
        }
        out.printf(Locale.ROOT, "%-23s %-22s %8s %8s %7s %7s %7s %9s %7s %7s%n", "days", "scope", "offered",
                "answered", "SL", "answer", "10 s", "abandoned", "ASA", "per 10k");
        for (ReportRow r : rows) {
            TrafficFigures f = r.traffic();
            out.printf(Locale.ROOT, "%-23s %-22s %8d %8d %7s %7s %7s %9d %7s %7s%n",
                    r.from().equals(r.to()) ? r.from() : r.from() + ".." + r.to(),
                    r.scope().equals(TrafficReports.ALL) ? "all" : r.scope() + " " + r.id(), f.offered(), f.answered(),
                    percent(f.serviceLevel()), percent(f.answerRate()), percent(f.answerRate10s()), f.abandoned(),
                    seconds(f.averageSpeedOfAnswerMs() / 1000), r.complaintsPer10k() == null ? "-"
                            : String.format(Locale.ROOT, "%.1f", r.complaintsPer10k()));
        }
        return 0;
    }

    private static int audit(Options options, Config config, SelfServiceStore store, PrintStream out, PrintStream err)
            throws IOException {
        Path file = options.queueLog != null ? options.queueLog : config.settings.queueLog().path();
        QueueLogFigures log = new QueueLogFigures(config.routing, config.zone).read(file);
        TreeMap<QueueLogFigures.Key, long[]> fromLog = new TreeMap<>(log.counts());
        fromLog.keySet().removeIf(k -> !within(k.day(), options));
        if (fromLog.isEmpty() && options.first == null) {
            log.problems().forEach(problem -> err.println("acd report: " + problem));
            out.println("acd report: " + file + " has no calls");
            return log.problems().isEmpty() ? 0 : 1;
        }
        LocalDate first = options.first != null ? options.first : fromLog.firstKey().day();
        LocalDate last = options.last != null ? options.last : fromLog.isEmpty() ? first : fromLog.lastKey().day();
        DayRange range = new DayRange(first, last, config.zone);
        Map<QueueLogFigures.Key, long[]> fromStore = QueueLogAudit.byDayAndQueue(
                store.intervals().intervals(range.startMs(), range.endMs()), config.zone);
        List<QueueLogAudit.Line> lines = QueueLogAudit.compare(fromLog, fromStore);
        out.printf(Locale.ROOT, "%-10s %-12s %-9s %8s %8s %7s %6s %9s %6s %10s %9s %7s %6s %7s%n", "day", "queue",
                "from", "offered", "answered", "within", "10 s", "abandoned", "short", "overflowed", "timed out",
                "refused", "SL", "ASA");
        int differing = 0;
        for (QueueLogAudit.Line line : lines) {
            row(out, line.key(), "queue_log", line.fromLog());
            row(out, line.key(), "store", line.fromStore());
            if (!line.agrees()) {
                differing++;
                out.println("  DIFFERS: " + String.join("; ", line.differences()));
            }
        }
        for (String problem : log.problems()) {
            err.println("acd report: " + problem);
        }
        if (differing > 0) {
            out.println(differing + " of " + lines.size() + " days and queues differ between " + file + " and the store");
            return 1;
        }
        out.println("all " + lines.size() + " days and queues agree between " + file + " and the store"
                + (log.problems().isEmpty() ? "" : " (" + log.problems().size() + " queue_log lines left out)"));
        return log.problems().isEmpty() ? 0 : 1;
    }

    private static boolean within(LocalDate day, Options options) {
        return (options.first == null || !day.isBefore(options.first)) && (options.last == null || !day.isAfter(options.last));
    }

    private static void row(PrintStream out, QueueLogFigures.Key key, String from, long[] c) {
        TrafficFigures f = TrafficFigures.of(c);
        out.printf(Locale.ROOT, "%-10s %-12s %-9s %8d %8d %7d %6d %9d %6d %10d %9d %7d %6s %7s%n", key.day(),
                key.queue(), from, f.offered(), f.answered(), f.answeredWithin(), f.answeredWithin10s(), f.abandoned(),
                f.shortAbandoned(), f.overflowed(), f.timedOut(), f.refused(), percent(f.serviceLevel()),
                seconds(QueueLogAudit.averageSeconds(c)));
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", fraction * 100) : "-";
    }

    private static String seconds(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f s", value) : "-";
    }

    /** The configuration a report needs: the routing, the hotline's time zone, and where its store and log are. */
    private record Config(RoutingConfig routing, ZoneId zone, ServerSettings settings) {
        static Config read(Path dir) throws IOException {
            RoutingConfig routing = RoutingConfigLoader.parse(List.of(source(dir, "routing.yaml"),
                    source(dir, "agents.yaml")));
            Path hours = dir.resolve(BusinessHoursLoader.FILE_NAME);
            ZoneId zone = Files.exists(hours) ? BusinessHoursLoader.parse(source(dir, BusinessHoursLoader.FILE_NAME),
                    routing).zone() : acd.core.model.BusinessHours.ALWAYS_OPEN.zone();
            ServerSettings settings = ServerSettings.parse(dir.resolve("server.yaml").toString(),
                    source(dir, "server.yaml").text());
            return new Config(routing, zone, settings);
        }

        private static ConfigSource source(Path dir, String name) throws IOException {
            Path file = dir.resolve(name);
            try {
                return new ConfigSource(file.toString(), Files.readString(file));
            } catch (NoSuchFileException e) {
                throw new ConfigError(file.toString(), 0, 0, "file not found");
            }
        }
    }

    private static final class Options {
        Path configDir = Path.of("config");
        ReportPeriod period = ReportPeriod.DAY;
        LocalDate first;
        LocalDate last;
        boolean csv;
        boolean fromQueueLog;
        Path queueLog;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> rest = new ArrayList<>(List.of(args));
            for (int i = 0; i < rest.size(); i++) {
                String arg = rest.get(i);
                switch (arg) {
                    case "--config" -> o.configDir = Path.of(value(rest, ++i, arg));
                    case "--period" -> o.period = ReportPeriod.of(value(rest, ++i, arg));
                    case "--first" -> o.first = day(value(rest, ++i, arg), arg);
                    case "--last" -> o.last = day(value(rest, ++i, arg), arg);
                    case "--csv" -> o.csv = true;
                    case "--queue-log" -> o.queueLog = Path.of(value(rest, ++i, arg));
                    case "--from" -> {
                        String source = value(rest, ++i, arg);
                        if (!source.equals("queue_log") && !source.equals("store")) {
                            throw new IllegalArgumentException("--from is queue_log or store, not '" + source + "'");
                        }
                        o.fromQueueLog = source.equals("queue_log");
                    }
                    case "-h", "--help" -> o.help = true;
                    default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
            }
            if (o.first != null && o.last != null && o.last.isBefore(o.first)) {
                throw new IllegalArgumentException("an impossible range: " + o.last + " is before " + o.first);
            }
            return o;
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " wants a value");
            }
            return args.get(i);
        }

        private static LocalDate day(String value, String option) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " wants a day as YYYY-MM-DD, not '" + value + "'");
            }
        }
    }
}
