package acd.ivr.store;

import acd.ivr.order.NewOrder;
import acd.ivr.order.OrderKind;
import acd.ivr.order.OrderSource;
import acd.ivr.selfservice.SurveyResponse;
import acd.ivr.selfservice.SurveyStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SurveyStore} over the store's database. One answer per call: a second answer for the
 * same call (a retry after a failed write, say) replaces the first.
 *
 * <p>A rating from 1 up to the dissatisfied mark puts the call on the follow-up list, due
 * {@code followUpDueHours} after the survey ended, and opens a follow-up work order for it in the
 * same transaction: about the call the caller rated (the latest call an agent answered for that
 * number, with its agent and recording), so whoever calls back knows what went wrong. A caller who
 * hung up (rating 0) gave no answer: the call counts as not responded and is not put on the list,
 * since there is nothing to say the caller was unhappy.
 */
public final class JdbcSurveyStore implements SurveyStore {
    private static final String COLUMNS = "call_id, caller_number, queue, tier, rating, at_ms, follow_up_due_ms";

    private final Transactions tx;
    private final StoreSettings settings;
    private final JdbcWorkOrders workOrders;

    JdbcSurveyStore(Transactions tx, StoreSettings settings, JdbcWorkOrders workOrders) {
        this.tx = tx;
        this.settings = settings;
        this.workOrders = workOrders;
    }

    @Override
    public void record(SurveyResponse response) {
        Objects.requireNonNull(response.callId(), "callId");
        int rating = response.rating();
        if (rating < 0 || rating > 5) {
            throw new IllegalArgumentException("a rating is 1..5, or 0 for no answer; got " + rating);
        }
        boolean dissatisfied = dissatisfied(rating);
        Long dueMs = dissatisfied ? response.atMs() + settings.followUpDueMs() : null;
        tx.run("survey answer for call " + response.callId(), c -> {
            Optional<SurveyResponse> before = find(c, response.callId());
            boolean followedBefore = before.isPresent() && dissatisfied(before.get().rating());
            RatedCall rated = ratedCall(c, response);
            String sql = before.isPresent()
                    ? "UPDATE survey_response SET caller_number = ?, queue = ?, tier = ?, rating = ?, at_ms = ?,"
                    + " follow_up_due_ms = ?, rated_call = ?, agent = ?, brand = ?, followed_up_ms = NULL"
                    + " WHERE call_id = ?"
                    : "INSERT INTO survey_response (caller_number, queue, tier, rating, at_ms, follow_up_due_ms,"
                    + " rated_call, agent, brand, call_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, response, dueMs);
                s.setString(7, rated.call());
                s.setString(8, rated.agent());
                s.setString(9, rated.brand());
                s.setString(10, response.callId());
                s.executeUpdate();
            }
            // a second answer for the same call (a retried write) opens no second order
            if (dissatisfied && !followedBefore && response.callerNumber() != null
                    && !response.callerNumber().isBlank()) {
                openFollowUp(c, response, rated);
            }
            return null;
        });
    }

    /** The call a rating is about: the queue_log's call id, its agent and brand; nulls when unknown. */
    private record RatedCall(String call, String agent, String brand) {
    }

    /** The caller's latest answered call up to the rating: the one the survey followed. */
    private static RatedCall ratedCall(Connection c, SurveyResponse response) throws SQLException {
        if (response.callerNumber() == null || response.callerNumber().isBlank()) {
            return new RatedCall(null, null, null);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT call_id, agent, brand FROM answered_call"
                + " WHERE caller_number = ? AND connected_ms <= ? ORDER BY connected_ms DESC, id DESC")) {
            s.setString(1, response.callerNumber());
            s.setLong(2, response.atMs());
            s.setMaxRows(1);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new RatedCall(r.getString(1), r.getString(2), r.getString(3))
                        : new RatedCall(null, null, null);
            }
        }
    }

    /** A rating from 1 up to the dissatisfied mark; 0 is no answer. */
    private boolean dissatisfied(int rating) {
        return rating > 0 && rating <= settings.dissatisfiedRating();
    }

    private void openFollowUp(Connection c, SurveyResponse response, RatedCall rated) throws SQLException {
        NewOrder order = new NewOrder(OrderKind.FOLLOW_UP, null, response.callerNumber(),
                new OrderSource(rated.call() != null ? rated.call() : response.callId(), response.queue(),
                        rated.brand(), response.tier(), rated.agent()),
                "Rated " + response.rating() + " of 5 in the post-call survey", "survey", 0);
        JdbcWorkOrders.insert(c, order, workOrders.checked(order, response.atMs()), response.atMs());
    }

    private static void bind(PreparedStatement s, SurveyResponse response, Long dueMs) throws SQLException {
        s.setString(1, response.callerNumber());
        s.setString(2, response.queue());
        s.setString(3, response.tier());
        s.setInt(4, response.rating());
        s.setLong(5, response.atMs());
        if (dueMs == null) {
            s.setNull(6, java.sql.Types.BIGINT);
        } else {
            s.setLong(6, dueMs);
        }
    }

    @Override
    public List<SurveyResponse> followUps() {
        List<SurveyResponse> responses = new ArrayList<>();
        for (FollowUp f : followUpList()) {
            responses.add(f.response());
        }
        return responses;
    }

    /** Calls waiting for a call-back with their due times, oldest due first. */
    public List<FollowUp> followUpList() {
        return tx.read("follow-up list", c -> {
            List<FollowUp> list = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM survey_response"
                    + " WHERE follow_up_due_ms IS NOT NULL AND followed_up_ms IS NULL"
                    + " ORDER BY follow_up_due_ms, call_id")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        list.add(new FollowUp(response(r), r.getLong(7)));
                    }
                }
            }
            return list;
        });
    }

    /** Takes a call off the follow-up list once someone has called the caller back; false if it was not on it. */
    public boolean followedUp(String callId, long nowMs) {
        return tx.run("follow-up of call " + callId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE survey_response SET followed_up_ms = ?"
                    + " WHERE call_id = ? AND follow_up_due_ms IS NOT NULL AND followed_up_ms IS NULL")) {
                s.setLong(1, nowMs);
                s.setString(2, callId);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** A call's stored answer, or empty when none was recorded. */
    public Optional<SurveyResponse> response(String callId) {
        return tx.read("survey answer of call " + callId, c -> find(c, callId));
    }

    private static Optional<SurveyResponse> find(Connection c, String callId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM survey_response WHERE call_id = ?")) {
            s.setString(1, callId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(response(r)) : Optional.empty();
            }
        }
    }

    private static SurveyResponse response(ResultSet r) throws SQLException {
        return new SurveyResponse(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5),
                r.getLong(6));
    }
}
