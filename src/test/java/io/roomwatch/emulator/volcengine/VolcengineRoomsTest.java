package io.roomwatch.emulator.volcengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.Limits;
import io.roomwatch.emulator.RateLimits;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.Staleness;
import io.roomwatch.emulator.TestEmulator;
import io.roomwatch.emulator.Tolerance;
import io.roomwatch.emulator.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ListRoomInfo and GetRoomOnlineUsers semantics: paging, clamp, span, look-back, cap, delay, incarnations. */
class VolcengineRoomsTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private TestEmulator emu;

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void pageSizeIsClampedTo100_andPagesCoverTotal() {
        emu = TestEmulator.start(config(), NOW);
        createRooms(150);

        JsonNode first = list("2025-03-01T11:00:00Z", "2025-03-01T12:00:00Z", "PageSize", "500")
                .get("Result");
        JsonNode second = list("2025-03-01T11:00:00Z", "2025-03-01T12:00:00Z", "PageSize", "500", "PageNum", "2")
                .get("Result");

        assertThat(first.get("PageSize").asInt()).isEqualTo(100);
        assertThat(first.get("Total").asInt()).isEqualTo(150);
        assertThat(first.get("HasMore").asBoolean()).isFalse();
        assertThat(first.get("RoomList")).hasSize(100);
        assertThat(second.get("RoomList")).hasSize(50);
        assertThat(list("2025-03-01T11:00:00Z", "2025-03-01T12:00:00Z").at("/Result/RoomList"))
                .hasSize(20);
    }

    @Test
    void capOnListableRooms_setsHasMore() {
        emu = TestEmulator.start(config().withLimits(Limits.defaults().withListRoomInfoCap(5)), NOW);
        createRooms(8);

        JsonNode result = list("2025-03-01T11:00:00Z", "2025-03-01T12:00:00Z").get("Result");

        assertThat(result.get("HasMore").asBoolean()).isTrue();
        assertThat(result.get("Total").asInt()).isEqualTo(5);
        assertThat(result.get("RoomList")).hasSize(5);
    }

    @Test
    void spansOver24Hours_areTruncatedToStartPlus24h() {
        emu = TestEmulator.start(config(), NOW.minus(Duration.ofHours(30)));
        for (int hour = 0; hour < 30; hour++) { // one room per hour, at T-30h .. T-1h
            emu.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "h" + hour));
            emu.advance(Duration.ofHours(1));
        }

        JsonNode result = list("2025-02-28T06:00:00Z", "2025-03-01T12:00:00Z").get("Result");

        // [T-30h, T-6h] inclusive: the rooms of hours 0..24
        assertThat(result.get("Total").asInt()).isEqualTo(25);
    }

    @Test
    void lookBackIs14Days_andStartAfterEndIsRefused() {
        emu = TestEmulator.start(config(), NOW);

        assertThat(list("2025-02-15T12:00:01Z", "2025-02-16T00:00:00Z")
                        .at("/Result/Total")
                        .asInt())
                .isZero();
        JsonNode tooOld = list("2025-02-15T11:59:59Z", "2025-02-16T00:00:00Z");
        assertThat(tooOld.at("/ResponseMetadata/Error/Code").asText()).isEqualTo("InvalidParameter.OutofTimeRange");
        JsonNode reversed = list("2025-03-01T11:00:00Z", "2025-03-01T10:00:00Z");
        assertThat(reversed.at("/ResponseMetadata/Error/Code").asText())
                .isEqualTo("InvalidParameter.StartTimeAfterEndTime");
    }

    @Test
    void runningCall_hasEmptyDestroyTime_andTheSameRoomIdRecursWithANewCallId() {
        emu = TestEmulator.start(config(), NOW);
        RoomAddress room = RoomAddress.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "reused");
        emu.world().createRoom(new RoomSpec(room, null, Map.of()));
        emu.world().join(room, "alice", false);
        emu.advance(Duration.ofSeconds(30));
        emu.world().destroyRoom(room);
        emu.advance(Duration.ofSeconds(5));
        emu.world().createRoom(new RoomSpec(room, null, Map.of()));
        emu.world().join(room, "bob", false);
        emu.world().join(room, "carol", true);

        JsonNode rooms = list("2025-03-01T11:00:00Z", "2025-03-01T13:00:00Z").at("/Result/RoomList");

        assertThat(rooms).hasSize(2);
        assertThat(rooms.get(0).get("CallId").asText())
                .isNotEqualTo(rooms.get(1).get("CallId").asText());
        assertThat(rooms.get(0).get("DestroyTime").asText()).isEqualTo("2025-03-01T20:00:30+08:00");
        assertThat(rooms.get(0).get("IsFinished").asBoolean()).isTrue();
        assertThat(rooms.get(0).get("ActiveUserNum").asInt()).isZero();
        assertThat(rooms.get(1).get("DestroyTime").asText()).isEmpty();
        assertThat(rooms.get(1).get("IsFinished").asBoolean()).isFalse();
        assertThat(rooms.get(1).get("ActiveUserNum").asInt()).isEqualTo(2);
        assertThat(list("2025-03-01T11:00:00Z", "2025-03-01T13:00:00Z", "RoomId", "other")
                        .at("/Result/Total")
                        .asInt())
                .isZero();
    }

    @Test
    void documentedDataDelay_showsTheWorldAsItWas20SecondsAgo() {
        emu = TestEmulator.start(config().withStaleness(Staleness.documented()), NOW);
        RoomAddress room = RoomAddress.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "late");
        emu.world().createRoom(new RoomSpec(room, null, Map.of()));
        emu.world().join(room, "alice", false);

        emu.advance(Duration.ofSeconds(19));
        assertThat(list("2025-03-01T11:00:00Z", "2025-03-01T13:00:00Z")
                        .at("/Result/Total")
                        .asInt())
                .isZero();
        emu.advance(Duration.ofSeconds(1));
        emu.world().destroyRoom(room);
        JsonNode seen = list("2025-03-01T11:00:00Z", "2025-03-01T13:00:00Z").at("/Result/RoomList/0");
        assertThat(seen.get("ActiveUserNum").asInt()).isEqualTo(1);
        assertThat(seen.get("IsFinished").asBoolean()).isFalse();
        emu.advance(Duration.ofSeconds(20));
        assertThat(list("2025-03-01T11:00:00Z", "2025-03-01T13:00:00Z")
                        .at("/Result/RoomList/0/IsFinished")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void createTimeKey_canBeSpelledAsTheGoSdkDoes() {
        emu = TestEmulator.start(config().withTolerance(Tolerance.defaults().withCreateTimeKey("CreatedTime")), NOW);
        createRooms(1);

        JsonNode item = list("2025-03-01T11:00:00Z", "2025-03-01T13:00:00Z").at("/Result/RoomList/0");

        assertThat(item.has("CreatedTime")).isTrue();
        assertThat(item.has("CreateTime")).isFalse();
    }

    @Test
    void getRoomOnlineUsers_roomExistsFalseHasNoOtherField_andInvisibleUsersAreListedApart() {
        emu = TestEmulator.start(config(), NOW);
        RoomAddress room = RoomAddress.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "u@room.1");
        emu.world().createRoom(new RoomSpec(room, null, Map.of()));
        emu.world().join(room, "seen", false);
        emu.world().join(room, "hidden", true);

        JsonNode missing = onlineUsers("nope").get("Result");
        JsonNode present = onlineUsers("u@room.1").get("Result");

        assertThat(missing.toString()).isEqualTo("{\"RoomExists\":false}");
        assertThat(present.get("TotalUser").asInt()).isEqualTo(2);
        assertThat(present.get("TotalInvisibleUser").asInt()).isEqualTo(1);
        assertThat(present.get("VisibleUserList").toString()).isEqualTo("[\"seen\"]");
        assertThat(present.get("InvisibleUserList").toString()).isEqualTo("[\"hidden\"]");
        assertThat(onlineUsers("bad room!").at("/ResponseMetadata/Error/Code").asText())
                .isEqualTo("InvalidParameter.IllegalRoomID");
    }

    private static EmulatorConfig config() {
        return TestEmulator.config().withRateLimits(RateLimits.disabled());
    }

    private void createRooms(int count) {
        for (int i = 0; i < count; i++) {
            emu.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "room-" + i));
        }
    }

    private JsonNode list(String start, String end, String... more) {
        List<String> params = new ArrayList<>(List.of(
                "Action",
                "ListRoomInfo",
                "Version",
                "2020-12-01",
                "AppId",
                TestEmulator.VOLC_APP,
                "StartTime",
                start,
                "EndTime",
                end));
        params.addAll(List.of(more));
        return emu.volc(params.toArray(String[]::new)).json();
    }

    private JsonNode onlineUsers(String roomId) {
        return emu.volc(
                        "Action",
                        "GetRoomOnlineUsers",
                        "Version",
                        "2023-11-01",
                        "AppId",
                        TestEmulator.VOLC_APP,
                        "RoomId",
                        roomId)
                .json();
    }
}
