package io.roomwatch.emulator.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.RateLimits;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.Staleness;
import io.roomwatch.emulator.TestEmulator;
import io.roomwatch.emulator.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tencent cursor paging: completeness when nothing moves, drift when ViewCount does, member caps and staleness. */
class TencentPagingTest {

    private static final String APP = Long.toString(TestEmulator.SDK_APP_ID);

    private TestEmulator emu;

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void roomList_withStaticViewCounts_isCompleteAndOrdered_andCountIsCappedAt20() {
        emu = TestEmulator.start(config(), Instant.now());
        for (int i = 0; i < 47; i++) {
            liveRoom("room-" + i, 10 * i);
        }
        emu.world()
                .createRoom(new RoomSpec(
                        RoomAddress.of(Vendor.TENCENT_LIVE, APP, "hidden"), null, Map.of("IsPublicVisible", false)));

        List<JsonNode> pages = walkRoomList(50);

        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).get("RoomList")).hasSize(20);
        List<String> ids = ids(pages);
        assertThat(ids).hasSize(47).doesNotHaveDuplicates().doesNotContain("hidden");
        assertThat(ids.get(0)).isEqualTo("room-46");
        assertThat(ids.get(46)).isEqualTo("room-0");
    }

    @Test
    void roomList_whenViewCountsChangeBetweenPages_driftsWithADuplicateAndASkip() {
        emu = TestEmulator.start(config(), Instant.now());
        for (int i = 0; i < 30; i++) {
            liveRoom("room-" + i, 1000 - 10 * i); // room-0 first ... room-29 last
        }

        JsonNode first = page("");
        emu.world()
                .setViewCount(RoomAddress.of(Vendor.TENCENT_LIVE, APP, "room-25"), 5000); // jumps to the top: skipped
        emu.world().setViewCount(RoomAddress.of(Vendor.TENCENT_LIVE, APP, "room-0"), 0); // falls to the end: seen twice
        JsonNode second = page(first.get("Next").asText());

        List<String> ids = ids(List.of(first, second));
        assertThat(second.get("Next").asText()).isEmpty();
        assertThat(ids).hasSize(30);
        assertThat(ids.stream().filter("room-0"::equals)).hasSize(2);
        assertThat(ids).doesNotContain("room-25");
    }

    @Test
    void memberList_returnsAtMost1000Members_whileMemberCountIsTheTruth() {
        emu = TestEmulator.start(config(), Instant.now());
        RoomAddress room = liveRoom("crowded", 0);
        for (int i = 0; i < 1500; i++) {
            emu.world().join(room, "m" + i, false);
        }

        List<String> members = new ArrayList<>();
        String next = "";
        int pages = 0;
        do {
            JsonNode page = emu.live("get_member_list", "{\"RoomId\":\"crowded\",\"Next\":\"" + next + "\"}")
                    .json();
            assertThat(page.at("/Response/MemberCount").asInt()).isEqualTo(1500);
            page.at("/Response/MemberList")
                    .forEach(m -> members.add(m.get("Member_Account").asText()));
            next = page.at("/Response/Next").asText();
            pages++;
        } while (!next.isEmpty() && pages < 50);

        assertThat(members).hasSize(1000).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(10);
        assertThat(emu.world().room(room).orElseThrow().viewCount()).isEqualTo(1500); // every join is a view
    }

    @Test
    void memberList_isRefreshedOnlyEvery40Seconds_atAPhaseOfItsRoomId_whenStalenessIsDocumented() {
        emu = TestEmulator.start(config().withStaleness(Staleness.documented()), Instant.now());
        RoomAddress room = liveRoom("stale", 0);
        emu.world().join(room, "early", false);
        emu.advance(Duration.ofMillis(untilRefresh(room) + 1));
        assertThat(members("stale")).containsExactly("early");

        emu.world().join(room, "late", false);
        emu.advance(Duration.ofSeconds(39));
        assertThat(members("stale"))
                .as("still the snapshot of the last refresh")
                .containsExactly("early");
        emu.advance(Duration.ofSeconds(1));
        assertThat(members("stale")).containsExactly("early", "late");
    }

    @Test
    void memberList_ofARoomRecreatedSinceTheLastRefresh_isTheOldIncarnations_untilTheNextRefresh() {
        emu = TestEmulator.start(config().withStaleness(Staleness.documented()), Instant.now());
        RoomAddress room = liveRoom("reused", 0);
        emu.world().join(room, "old-member", false);
        emu.advance(Duration.ofMillis(untilRefresh(room) + 1));
        emu.world().destroyRoom(room);
        emu.advance(Duration.ofSeconds(2));
        liveRoom("reused", 0);
        emu.world().join(room, "new-member", false);

        assertThat(members("reused"))
                .as("the snapshot refreshed before the re-creation")
                .containsExactly("old-member");
        emu.advance(Duration.ofSeconds(40));
        assertThat(members("reused")).containsExactly("new-member");
    }

    /** Milliseconds from now to the room id's next member-list refresh. */
    private long untilRefresh(RoomAddress room) {
        long refresh = Staleness.documented().tencentLiveMemberRefreshMillis();
        long now = emu.world().now();
        return refresh - Math.floorMod(now - Staleness.phaseOf(room, refresh), refresh);
    }

    @Test
    void conferenceMemberList_defaultsTo50PerPage_andHonoursCount() {
        emu = TestEmulator.start(config(), Instant.now());
        RoomAddress room = RoomAddress.of(Vendor.TENCENT_ROOM, APP, "meeting");
        emu.world().createRoom(new RoomSpec(room, null, Map.of("Owner_Account", "m0")));
        for (int i = 0; i < 120; i++) {
            emu.world().join(room, "m" + i, false);
        }

        JsonNode first = emu.conference("get_room_member_list", "{\"RoomId\":\"meeting\"}")
                .json()
                .get("Response");
        JsonNode second = emu.conference(
                        "get_room_member_list",
                        "{\"RoomId\":\"meeting\",\"Next\":\""
                                + first.get("Next").asText() + "\"}")
                .json()
                .get("Response");
        JsonNode third = emu.conference(
                        "get_room_member_list",
                        "{\"RoomId\":\"meeting\",\"Next\":\""
                                + second.get("Next").asText() + "\"}")
                .json()
                .get("Response");
        JsonNode ten = emu.conference("get_room_member_list", "{\"RoomId\":\"meeting\",\"Count\":10}")
                .json()
                .get("Response");

        assertThat(first.get("MemberList")).hasSize(50);
        assertThat(second.get("MemberList")).hasSize(50);
        assertThat(third.get("MemberList")).hasSize(20);
        assertThat(third.get("Next").asText()).isEmpty();
        assertThat(ten.get("MemberList")).hasSize(10);
        assertThat(first.at("/MemberList/0/Role").asText()).isEqualTo("Owner");
        assertThat(first.at("/MemberList/1/Role").asText()).isEqualTo("Member");
        assertThat(emu.conference("get_room_info", "{\"RoomId\":\"meeting\"}")
                        .json()
                        .at("/Response/RoomInfo/MemberCount")
                        .asInt())
                .isEqualTo(120);
    }

    private static EmulatorConfig config() {
        return TestEmulator.config().withRateLimits(RateLimits.disabled());
    }

    private RoomAddress liveRoom(String roomId, long viewCount) {
        RoomAddress key = RoomAddress.of(Vendor.TENCENT_LIVE, APP, roomId);
        emu.world().createRoom(new RoomSpec(key, null, Map.of("ViewCount", viewCount)));
        return key;
    }

    private JsonNode page(String next) {
        return emu.live("get_room_list", "{\"Next\":\"" + next + "\",\"Count\":20}")
                .json()
                .get("Response");
    }

    private List<JsonNode> walkRoomList(int count) {
        List<JsonNode> pages = new ArrayList<>();
        String next = "";
        do {
            JsonNode page = emu.live("get_room_list", "{\"Next\":\"" + next + "\",\"Count\":" + count + "}")
                    .json()
                    .get("Response");
            pages.add(page);
            next = page.get("Next").asText();
        } while (!next.isEmpty() && pages.size() < 20);
        return pages;
    }

    private List<String> members(String roomId) {
        List<String> ids = new ArrayList<>();
        emu.live("get_member_list", "{\"RoomId\":\"" + roomId + "\",\"Next\":\"\"}")
                .json()
                .at("/Response/MemberList")
                .forEach(m -> ids.add(m.get("Member_Account").asText()));
        return ids;
    }

    private static List<String> ids(List<JsonNode> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(
                p -> p.get("RoomList").forEach(r -> ids.add(r.get("RoomId").asText())));
        assertThat(new HashSet<>(ids)).isNotEmpty();
        return ids;
    }
}
