package acd.cti.seat.codec;

import acd.ivr.order.ComplaintGrade;
import acd.ivr.order.OrderAction;
import acd.ivr.order.OrderKind;
import acd.ivr.task.ReplyOutcome;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One text frame to one {@link SeatRequest}, or a {@link SeatProtocolException} that says what
 * was wrong. Strict on purpose: one JSON object, no duplicate keys (two {@code agent} fields
 * must not let a desktop pick which one is checked), nothing after it. Thread-safe.
 */
public final class SeatRequestDecoder {
    /** Longer ids and reason names are refused before they reach a log line or a lookup. */
    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_SECRET_LENGTH = 1024;

    private final JsonMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // a parse error must not quote the input: it may be a login with its secret
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public SeatRequest decode(String text) throws SeatProtocolException {
        JsonNode root = object(text);
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new SeatProtocolException(SeatErrorCode.UNKNOWN_TYPE, "a message needs a \"type\" text field");
        }
        String type = typeNode.textValue();
        return switch (type) {
            case "login" -> login(root);
            case "ready" -> new SeatRequest.Ready(optionalName(root, "agent"));
            case "notReady" -> new SeatRequest.NotReady(optionalName(root, "agent"), reason(root));
            case "wrapUpDone" -> new SeatRequest.WrapUpDone(optionalName(root, "agent"));
            case "logout" -> new SeatRequest.Logout(optionalName(root, "agent"));
            case "heartbeat" -> new SeatRequest.Heartbeat();
            case "watch" -> new SeatRequest.Watch();
            case "setNotReady" -> new SeatRequest.SetNotReady(requiredName(root, "agent"), reason(root));
            case "logoutAgent" -> new SeatRequest.LogoutAgent(requiredName(root, "agent"));
            case "setSkills" -> new SeatRequest.SetSkills(requiredName(root, "agent"), skills(root));
            case "setSeatGroups" -> new SeatRequest.SetSeatGroups(requiredName(root, "agent"), seatGroups(root));
            case "peakMode" -> new SeatRequest.PeakMode(requiredName(root, "queue"), flag(root, type, "on"));
            case "transfer" -> transfer(root);
            case "consult" -> consult(root);
            case "completeConsult" -> new SeatRequest.CompleteConsult();
            case "cancelConsult" -> new SeatRequest.CancelConsult();
            case "tasks" -> new SeatRequest.Tasks();
            case "takeTask" -> new SeatRequest.TakeTask(taskNumber(root, type));
            case "playMessage" -> new SeatRequest.PlayMessage(taskNumber(root, type));
            case "callBack" -> new SeatRequest.CallBack(taskNumber(root, type));
            case "taskOutcome" -> new SeatRequest.TaskOutcome(taskNumber(root, type), outcome(root));
            case "orders" -> new SeatRequest.Orders(optionalName(root, "customer"));
            case "openOrder" -> openOrder(root);
            case "orderStep" -> orderStep(root);
            case "orderHistory" -> new SeatRequest.OrderHistory(orderNumber(root, type));
            case "exportOrders" -> new SeatRequest.ExportOrders(optionalDay(root, type, "from"),
                    optionalDay(root, type, "to"));
            case "report" -> new SeatRequest.Report(period(root), optionalDay(root, type, "from"),
                    optionalDay(root, type, "to"));
            case "exportReport" -> new SeatRequest.ExportReport(period(root), optionalDay(root, type, "from"),
                    optionalDay(root, type, "to"));
            case "qaSample" -> new SeatRequest.QaSample(day(root, type, "day"));
            case "qaScore" -> new SeatRequest.QaScore(itemNumber(root, type), score(root), note(root));
            case "qaRedos" -> new SeatRequest.QaRedos();
            case "closeRedo" -> new SeatRequest.CloseRedo(itemNumber(root, type), note(root));
            case "hearRecording" -> new SeatRequest.HearRecording(requiredName(root, "call"));
            case "listenIn" -> listenIn(root);
            default -> throw new SeatProtocolException(SeatErrorCode.UNKNOWN_TYPE,
                    "unknown message type '" + shortened(type) + "'");
        };
    }

    /**
     * The frame's one JSON object. Every refusal names the line and column: where the JSON broke,
     * where a value other than an object starts, or where something follows the object.
     */
    private JsonNode object(String text) throws SeatProtocolException {
        try (JsonParser parser = json.createParser(text)) {
            try {
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    throw malformed("a message is one JSON object",
                            first == null ? parser.currentLocation() : parser.currentTokenLocation());
                }
                JsonNode root = json.readTree(parser);
                if (parser.nextToken() != null) {
                    throw malformed("a message is one JSON object", parser.currentTokenLocation());
                }
                return root;
            } catch (JacksonException e) {
                // a broken limit (nesting, length of a number) comes without a location; the parser knows where it stopped
                throw malformed("not valid JSON", e.getLocation() != null ? e.getLocation() : parser.currentLocation());
            }
        } catch (IOException e) {
            // making or closing a parser over a String cannot fail for I/O reasons
            throw malformed("not valid JSON", null);
        }
    }

    private static SeatProtocolException malformed(String what, JsonLocation at) {
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int column = at == null ? 1 : Math.max(1, at.getColumnNr());
        return new SeatProtocolException(SeatErrorCode.MALFORMED_JSON, what + " at line " + line + ", column " + column);
    }

    private SeatRequest login(JsonNode root) throws SeatProtocolException {
        SeatRequest.Role role = null;
        String id = null;
        for (SeatRequest.Role r : SeatRequest.Role.values()) {
            String named = optionalName(root, r.wireName());
            if (named != null) {
                if (role != null) {
                    role = null;
                    break;
                }
                role = r;
                id = named;
            }
        }
        if (role == null) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                    "login names exactly one of \"agent\", \"supervisor\" or \"reviewer\"");
        }
        JsonNode secret = root.get("secret");
        if (secret == null || !secret.isTextual() || secret.textValue().isEmpty()) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "login needs a \"secret\" text field");
        }
        if (secret.textValue().length() > MAX_SECRET_LENGTH) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                    "\"secret\" is longer than " + MAX_SECRET_LENGTH + " characters");
        }
        return new SeatRequest.Login(role, id, secret.textValue());
    }

    private static SeatRequest.Reason reason(JsonNode root) throws SeatProtocolException {
        String name = optionalName(root, "reason");
        JsonNode code = root.get("reasonCode");
        if (code == null || code.isNull()) {
            return name == null ? SeatRequest.Reason.NONE : new SeatRequest.Reason(name, SeatRequest.Reason.NO_CODE);
        }
        if (name != null) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "give \"reason\" or \"reasonCode\", not both");
        }
        if (!code.isInt() || code.intValue() < 0) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "\"reasonCode\" must be a whole number >= 0");
        }
        return new SeatRequest.Reason(null, code.intValue());
    }

    private static SeatRequest transfer(JsonNode root) throws SeatProtocolException {
        return target(root, "transfer");
    }

    private static SeatRequest consult(JsonNode root) throws SeatProtocolException {
        SeatRequest.Transfer to = target(root, "consult");
        return new SeatRequest.Consult(to.queue(), to.toAgent(), to.skills());
    }

    /** Where a transfer or a consultation goes: a queue (with skills), a colleague, or both. */
    private static SeatRequest.Transfer target(JsonNode root, String type) throws SeatProtocolException {
        String queue = optionalName(root, "queue");
        String toAgent = optionalName(root, "toAgent");
        if (queue == null && toAgent == null) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                    "\"" + type + "\" needs a \"queue\", a \"toAgent\" or both");
        }
        List<String> skills = new ArrayList<>();
        JsonNode node = root.get("skills");
        if (node != null && !node.isNull()) {
            if (!node.isArray() || node.size() > MAX_NAMES) {
                throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                        "\"skills\" is a list of at most " + MAX_NAMES + " skill names");
            }
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "\"skills\" holds names as text");
                }
                skills.add(checkedName("skills", item.textValue()));
            }
        }
        return new SeatRequest.Transfer(queue, toAgent, skills);
    }

    private static long taskNumber(JsonNode root, String type) throws SeatProtocolException {
        return number(root, type, "task", "a \"task\": the task's number");
    }

    private static boolean flag(JsonNode root, String type, String field) throws SeatProtocolException {
        JsonNode flag = root.get(field);
        if (flag == null || !flag.isBoolean()) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "\"" + type + "\" needs \"" + field
                    + "\": true or false");
        }
        return flag.booleanValue();
    }

    private static long orderNumber(JsonNode root, String type) throws SeatProtocolException {
        return number(root, type, "order", "an \"order\": the work order's number");
    }

    private static SeatRequest openOrder(JsonNode root) throws SeatProtocolException {
        OrderKind kind = choice(root, "kind", OrderKind.class, true);
        ComplaintGrade grade = choice(root, "grade", ComplaintGrade.class, false);
        String customer = requiredName(root, "customer");
        String summary = note(root, "summary");
        if (summary == null || summary.isBlank()) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "\"openOrder\" needs a \"summary\": what the"
                    + " customer said");
        }
        long promised = 0;
        JsonNode promisedBy = root.get("promisedBy");
        if (promisedBy != null && !promisedBy.isNull()) {
            if (!promisedBy.isIntegralNumber() || !promisedBy.canConvertToLong() || promisedBy.longValue() < 1) {
                throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                        "\"promisedBy\" is a time in ms since the epoch, a whole number");
            }
            promised = promisedBy.longValue();
        }
        return new SeatRequest.OpenOrder(kind, grade, customer, summary, optionalName(root, "call"),
                optionalName(root, "queue"), optionalName(root, "tier"), optionalName(root, "brand"), promised);
    }

    private static SeatRequest orderStep(JsonNode root) throws SeatProtocolException {
        long order = orderNumber(root, "orderStep");
        OrderAction step = choice(root, "step", OrderAction.class, true);
        JsonNode satisfied = root.get("satisfied");
        if (step == OrderAction.REVISIT && (satisfied == null || !satisfied.isBoolean())) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                    "a revisit needs \"satisfied\": true or false, as the customer said");
        }
        return new SeatRequest.OrderStep(order, step, optionalName(root, "to"), note(root, "note"),
                satisfied != null && satisfied.asBoolean());
    }

    /** One of an enum's constants as the wire writes it ({@code follow-up}); null when absent and optional. */
    private static <E extends Enum<E>> E choice(JsonNode root, String field, Class<E> type, boolean required)
            throws SeatProtocolException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (!required) {
                return null;
            }
        } else if (node.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (wireName(e).equals(node.textValue())) {
                    return e;
                }
            }
        }
        throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "\"" + field + "\" is one of " + java.util.Arrays
                .stream(type.getEnumConstants()).map(SeatRequestDecoder::wireName)
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    /** A report's grouping: {@code day} (the default), {@code week} or {@code month}. */
    private static acd.ivr.report.ReportPeriod period(JsonNode root) throws SeatProtocolException {
        acd.ivr.report.ReportPeriod period = choice(root, "period", acd.ivr.report.ReportPeriod.class, false);
        return period == null ? acd.ivr.report.ReportPeriod.DAY : period;
    }

    /** An enum constant as the wire writes it: {@code follow-up}, {@code in-progress}. */
    public static String wireName(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static SeatRequest listenIn(JsonNode root) throws SeatProtocolException {
        String mode = optionalName(root, "mode");
        if (mode != null && !List.of("listen", "whisper", "barge").contains(mode)) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "\"mode\" is listen, whisper or barge");
        }
        return new SeatRequest.ListenIn(requiredName(root, "agent"), mode == null ? "listen" : mode);
    }

    private static long itemNumber(JsonNode root, String type) throws SeatProtocolException {
        return number(root, type, "item", "an \"item\": the sample item's number");
    }

    /** The whole number >= 1 in {@code field}; {@code what} names it in the refusal. */
    private static long number(JsonNode root, String type, String field, String what) throws SeatProtocolException {
        JsonNode number = root.get(field);
        if (number == null || !number.canConvertToLong() || !number.isIntegralNumber() || number.longValue() < 1) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                    "\"" + type + "\" needs " + what + ", a whole number >= 1");
        }
        return number.longValue();
    }

    private static int score(JsonNode root) throws SeatProtocolException {
        JsonNode score = root.get("score");
        if (score == null || !score.isInt() || score.intValue() < 0 || score.intValue() > 100) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "\"qaScore\" needs a \"score\", a whole number 0..100");
        }
        return score.intValue();
    }

    /** The longest note kept with a score or a closed redo. */
    public static final int MAX_NOTE_LENGTH = 1000;

    private static String note(JsonNode root) throws SeatProtocolException {
        return note(root, "note");
    }

    private static String note(JsonNode root, String field) throws SeatProtocolException {
        JsonNode note = root.get(field);
        if (note == null || note.isNull()) {
            return null;
        }
        if (!note.isTextual() || note.textValue().length() > MAX_NOTE_LENGTH) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                    "\"" + field + "\" is text of at most " + MAX_NOTE_LENGTH + " characters");
        }
        // a note goes into log lines and the store: keep line breaks, drop other control characters
        return note.textValue().codePoints().filter(c -> c == '\n' || !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static java.time.LocalDate optionalDay(JsonNode root, String type, String field)
            throws SeatProtocolException {
        JsonNode day = root.get(field);
        return day == null || day.isNull() || day.isTextual() && day.textValue().isEmpty() ? null
                : day(root, type, field);
    }

    private static java.time.LocalDate day(JsonNode root, String type, String field) throws SeatProtocolException {
        JsonNode day = root.get(field);
        if (day != null && day.isTextual() && day.textValue().length() == 10) {
            try {
                return java.time.LocalDate.parse(day.textValue());
            } catch (java.time.format.DateTimeParseException e) {
                // fall through to the one message
            }
        }
        throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                "\"" + type + "\" needs a \"" + field + "\": a day written yyyy-MM-dd, e.g. \"2026-12-06\"");
    }

    private static ReplyOutcome outcome(JsonNode root) throws SeatProtocolException {
        JsonNode outcome = root.get("outcome");
        if (outcome != null && outcome.isTextual()) {
            for (ReplyOutcome o : ReplyOutcome.values()) {
                if (wireName(o).equals(outcome.textValue())) {
                    return o;
                }
            }
        }
        throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                "\"taskOutcome\" needs an \"outcome\": reached, not-reached or resolved");
    }

    /** At most this many skills or seat groups in one change: the engine knows 64 of each. */
    public static final int MAX_NAMES = 64;

    private static Map<String, Integer> skills(JsonNode root) throws SeatProtocolException {
        JsonNode node = root.get("skills");
        if (node == null || !node.isObject()) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                    "\"setSkills\" needs a \"skills\" object of skill name to proficiency 1..10");
        }
        if (node.size() > MAX_NAMES) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "at most " + MAX_NAMES + " skills");
        }
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = checkedName("skills", e.getKey());
            JsonNode level = e.getValue();
            if (!level.isInt() || level.intValue() < 1 || level.intValue() > 10) {
                throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                        "proficiency of skill '" + name + "' must be a whole number 1..10");
            }
            skills.put(name, level.intValue());
        }
        return skills;
    }

    private static List<String> seatGroups(JsonNode root) throws SeatProtocolException {
        JsonNode node = root.get("seatGroups");
        if (node == null || !node.isArray()) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                    "\"setSeatGroups\" needs a \"seatGroups\" list of seat group names");
        }
        if (node.size() > MAX_NAMES) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "at most " + MAX_NAMES + " seat groups");
        }
        List<String> groups = new ArrayList<>();
        for (JsonNode g : node) {
            if (!g.isTextual()) {
                throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "\"seatGroups\" holds names as text");
            }
            String name = checkedName("seatGroups", g.textValue());
            if (groups.contains(name)) {
                throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "seat group '" + name + "' is named twice");
            }
            groups.add(name);
        }
        return groups;
    }

    private static String checkedName(String field, String name) throws SeatProtocolException {
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                    "\"" + field + "\" holds an empty, over-long or unprintable name");
        }
        return name;
    }

    private static String requiredName(JsonNode root, String field) throws SeatProtocolException {
        String name = optionalName(root, field);
        if (name == null) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                    "\"" + root.get("type").textValue() + "\" needs an \"" + field + "\" field");
        }
        return name;
    }

    /** A name given as text or as a whole number (agent ids are seat numbers: 1001 and "1001" alike). */
    private static String optionalName(JsonNode root, String field) throws SeatProtocolException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        String name;
        if (node.isTextual()) {
            name = node.textValue();
        } else if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            name = Long.toString(node.longValue());
        } else {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "\"" + field + "\" must be text");
        }
        if (name.isBlank()) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD, "\"" + field + "\" is empty");
        }
        // names go into log lines: a line break in one could forge a log entry
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                    "\"" + field + "\" must not contain control characters");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new SeatProtocolException(SeatErrorCode.BAD_FIELD,
                    "\"" + field + "\" is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    private static String shortened(String text) {
        String printable = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        int length = printable.codePointCount(0, printable.length());
        return length <= 40 ? printable : printable.substring(0, printable.offsetByCodePoints(0, 40)) + "...";
    }
}
