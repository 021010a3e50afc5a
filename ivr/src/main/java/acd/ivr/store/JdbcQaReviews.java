package acd.ivr.store;

import acd.ivr.qa.AnsweredCall;
import acd.ivr.qa.QaCounts;
import acd.ivr.qa.QaDraw;
import acd.ivr.qa.QaException;
import acd.ivr.qa.QaReviews;
import acd.ivr.qa.QaRules;
import acd.ivr.qa.RecordingAccess;
import acd.ivr.qa.SampledCall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link QaReviews} over the store's database. A day is drawn in one transaction, its
 * {@code qa_day} row first, so a day is drawn once; a score or a redo's close locks the item's
 * row before it checks and changes it.
 */
public final class JdbcQaReviews implements QaReviews {
    static final int MAX_NOTE = 1000;
    private static final String CALL_COLUMNS = "a.id, a.call_id, a.agent, a.queue, a.tier, a.brand, a.caller_number,"
            + " a.connected_ms, a.talk_ms, a.recording";
    private static final String SAMPLE_SELECT = "SELECT s.id, s.sample_day, s.score, s.note, s.scored_by, s.scored_ms, s.redo,"
            + " s.redo_closed_by, s.redo_closed_ms, s.redo_note, " + CALL_COLUMNS
            + " FROM qa_sample s JOIN answered_call a ON a.id = s.answered_id";

    private final Transactions tx;

