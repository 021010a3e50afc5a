package acd.ivr.store;

import acd.core.metrics.TrafficField;
import acd.ivr.report.ComplaintTally;
import acd.ivr.report.StoredInterval;
import acd.ivr.report.SurveyTally;
import acd.ivr.report.TrafficIntervals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The 15-minute intervals in table {@code traffic_interval}, one column per {@link TrafficField},
 * and the survey answers and complaints counted by the interval they came in. A save updates the
 * rows that are there and inserts the others, in one transaction: the same SQL on H2 and
 * PostgreSQL, and only one writer (the server's interval keeper) at a time.
 */
final class JdbcTrafficIntervals implements TrafficIntervals {
    static final long INTERVAL_MS = 15 * 60_000L;

    private static final List<TrafficField> FIELDS = List.of(TrafficField.values());
    private static final String COUNT_COLUMNS = FIELDS.stream().map(TrafficField::column)
            .collect(Collectors.joining(", "));
    private static final String SELECT = "SELECT start_ms, queue, tier, brand, " + COUNT_COLUMNS
            + " FROM traffic_interval WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms, queue, tier, brand";
    private static final String UPDATE = "UPDATE traffic_interval SET "
            + FIELDS.stream().map(f -> f.column() + " = ?").collect(Collectors.joining(", "))
            + " WHERE start_ms = ? AND queue = ? AND tier = ? AND brand = ?";
    private static final String INSERT = "INSERT INTO traffic_interval (" + COUNT_COLUMNS
            + ", start_ms, queue, tier, brand) VALUES ("
            + Stream.generate(() -> "?").limit(FIELDS.size() + 4L).collect(Collectors.joining(", ")) + ")";

    private final Supplier<Transactions> tx;

    JdbcTrafficIntervals(Supplier<Transactions> tx) {
        this.tx = tx;
    }

    @Override
    public List<StoredInterval> intervals(long fromMs, long toMs) {
        return tx.get().read("read the intervals", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT)) {
                s.setLong(1, fromMs);
                s.setLong(2, toMs);
                List<StoredInterval> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long[] counts = new long[FIELDS.size()];
                        for (int i = 0; i < counts.length; i++) {
                            counts[i] = r.getLong(5 + i);
                        }
                        out.add(new StoredInterval(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), counts));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void save(Collection<StoredInterval> intervals) {
        if (intervals.isEmpty()) {
            return;
        }
        tx.get().run("save " + intervals.size() + " intervals", c -> {
            List<StoredInterval> missing = update(c, intervals);
            insert(c, missing);
            return null;
        });
    }

    /** Updates the rows there are; returns the intervals that had none. */
    private static List<StoredInterval> update(Connection c, Collection<StoredInterval> intervals) throws SQLException {
        List<StoredInterval> ordered = new ArrayList<>(intervals);
        List<StoredInterval> missing = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            for (StoredInterval interval : ordered) {
                bind(s, interval);
                s.addBatch();
            }
            int[] updated = s.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                // SUCCESS_NO_INFO (-2) would say nothing; both drivers give the count for an UPDATE.
                if (updated[i] == 0) {
                    missing.add(ordered.get(i));
                }
            }
        }
        return missing;
    }

    private static void insert(Connection c, List<StoredInterval> intervals) throws SQLException {
        if (intervals.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (StoredInterval interval : intervals) {
                bind(s, interval);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The counts first, then the key: the order both statements take them in. */
    private static void bind(PreparedStatement s, StoredInterval interval) throws SQLException {
        long[] counts = interval.counts();
        for (int i = 0; i < counts.length; i++) {
            s.setLong(1 + i, counts[i]);
        }
        s.setLong(counts.length + 1, interval.startMs());
        s.setString(counts.length + 2, interval.queue());
        s.setString(counts.length + 3, interval.tier());
        s.setString(counts.length + 4, interval.brand());
    }

    @Override
    public List<SurveyTally> surveys(long fromMs, long toMs) {
        String sql = "SELECT (at_ms / " + INTERVAL_MS + ") * " + INTERVAL_MS + " AS start_ms, queue, tier, brand,"
                + " agent, COUNT(*), SUM(CASE WHEN rating > 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN rating >= 4 THEN 1 ELSE 0 END), SUM(rating)"
                + " FROM survey_response WHERE at_ms >= ? AND at_ms < ?"
                + " GROUP BY (at_ms / " + INTERVAL_MS + ") * " + INTERVAL_MS + ", queue, tier, brand, agent"
                // NULLs sort first on H2 and last on PostgreSQL: as empty text, the same on both
                + " ORDER BY start_ms, COALESCE(queue, ''), COALESCE(tier, ''), COALESCE(brand, ''),"
                + " COALESCE(agent, '')";
        return tx.get().read("read the survey answers", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, fromMs);
                s.setLong(2, toMs);
                List<SurveyTally> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new SurveyTally(r.getLong(1), orEmpty(r.getString(2)), orEmpty(r.getString(3)),
                                orEmpty(r.getString(4)), orEmpty(r.getString(5)), r.getLong(6), r.getLong(7),
                                r.getLong(8), r.getLong(9)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<ComplaintTally> complaints(long fromMs, long toMs) {
        String sql = "SELECT (created_ms / " + INTERVAL_MS + ") * " + INTERVAL_MS + " AS start_ms, queue, tier, brand,"
                + " COUNT(*) FROM work_order WHERE order_kind = 'COMPLAINT' AND created_ms >= ? AND created_ms < ?"
                + " GROUP BY (created_ms / " + INTERVAL_MS + ") * " + INTERVAL_MS + ", queue, tier, brand"
                + " ORDER BY start_ms, COALESCE(queue, ''), COALESCE(tier, ''), COALESCE(brand, '')";
        return tx.get().read("read the complaints", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, fromMs);
                s.setLong(2, toMs);
                List<ComplaintTally> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new ComplaintTally(r.getLong(1), orEmpty(r.getString(2)), orEmpty(r.getString(3)),
                                orEmpty(r.getString(4)), r.getLong(5)));
                    }
                }
                return out;
            }
        });
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
