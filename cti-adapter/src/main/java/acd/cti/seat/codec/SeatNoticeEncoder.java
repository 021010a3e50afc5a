package acd.cti.seat.codec;

import acd.core.engine.AgentState;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** One {@link SeatNotice} to the JSON text of one frame. Thread-safe. */
public final class SeatNoticeEncoder {
    private static final String[] STATE_NAMES = new String[AgentState.values().length];

    static {
        for (AgentState state : AgentState.values()) {
            STATE_NAMES[state.ordinal()] = state.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A mapper's factory, so a generator can also write the wallboard's plain maps. */
    private final JsonFactory json = JsonMapper.builder().build().getFactory();

    /** The wire name of a state, as on the HTTP API: {@code not-ready}, {@code wrap-up}. */
    public static String stateName(AgentState state) {
        return STATE_NAMES[state.ordinal()];
    }

    public String encode(SeatNotice notice) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            write(g, notice);
            g.writeEndObject();
        } catch (IOException e) {
            // a StringWriter does not fail; a generator bug would
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, SeatNotice notice) throws IOException {
        if (notice instanceof SeatNotice.LoggedIn n) {
            g.writeStringField("type", "loggedIn");
            g.writeStringField("role", n.role().wireName());
            g.writeStringField(n.role().wireName(), n.id());
            if (n.role() == SeatRequest.Role.AGENT) {
                g.writeStringField("name", n.name());
                g.writeStringField("state", stateName(n.state()));
                g.writeStringField("reason", n.reason());
            }
            g.writeNumberField("heartbeatMs", n.heartbeatMs());
            if (n.role() == SeatRequest.Role.SUPERVISOR) {
                g.writeNumberField("figuresEveryMs", n.figuresEveryMs());
            }
            if (n.role() != SeatRequest.Role.REVIEWER) {
                g.writeArrayFieldStart("reasons");
                for (SeatNotice.ReasonName r : n.reasons()) {
                    g.writeStartObject();
                    g.writeNumberField("code", r.code());
                    g.writeStringField("name", r.name());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        } else if (notice instanceof SeatNotice.Ack n) {
            g.writeStringField("type", "ack");
            g.writeStringField("action", n.action());
            if (n.agent() != null) {
                g.writeStringField("agent", n.agent());
            }
        } else if (notice instanceof SeatNotice.Error n) {
            g.writeStringField("type", "error");
            g.writeStringField("code", n.code().wireName());
            g.writeStringField("message", n.message());
        } else if (notice instanceof SeatNotice.Offered n) {
            g.writeStringField("type", "offered");
            g.writeNumberField("callId", n.callId());
            g.writeStringField("callerNumber", n.callerNumber());
            g.writeStringField("queue", n.queue());
            g.writeStringField("queueLabel", n.queueLabel());
            g.writeStringField("tier", n.tier());
            g.writeStringField("tierLabel", n.tierLabel());
            g.writeStringField("brand", n.brand());
            g.writeStringField("brandLabel", n.brandLabel());
            g.writeStringField("accountManager", n.accountManager());
            g.writeStringField("ivrPath", n.ivrPath());
            g.writeNumberField("waitSeconds", n.waitSeconds());
            g.writeNumberField("ringTimeoutSeconds", n.ringTimeoutSeconds());
            g.writeBooleanField("callback", n.callback());
            g.writeNumberField("timeMs", n.timeMs());
        } else if (notice instanceof SeatNotice.OfferCancelled n) {
            g.writeStringField("type", "offerCancelled");
            g.writeNumberField("callId", n.callId());
            g.writeStringField("reason", n.reason());
            g.writeNumberField("timeMs", n.timeMs());
        } else if (notice instanceof SeatNotice.Connected n) {
            g.writeStringField("type", "connected");
            g.writeNumberField("callId", n.callId());
            g.writeStringField("callerNumber", n.callerNumber());
            g.writeStringField("queue", n.queue());
            g.writeNumberField("waitSeconds", n.waitSeconds());
            g.writeStringField("recording", n.recording());
            g.writeNumberField("timeMs", n.timeMs());
        } else if (notice instanceof SeatNotice.Consulting n) {
            g.writeStringField("type", "consulting");
            g.writeNumberField("callId", n.callId());
            g.writeStringField("colleague", n.colleague());
            g.writeNumberField("timeMs", n.timeMs());
        } else if (notice instanceof SeatNotice.Consulted n) {
            g.writeStringField("type", "consulted");
            g.writeNumberField("callId", n.callId());
            g.writeStringField("fromAgent", n.fromAgent());
            g.writeStringField("callerNumber", n.callerNumber());
            g.writeStringField("queue", n.queue());
            g.writeStringField("tier", n.tier());
            g.writeStringField("brand", n.brand());
            g.writeNumberField("timeMs", n.timeMs());
        } else if (notice instanceof SeatNotice.ConsultEnded n) {
            g.writeStringField("type", "consultEnded");
            g.writeNumberField("callId", n.callId());
            g.writeStringField("fromAgent", n.fromAgent());
            g.writeStringField("colleague", n.colleague());
            g.writeBooleanField("handedOver", n.handedOver());
            g.writeNumberField("talkSeconds", n.talkSeconds());
            g.writeNumberField("timeMs", n.timeMs());
        } else if (notice instanceof SeatNotice.Ended n) {
            g.writeStringField("type", "ended");
            g.writeNumberField("callId", n.callId());
            g.writeNumberField("talkSeconds", n.talkSeconds());
            g.writeNumberField("timeMs", n.timeMs());
        } else if (notice instanceof SeatNotice.State n) {
            g.writeStringField("type", "state");
            g.writeStringField("agent", n.agent());
            g.writeStringField("state", stateName(n.state()));
            g.writeStringField("reason", n.reason());
            g.writeNumberField("reasonCode", n.reasonCode());
            g.writeNumberField("timeMs", n.timeMs());
        } else if (notice instanceof SeatNotice.Agents n) {
            g.writeStringField("type", "agents");
            g.writeArrayFieldStart("agents");
            for (SeatNotice.AgentRow row : n.agents()) {
                g.writeStartObject();
                g.writeStringField("agent", row.agent());
                g.writeStringField("name", row.name());
                g.writeStringField("state", stateName(row.state()));
                g.writeStringField("reason", row.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (notice instanceof SeatNotice.Figures n) {
            g.writeStringField("type", "figures");
            g.writeNumberField("timeMs", n.timeMs());
            g.writeArrayFieldStart("queues");
            for (SeatNotice.QueueRow q : n.queues()) {
                writeQueue(g, q);
            }
            g.writeEndArray();
            writeAgents(g, n.agentsByState());
        } else if (notice instanceof SeatNotice.Watching n) {
            g.writeStringField("type", "watching");
            g.writeNumberField("heartbeatMs", n.heartbeatMs());
            g.writeNumberField("boardEveryMs", n.boardEveryMs());
        } else if (notice instanceof SeatNotice.Board n) {
            g.writeStringField("type", "board");
            g.writeObjectField("board", n.report());
        } else if (notice instanceof SeatNotice.Transferred n) {
            g.writeStringField("type", "transferred");
            g.writeNumberField("callId", n.callId());
            g.writeStringField("queue", n.queue());
            g.writeStringField("toAgent", n.toAgent());
            g.writeNumberField("talkSeconds", n.talkSeconds());
            g.writeNumberField("timeMs", n.timeMs());
        } else if (notice instanceof SeatNotice.Tasks n) {
            g.writeStringField("type", "tasks");
            g.writeNumberField("timeMs", n.timeMs());
            g.writeArrayFieldStart("tasks");
            for (SeatNotice.TaskRow t : n.tasks()) {
                g.writeStartObject();
                writeTask(g, t);
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (notice instanceof SeatNotice.Task n) {
            g.writeStringField("type", "task");
            g.writeStringField("action", n.action());
            g.writeObjectFieldStart("task");
            writeTask(g, n.task());
            g.writeEndObject();
        } else if (notice instanceof SeatNotice.Orders n) {
            g.writeStringField("type", "orders");
            g.writeNumberField("timeMs", n.timeMs());
            if (n.customer() != null) {
                g.writeStringField("customer", n.customer());
            }
            g.writeArrayFieldStart("orders");
            for (SeatNotice.OrderRow o : n.orders()) {
                writeOrder(g, o);
            }
            g.writeEndArray();
        } else if (notice instanceof SeatNotice.Order n) {
            g.writeStringField("type", "order");
            g.writeStringField("action", n.action());
            g.writeFieldName("order");
            writeOrder(g, n.order());
        } else if (notice instanceof SeatNotice.OrderEscalated n) {
            g.writeStringField("type", "orderEscalated");
            g.writeFieldName("order");
            writeOrder(g, n.order());
        } else if (notice instanceof SeatNotice.Report n) {
            g.writeStringField("type", "report");
            g.writeObjectField("report", n.report());
        } else if (notice instanceof SeatNotice.ReportCsv n) {
            g.writeStringField("type", "reportCsv");
            g.writeStringField("period", n.period());
            g.writeStringField("from", n.from());
            g.writeStringField("to", n.to());
            g.writeStringField("csv", n.csv());
        } else if (notice instanceof SeatNotice.OrdersCsv n) {
            g.writeStringField("type", "ordersCsv");
            g.writeStringField("from", n.from());
            g.writeStringField("to", n.to());
            g.writeNumberField("orders", n.orders());
            g.writeStringField("csv", n.csv());
        } else if (notice instanceof SeatNotice.OrderHistory n) {
            g.writeStringField("type", "orderHistory");
            g.writeNumberField("order", n.order());
            g.writeArrayFieldStart("steps");
            for (SeatNotice.OrderStepRow step : n.steps()) {
                g.writeStartObject();
                g.writeStringField("step", step.step());
                g.writeStringField("actor", step.actor());
                g.writeStringField("note", step.note());
                g.writeNumberField("atMs", step.atMs());
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (notice instanceof SeatNotice.QaSampleList n) {
            g.writeStringField("type", "qaSample");
            g.writeStringField("day", n.day());
            g.writeBooleanField("drawn", n.drawn());
            writeQaRows(g, n.items());
        } else if (notice instanceof SeatNotice.QaItem n) {
            g.writeStringField("type", "qaItem");
            g.writeStringField("action", n.action());
            writeQaRow(g, "item", n.item());
        } else if (notice instanceof SeatNotice.QaRedo n) {
            g.writeStringField("type", "qaRedo");
            writeQaRow(g, "item", n.item());
        } else if (notice instanceof SeatNotice.QaRedos n) {
            g.writeStringField("type", "qaRedos");
            writeQaRows(g, n.items());
        } else if (notice instanceof SeatNotice.RecordingPass n) {
            g.writeStringField("type", "recording");
            g.writeStringField("call", n.call());
            g.writeStringField("url", n.url());
            g.writeNumberField("expiresMs", n.expiresMs());
        } else {
            throw new IllegalArgumentException("no encoding for " + notice.getClass().getSimpleName());
        }
    }

    private static void writeQaRows(JsonGenerator g, List<SeatNotice.QaRow> items) throws IOException {
        g.writeArrayFieldStart("items");
        for (SeatNotice.QaRow item : items) {
            writeQaRow(g, null, item);
        }
        g.writeEndArray();
    }

    private static void writeQaRow(JsonGenerator g, String field, SeatNotice.QaRow q) throws IOException {
        if (field == null) {
            g.writeStartObject();
        } else {
            g.writeObjectFieldStart(field);
        }
        g.writeNumberField("item", q.item());
        g.writeStringField("day", q.day());
        g.writeStringField("call", q.call());
        g.writeStringField("agent", q.agent());
        g.writeStringField("queue", q.queue());
        g.writeStringField("tier", q.tier());
        g.writeStringField("brand", q.brand());
        g.writeStringField("callerNumber", q.callerNumber());
        g.writeNumberField("connectedMs", q.connectedMs());
        g.writeNumberField("talkSeconds", q.talkSeconds());
        if (q.score() == null) {
            g.writeNullField("score");
        } else {
            g.writeNumberField("score", q.score());
        }
        g.writeStringField("note", q.note());
        g.writeStringField("scoredBy", q.scoredBy());
        g.writeNumberField("scoredMs", q.scoredMs());
        g.writeBooleanField("redo", q.redo());
        g.writeStringField("redoClosedBy", q.redoClosedBy());
        g.writeStringField("redoNote", q.redoNote());
        g.writeEndObject();
    }

    private static void writeOrder(JsonGenerator g, SeatNotice.OrderRow o) throws IOException {
        g.writeStartObject();
        g.writeNumberField("order", o.order());
        g.writeStringField("kind", o.kind());
        g.writeStringField("grade", o.grade());
        g.writeStringField("gradeLabel", o.gradeLabel());
        g.writeStringField("state", o.state());
        g.writeStringField("customer", o.customer());
        g.writeStringField("call", o.call());
        g.writeStringField("queue", o.queue());
        g.writeStringField("tier", o.tier());
        g.writeStringField("brand", o.brand());
        g.writeStringField("agent", o.agent());
        g.writeStringField("summary", o.summary());
        g.writeStringField("assignee", o.assignee());
        g.writeStringField("openedBy", o.openedBy());
        g.writeNumberField("openedMs", o.openedMs());
        g.writeStringField("nextDue", o.nextDue());
        if (o.nextDue() != null) {
            g.writeNumberField("nextDueMs", o.nextDueMs());
        }
        g.writeArrayFieldStart("overdue");
        for (String m : o.overdue()) {
            g.writeString(m);
        }
        g.writeEndArray();
        if (o.closedMs() != 0) {
            g.writeNumberField("closedMs", o.closedMs());
        }
        g.writeEndObject();
    }

    private static void writeTask(JsonGenerator g, SeatNotice.TaskRow t) throws IOException {
        g.writeNumberField("task", t.task());
        g.writeStringField("callerNumber", t.callerNumber());
        g.writeStringField("queue", t.queue());
        g.writeStringField("tier", t.tier());
        g.writeStringField("brand", t.brand());
        g.writeNumberField("leftMs", t.leftMs());
        g.writeNumberField("dueMs", t.dueMs());
        g.writeBooleanField("overdue", t.overdue());
        g.writeStringField("takenBy", t.takenBy());
        g.writeNumberField("attempts", t.attempts());
        g.writeStringField("lastOutcome", t.lastOutcome());
    }

    private static void writeQueue(JsonGenerator g, SeatNotice.QueueRow q) throws IOException {
        g.writeStartObject();
        g.writeStringField("queue", q.queue());
        g.writeStringField("label", q.label());
        g.writeNumberField("thresholdSeconds", q.thresholdSeconds());
        g.writeNumberField("targetPercent", q.targetPercent());
        if (q.peakMode() != null) {
            g.writeBooleanField("peakMode", q.peakMode());
        }
        g.writeNumberField("offered", q.offered());
        g.writeNumberField("answered", q.answered());
        g.writeNumberField("answeredWithinThreshold", q.answeredWithinThreshold());
        g.writeNumberField("abandoned", q.abandoned());
        writeFraction(g, "serviceLevel", q.serviceLevel());
        writeFraction(g, "answerRate", q.answerRate());
        g.writeNumberField("waitingNow", q.waitingNow());
        g.writeNumberField("longestWaitingNowSeconds", q.longestWaitingNowSeconds());
        writeAgents(g, q.agentsByState());
        g.writeArrayFieldStart("tiers");
        for (SeatNotice.TierRow t : q.tiers()) {
            g.writeStartObject();
            g.writeStringField("tier", t.tier());
            g.writeStringField("label", t.label());
            g.writeNumberField("offered", t.offered());
            g.writeNumberField("answered", t.answered());
            writeFraction(g, "serviceLevel", t.serviceLevel());
            writeFraction(g, "answerRate", t.answerRate());
            g.writeNumberField("waitingNow", t.waitingNow());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeAgents(JsonGenerator g, long[] byState) throws IOException {
        g.writeObjectFieldStart("agents");
        for (AgentState state : AgentState.values()) {
            g.writeNumberField(stateName(state), byState[state.ordinal()]);
        }
        g.writeEndObject();
    }

    /** JSON has no NaN: a rate with no calls behind it is null. */
    private static void writeFraction(JsonGenerator g, String field, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(field, value);
        } else {
            g.writeNullField(field);
        }
    }
}
