package io.roomwatch.emulator.volcengine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.CallRecord;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.FaultKind;
import io.roomwatch.emulator.http.HttpCall;
import io.roomwatch.emulator.http.Json;
import io.roomwatch.emulator.world.World;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code ListRoomInfo} (https://www.volcengine.com/docs/6348/156026; sample answer: seed 000 of the test resources):
 * call sessions whose creation second lies in {@code [StartTime, EndTime]}, as the world looked {@code
 * volcengineDataDelayMillis} ago. Spans over 24 h are silently cut to StartTime + 24 h, StartTime older than the 14-day
 * look-back is refused ({@code InvalidParameter.OutofTimeRange}), PageSize is clamped to 100, and past {@code
 * listRoomInfoCap} matches {@code HasMore} is true and {@code Total} stops at the cap.
 */
final class VolcengineRooms {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9@._-]{1,128}");
    private static final DateTimeFormatter COMPACT_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx", java.util.Locale.ROOT);

    /** Parsed query, or {@code error} set. Times in epoch ms; {@code endMillis} already truncated to the max span. */
    record Query(
            long startMillis,
            long endMillis,
            @Nullable String roomId,
            int pageNum,
            int pageSize,
            @Nullable VolcengineError error) {}

    private final EmulatorConfig config;
    private final World world;

    VolcengineRooms(EmulatorConfig config, World world) {
        this.config = config;
        this.world = world;
    }

    Query parse(HttpCall call) {
        Long start = time(call.param("StartTime"));
        Long end = time(call.param("EndTime"));
        Integer pageNum = positiveInt(call.param("PageNum"), 1);
        Integer pageSize = positiveInt(call.param("PageSize"), 20);
        String roomId = call.param("RoomId");
        if (start == null || end == null) {
            return failed(
                    "InvalidParameter",
                    "StartTime and EndTime must be RFC3339 times, e.g. "
                            + "2022-09-09T10:30:25+08:00 (send '+' as %2B: a raw '+' decodes to a space)");
        }
        if (pageNum == null || pageSize == null) {
            return failed("InvalidParameter", "PageNum and PageSize must be positive integers");
        }
        if (start > end) {
            return failed("InvalidParameter.StartTimeAfterEndTime", "StartTime is after EndTime");
        }
        if (start < world.now() - config.limits().lookBackDays() * 86_400_000L) {
            return failed(
                    "InvalidParameter.OutofTimeRange",
                    "StartTime is more than " + config.limits().lookBackDays() + " days ago");
        }
        long maxEnd = start + config.limits().maxSpanHours() * 3_600_000L;
        return new Query(start, Math.min(end, maxEnd), roomId, pageNum, Math.min(pageSize, 100), null);
    }

    /** The page; reshaped by a content fault {@code odd} ({@link FaultKind#STUCK_CURSOR}, ...) when given. */
    ObjectNode list(String appId, Query query, @Nullable FaultKind odd) {
        long asOf = world.now() - config.staleness().volcengineDataDelayMillis();
        List<CallRecord> matches = world.callsAsOf(appId, asOf).stream()
                .filter(c -> inWindow(c.createdAtMillis() / 1000 * 1000, query))
                .filter(c -> query.roomId() == null || query.roomId().equals(c.roomId()))
                .sorted(Comparator.comparingLong(CallRecord::createdAtMillis).thenComparing(CallRecord::callId))
                .toList();
        int listable = Math.min(matches.size(), config.limits().listRoomInfoCap());
        ObjectNode result = Json.object()
                .put("Total", listable)
                .put("PageNum", query.pageNum())
                .put("PageSize", query.pageSize())
                .put("HasMore", matches.size() > listable);
        ArrayNode list = result.putArray("RoomList");
        long from = (long) (query.pageNum() - 1) * query.pageSize();
        boolean compact = odd == FaultKind.ODD_TIMES;
        if (odd != FaultKind.STUCK_CURSOR) { // stuck: the true Total, and an empty page
            matches.stream()
                    .limit(listable)
                    .skip(from)
                    .limit(query.pageSize())
                    .forEach(c -> list.add(item(c, compact)));
        }
        if (odd == FaultKind.BAD_ITEM) {
            list.addObject().put("CallId", "").put("RoomId", "bad-item").put("IsFinished", false);
            list.addNull();
        }
        return result;
    }

    @Nullable
    VolcengineError checkRoomId(@Nullable String roomId) {
        int status = config.tolerance().businessErrorStatus();
        if (roomId == null || roomId.isEmpty()) {
            return VolcengineError.invalidParameter("InvalidParameter", status, "RoomId is required");
        }
        return ID.matcher(roomId).matches()
                ? null
                : VolcengineError.invalidParameter(
                        "InvalidParameter.IllegalRoomID", status, "RoomId must be 1-128 of a-z A-Z 0-9 @ . _ -");
    }

    private ObjectNode item(CallRecord call, boolean compact) {
        Long destroyed = call.destroyedAtMillis();
        return Json.object()
                .put("CallId", call.callId())
                .put("RoomId", call.roomId())
                .put(config.tolerance().createTimeKey(), rfc3339(call.createdAtMillis(), compact))
                .put("DestroyTime", destroyed == null ? "" : rfc3339(destroyed, compact))
                .put("ActiveUserNum", call.activeUsers())
                .put("IsFinished", call.finished());
    }

    /** RFC 3339 at the configured offset; {@code compact}: the offset without a colon ({@code +0800}). */
    private String rfc3339(long epochMillis, boolean compact) {
        Instant second = Instant.ofEpochSecond(Math.floorDiv(epochMillis, 1000));
        return OffsetDateTime.ofInstant(second, config.limits().volcengineZone())
                .format(compact ? COMPACT_OFFSET : DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static boolean inWindow(long createdSecondMillis, Query query) {
        return createdSecondMillis >= query.startMillis() && createdSecondMillis <= query.endMillis();
    }

    private Query failed(String code, String message) {
        VolcengineError error =
                VolcengineError.invalidParameter(code, config.tolerance().businessErrorStatus(), message);
        return new Query(0, 0, null, 0, 0, error);
    }

    private static @Nullable Long time(@Nullable String value) {
        try {
            return value == null
                    ? null
                    : OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable Integer positiveInt(@Nullable String value, int defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            return parsed >= 1 ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
