package acd.ivr.store;

import acd.ivr.task.ReplyOutcome;
import acd.ivr.task.ReplyTask;
import acd.ivr.task.ReplyTaskException;
import acd.ivr.task.ReplyTasks;
import acd.ivr.task.VoicemailMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ReplyTasks} over the store's database. Each step locks the task's row
 * ({@code SELECT ... FOR UPDATE}) and checks it before changing it, so two agents taking the
 * same task at once get one each way: one has it, the other is told who does.
 */
public final class JdbcReplyTasks implements ReplyTasks {
    private static final String COLUMNS = "id, call_id, caller_number, queue, tier, brand, message_file, left_ms,"
            + " due_ms, taken_by, taken_ms, attempts, last_outcome, closed_ms";

    private final Transactions tx;

    JdbcReplyTasks(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public ReplyTask leave(VoicemailMessage m) {
        Objects.requireNonNull(m, "message");
        return tx.run("reply task for call " + m.callId(), c -> {
            Optional<ReplyTask> known = byCall(c, m.callId());
            if (known.isPresent()) {
                return known.get();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO reply_task (call_id, caller_number, queue, tier,"
                    + " brand, message_file, left_ms, due_ms, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                s.setString(1, m.callId());
                s.setString(2, m.callerNumber());
                s.setString(3, m.queue());
                s.setString(4, m.tier());
                s.setString(5, m.brand());
                s.setString(6, m.messageFile());
                s.setLong(7, m.leftMs());
                s.setLong(8, m.dueMs());
                s.executeUpdate();
            }
            ReplyTask task = byCall(c, m.callId()).orElseThrow(() -> new SQLException("the task just written is gone"));
            step(c, task.id(), "left", null, m.leftMs());
            return task;
        });
    }

    @Override
    public List<ReplyTask> open() {
        return tx.read("open reply tasks", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM reply_task WHERE closed_ms IS NULL ORDER BY left_ms, id")) {
                return list(s);
            }
        });
    }

    @Override
    public Optional<ReplyTask> task(long id) {
        return tx.read("reply task " + id, c -> byId(c, id, false));
    }

    @Override
    public ReplyTask take(long id, String agent, long nowMs) {
        Objects.requireNonNull(agent, "agent");
        return tx.run("taking reply task " + id, c -> {
            ReplyTask task = openTask(c, id);
            if (task.takenBy() != null && !task.takenBy().equals(agent)) {
                throw new ReplyTaskException("reply task " + id + " is taken by agent " + task.takenBy());
            }
            if (agent.equals(task.takenBy())) {
                return task;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE reply_task SET taken_by = ?, taken_ms = ? WHERE id = ?")) {
                s.setString(1, agent);
                s.setLong(2, nowMs);
                s.setLong(3, id);
                s.executeUpdate();
            }
            step(c, id, "taken", agent, nowMs);
            return byId(c, id, false).orElseThrow();
        });
    }

    @Override
    public ReplyTask record(long id, String agent, ReplyOutcome outcome, long nowMs) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(outcome, "outcome");
        return tx.run("outcome of reply task " + id, c -> {
            ReplyTask task = openTask(c, id);
            if (!agent.equals(task.takenBy())) {
                throw new ReplyTaskException("reply task " + id + (task.takenBy() == null ? " is not taken"
                        : " is taken by agent " + task.takenBy()) + "; take it before recording an outcome");
            }
            // a callback nobody answered lets the task go, so whoever is free next may try again
            String sql = outcome.closes()
                    ? "UPDATE reply_task SET attempts = attempts + 1, last_outcome = ?, closed_ms = ? WHERE id = ?"
                    : "UPDATE reply_task SET attempts = attempts + 1, last_outcome = ?, taken_by = NULL, taken_ms = NULL"
                    + " WHERE id = ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, outcome.name());
                if (outcome.closes()) {
                    s.setLong(2, nowMs);
                    s.setLong(3, id);
                } else {
                    s.setLong(2, id);
                }
                s.executeUpdate();
            }
            step(c, id, outcome.name().toLowerCase(java.util.Locale.ROOT), agent, nowMs);
            return byId(c, id, false).orElseThrow();
        });
    }

    /** One step of the task's record. */
    public record Step(String step, String agent, long atMs) {
    }

    /** Every step of a task, oldest first. */
    public List<Step> steps(long id) {
        return tx.read("steps of reply task " + id, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT step, agent, at_ms FROM reply_task_step WHERE task_id = ? ORDER BY id")) {
                s.setLong(1, id);
                List<Step> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Step(r.getString(1), r.getString(2), r.getLong(3)));
                    }
                }
                return out;
            }
        });
    }

    private ReplyTask openTask(Connection c, long id) throws SQLException {
        ReplyTask task = byId(c, id, true).orElseThrow(() -> new ReplyTaskException("no reply task " + id));
        if (!task.isOpen()) {
            throw new ReplyTaskException("reply task " + id + " is closed (" + task.lastOutcome().name()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")");
        }
        return task;
    }

    private static void step(Connection c, long id, String step, String agent, long atMs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO reply_task_step (task_id, step, agent, at_ms) VALUES (?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, step);
            if (agent == null) {
                s.setNull(3, Types.VARCHAR);
            } else {
                s.setString(3, agent);
            }
            s.setLong(4, atMs);
            s.executeUpdate();
        }
    }

    private static Optional<ReplyTask> byId(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM reply_task WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            s.setLong(1, id);
            List<ReplyTask> found = list(s);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static Optional<ReplyTask> byCall(Connection c, String callId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM reply_task WHERE call_id = ?")) {
            s.setString(1, callId);
            List<ReplyTask> found = list(s);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<ReplyTask> list(PreparedStatement s) throws SQLException {
        List<ReplyTask> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                VoicemailMessage m = new VoicemailMessage(r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getLong(8), r.getLong(9));
                String outcome = r.getString(13);
                out.add(new ReplyTask(r.getLong(1), m, r.getString(10), r.getLong(11), r.getInt(12),
                        outcome == null ? null : ReplyOutcome.valueOf(outcome), r.getLong(14)));
            }
        }
        return out;
    }
}