    JdbcQaReviews(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void answered(AnsweredCall call) {
        Objects.requireNonNull(call, "call");
        tx.run("answered call " + call.callId() + " of agent " + call.agent(), c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM answered_call"
                    + " WHERE call_id = ? AND agent = ? AND connected_ms = ?")) {
                s.setString(1, call.callId());
                s.setString(2, call.agent());
                s.setLong(3, call.connectedMs());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return null;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO answered_call (call_id, agent, queue, tier,"
                    + " brand, caller_number, connected_ms, talk_ms, recording) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, call.callId());
                s.setString(2, call.agent());
                s.setString(3, call.queue());
                setText(s, 4, call.tier());
                setText(s, 5, call.brand());
                setText(s, 6, call.callerNumber());
                s.setLong(7, call.connectedMs());
                s.setLong(8, call.talkMs());
                s.setString(9, call.recording());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<AnsweredCall> call(String callId) {
        return tx.read("answered call " + callId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + CALL_COLUMNS
                    + " FROM answered_call a WHERE a.call_id = ? ORDER BY a.connected_ms, a.id")) {
                s.setString(1, callId);
                List<AnsweredCall> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(answeredCall(r, 1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<SampledCall> draw(LocalDate day, long fromMs, long toMs, QaRules rules, long nowMs) {
        Objects.requireNonNull(rules, "rules");
        return tx.run("quality sample of " + day, c -> {
            if (isDrawn(c, day)) {
                return sampleOf(c, day);
            }
            java.util.Map<AnsweredCall, Long> ids = new java.util.HashMap<>();
            List<AnsweredCall> answered = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + CALL_COLUMNS
                    + " FROM answered_call a WHERE a.connected_ms >= ? AND a.connected_ms < ?")) {
                s.setLong(1, fromMs);
                s.setLong(2, toMs);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        AnsweredCall call = answeredCall(r, 1);
                        ids.put(call, r.getLong(1));
                        answered.add(call);
                    }
                }
            }
            List<AnsweredCall> drawn = QaDraw.draw(answered, day, rules);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO qa_day (sample_day, drawn_ms, sample_percent, seed,"
                    + " answered, sampled) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, day.toString());
                s.setLong(2, nowMs);
                s.setInt(3, rules.samplePercent());
                s.setLong(4, rules.seed());
                s.setInt(5, answered.size());
                s.setInt(6, drawn.size());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO qa_sample (sample_day, answered_id, redo) VALUES (?, ?, FALSE)")) {
                for (AnsweredCall call : drawn) {
                    s.setString(1, day.toString());
                    s.setLong(2, ids.get(call));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return sampleOf(c, day);
        });
    }

    @Override
    public boolean drawn(LocalDate day) {
        return tx.read("quality sample of " + day, c -> isDrawn(c, day));
    }

    @Override
    public QaCounts counts() {
        return tx.read("quality review counts", c -> {
            LocalDate day;
            try (PreparedStatement s = c.prepareStatement("SELECT MAX(sample_day) FROM qa_day");
                 ResultSet r = s.executeQuery()) {
                String latest = r.next() ? r.getString(1) : null;
                day = latest == null ? null : LocalDate.parse(latest);
            }
            long sampled = 0;
            long scored = 0;
            if (day != null) {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*), COUNT(score) FROM qa_sample WHERE sample_day = ?")) {
                    s.setString(1, day.toString());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        sampled = r.getLong(1);
                        scored = r.getLong(2);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM qa_sample WHERE redo = TRUE AND redo_closed_by IS NULL");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return new QaCounts(day, sampled, scored, r.getLong(1));
            }
        });
    }

    @Override
    public List<SampledCall> sample(LocalDate day) {
        return tx.read("quality sample of " + day, c -> sampleOf(c, day));
    }

    @Override
    public Optional<SampledCall> item(long id) {
        return tx.read("quality sample item " + id, c -> byId(c, id, false));
    }

    @Override
    public boolean sampled(String callId) {
        return tx.read("quality sample of call " + callId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM qa_sample s"
                    + " JOIN answered_call a ON a.id = s.answered_id WHERE a.call_id = ?")) {
                s.setString(1, callId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    @Override
    public SampledCall score(long id, String reviewer, int score, String note, QaRules rules, long nowMs) {
        Objects.requireNonNull(reviewer, "reviewer");
        if (score < 0 || score > 100) {
            throw new QaException("a score is 0..100, was " + score);
        }
        String kept = clip(note);
        return tx.run("score of quality sample item " + id, c -> {
            SampledCall item = byId(c, id, true).orElseThrow(() -> new QaException("no quality sample item " + id));
            boolean redo = rules.isRedo(score);
            // A redo a team lead has closed stays closed only while the new score keeps it one.
            boolean keepClosed = redo && item.redo() && item.redoClosedBy() != null;
            try (PreparedStatement s = c.prepareStatement("UPDATE qa_sample SET score = ?, note = ?, scored_by = ?,"
                    + " scored_ms = ?, redo = ?" + (keepClosed ? "" : ", redo_closed_by = NULL, redo_closed_ms = NULL,"
                    + " redo_note = NULL") + " WHERE id = ?")) {
                s.setInt(1, score);
                setText(s, 2, kept);
                s.setString(3, reviewer);
                s.setLong(4, nowMs);
                s.setBoolean(5, redo);
                s.setLong(6, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO qa_score (sample_id, score, note, reviewer, at_ms) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, id);
                s.setInt(2, score);
                setText(s, 3, kept);
                s.setString(4, reviewer);
                s.setLong(5, nowMs);
                s.executeUpdate();
            }
            return byId(c, id, false).orElseThrow();
        });
    }

    /** One score as it was given. */
    public record Score(int score, String note, String reviewer, long atMs) {
    }

    /** Every score an item was given, oldest first. */
    public List<Score> scores(long id) {
        return tx.read("scores of quality sample item " + id, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT score, note, reviewer, at_ms FROM qa_score WHERE sample_id = ? ORDER BY id")) {
                s.setLong(1, id);
                List<Score> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Score(r.getInt(1), r.getString(2), r.getString(3), r.getLong(4)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<SampledCall> openRedos() {
        return tx.read("open redos", c -> {
            try (PreparedStatement s = c.prepareStatement(SAMPLE_SELECT
                    + " WHERE s.redo = TRUE AND s.redo_closed_by IS NULL ORDER BY s.scored_ms, s.id")) {
                return samples(s);
            }
        });
    }

    @Override
    public SampledCall closeRedo(long id, String supervisor, String note, long nowMs) {
        Objects.requireNonNull(supervisor, "supervisor");
        return tx.run("redo of quality sample item " + id, c -> {
            SampledCall item = byId(c, id, true).orElseThrow(() -> new QaException("no quality sample item " + id));
            if (!item.isOpenRedo()) {
                throw new QaException("quality sample item " + id + (item.redo() ? " has its redo closed by "
                        + item.redoClosedBy() : " is not a redo" + (item.isScored() ? " (scored " + item.score() + ")"
                        : " (not scored yet)")));
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE qa_sample SET redo_closed_by = ?, redo_closed_ms = ?,"
                    + " redo_note = ? WHERE id = ?")) {
                s.setString(1, supervisor);
                s.setLong(2, nowMs);
                setText(s, 3, clip(note));
                s.setLong(4, id);
                s.executeUpdate();
            }
            return byId(c, id, false).orElseThrow();
        });
    }

    @Override
    public int forgetUnsampled(long beforeMs) {
        return tx.run("forgetting answered calls before " + beforeMs, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM answered_call WHERE connected_ms < ?"
                    + " AND id NOT IN (SELECT answered_id FROM qa_sample)")) {
                s.setLong(1, beforeMs);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void accessed(RecordingAccess access) {
        Objects.requireNonNull(access, "access");
        tx.run("recording access to call " + access.callId(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO recording_access (call_id, role, who, outcome,"
                    + " detail, at_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, access.callId());
                s.setString(2, access.role());
                s.setString(3, access.who());
                s.setString(4, access.outcome());
                s.setString(5, access.detail().length() > 300 ? access.detail().substring(0, 300) : access.detail());
                s.setLong(6, access.atMs());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<RecordingAccess> accesses(String callId) {
        return tx.read("recording accesses of call " + callId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT call_id, role, who, outcome, detail, at_ms"
                    + " FROM recording_access WHERE call_id = ? ORDER BY id")) {
                s.setString(1, callId);
                List<RecordingAccess> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new RecordingAccess(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getLong(6)));
                    }
                }
                return out;
            }
        });
    }

    private static boolean isDrawn(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM qa_day WHERE sample_day = ?")) {
            s.setString(1, day.toString());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static List<SampledCall> sampleOf(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SAMPLE_SELECT + " WHERE s.sample_day = ? ORDER BY a.agent,"
                + " a.connected_ms, a.call_id")) {
            s.setString(1, day.toString());
            return samples(s);
        }
    }

    private static Optional<SampledCall> byId(Connection c, long id, boolean lock) throws SQLException {
        if (lock) {
            // PostgreSQL refuses FOR UPDATE on the nullable side of a join: lock the item's own row.
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM qa_sample WHERE id = ? FOR UPDATE")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(SAMPLE_SELECT + " WHERE s.id = ?")) {
            s.setLong(1, id);
            List<SampledCall> found = samples(s);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<SampledCall> samples(PreparedStatement s) throws SQLException {
        List<SampledCall> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                int score = r.getInt(3);
                Integer scored = r.wasNull() ? null : score;
                out.add(new SampledCall(r.getLong(1), LocalDate.parse(r.getString(2)), answeredCall(r, 11), scored,
                        r.getString(4), r.getString(5), r.getLong(6), r.getBoolean(7), r.getString(8), r.getLong(9),
                        r.getString(10)));
            }
        }
        return out;
    }

    /** The answered call whose {@link #CALL_COLUMNS} start at column {@code first} (its row id). */
    private static AnsweredCall answeredCall(ResultSet r, int first) throws SQLException {
        return new AnsweredCall(r.getString(first + 1), r.getString(first + 2), r.getString(first + 3),
                r.getString(first + 4), r.getString(first + 5), r.getString(first + 6), r.getLong(first + 7),
                r.getLong(first + 8), r.getString(first + 9));
    }

    private static String clip(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        return note.length() > MAX_NOTE ? note.substring(0, MAX_NOTE) : note;
    }

    private static void setText(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }
}
