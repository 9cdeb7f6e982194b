package io.roomwatch.emulator.control;

import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.Fault;
import io.roomwatch.emulator.FaultKind;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.Vendor;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON bodies the control API accepts (bound by Jackson; absent fields are null). */
final class ControlRequests {

    private ControlRequests() {}

    /** {@code POST /__emulator/rooms}. */
    record CreateRoom(
            @Nullable Vendor vendor,
            @Nullable String app,
            @Nullable String roomId,
            @Nullable String callId,
            @Nullable Map<String, Object> attributes,
            @Nullable List<AddMember> members) {

        RoomSpec spec() {
            if (vendor == null || app == null || roomId == null) {
                throw new IllegalArgumentException("vendor, app and roomId are required");
            }
            RoomSpec spec = new RoomSpec(RoomAddress.of(vendor, app, roomId), callId, Map.of());
            return attributes == null ? spec : spec.withAttributes(attributes);
        }
    }

    /** {@code POST .../members}: one {@code userId} or several {@code userIds}. */
    record AddMember(@Nullable String userId, @Nullable List<String> userIds, boolean invisible) {

        List<String> ids() {
            if (userId != null) {
                return List.of(userId);
            }
            if (userIds == null || userIds.isEmpty()) {
                throw new IllegalArgumentException("userId or userIds is required");
            }
            return userIds;
        }
    }

    /** {@code PUT .../view-count}. */
    record ViewCount(long viewCount) {}

    /** {@code POST /__emulator/faults}; {@code count} absent = 1, {@code untilCleared} wins over it. */
    record AddFault(
            @Nullable Vendor vendor,
            @Nullable Api api,
            @Nullable String app,
            @Nullable FaultKind kind,
            @Nullable Integer count,
            boolean untilCleared,
            @Nullable Long delayMillis,
            @Nullable Integer page) {

        Fault fault() {
            if (vendor == null || kind == null) {
                throw new IllegalArgumentException("vendor and kind are required");
            }
            Fault fault = Fault.of(vendor, kind);
            fault = api == null ? fault : fault.withApi(api);
            fault = app == null ? fault : fault.withApp(app);
            fault = delayMillis == null ? fault : fault.withDelayMillis(delayMillis);
            fault = page == null ? fault : fault.onPage(page);
            return untilCleared ? fault.untilCleared() : fault.times(count == null ? 1 : count);
        }
    }
}
