package io.roomwatch.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each seed document's sample response, reproduced by the emulator and compared as JSON trees, ignoring only
 * {@code RequestId}. The samples are verbatim copies under src/test/resources/emulator/seeds (checked against the
 * seed files by {@link SeedResourcesTest}); the world is set up through the control API or the in-JVM world.
 */
class SeedSamplesTest {

    /** The samples contain a {@code // comment} (002); 003 contains a "..." line that is dropped before parsing. */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private TestEmulator emu;

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void seed000_listRoomInfo_twoCallsOfOneRoom() throws IOException {
        emu = TestEmulator.start(
                TestEmulator.config().withStaleness(Staleness.documented()),
                Instant.parse("2022-10-31T19:17:47+08:00"));
        RoomAddress room = RoomAddress.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "test_room1");
        emu.world().createRoom(new RoomSpec(room, "test_call1", Map.of()));
        emu.advance(Duration.ofSeconds(18));
        emu.world().destroyRoom(room);
        emu.advance(Duration.ofSeconds(4));
        emu.world().createRoom(new RoomSpec(room, "test_call2", Map.of()));
        emu.advance(Duration.ofSeconds(16));
        emu.world().destroyRoom(room);
        emu.advance(Duration.ofMinutes(2));

        TestEmulator.Resp resp = emu.volc(
                "Action",
                "ListRoomInfo",
                "Version",
                "2020-12-01",
                "AppId",
                TestEmulator.VOLC_APP,
                "StartTime",
                "2022-10-31T19:00:00+08:00",
                "EndTime",
                "2022-10-31T20:00:00+08:00");

        assertThat(resp.status()).isEqualTo(200);
        assertSameIgnoringRequestId(resp.json(), sample("000-list-room-info.json"));
    }

    @Test
    void seed001_getRoomOnlineUsers() throws IOException {
        emu = TestEmulator.start(Instant.parse("2023-06-04T11:04:20+08:00"));
        RoomAddress room = RoomAddress.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "Your_RoomId");
        emu.world().createRoom(new RoomSpec(room, null, Map.of()));
        for (int i = 1; i <= 3; i++) {
            emu.world().join(room, "normal_user_" + i, false);
            emu.world().join(room, "silent_user_" + i, true);
        }

        JsonNode actual = emu.volc(
                        "Action",
                        "GetRoomOnlineUsers",
                        "Version",
                        "2023-11-01",
                        "AppId",
                        TestEmulator.VOLC_APP,
                        "RoomId",
                        "Your_RoomId")
                .json();
        JsonNode expected = sample("001-get-room-online-users.json");

        // The sample's totals (6 users, 3 invisible) come with lists abbreviated to one id each; the lists are
        // therefore compared by their first element, everything else field for field.
        assertThat(actual.at("/Result/VisibleUserList/0")).isEqualTo(expected.at("/Result/VisibleUserList/0"));
        assertThat(actual.at("/Result/InvisibleUserList/0")).isEqualTo(expected.at("/Result/InvisibleUserList/0"));
        assertThat(actual.at("/Result/VisibleUserList")).hasSize(3);
        assertSameIgnoringRequestId(withoutLists(actual), withoutLists(expected));
        assertThat(actual.at("/ResponseMetadata/RequestId").asText())
                .hasSize(32)
                .startsWith("20230604110420");
    }

    @Test
    void seed002_liveGetRoomInfo_throughTheControlApi() throws IOException {
        emu = TestEmulator.start(Instant.ofEpochSecond(1693271354L));
        TestEmulator.Resp created = emu.control(
                HttpMethod.POST,
                "rooms",
                "{\"vendor\":\"tencent-live\",\"app\":\""
                        + TestEmulator.SDK_APP_ID
                        + "\",\"roomId\":\"rid-123\",\"attributes\":{\"RoomName\":\"rname-123\","
                        + "\"Owner_Account\":144115233775727695,\"IsSeatEnabled\":true,\"TakeSeatMode\":\"ApplyToTake\","
                        + "\"MaxSeatCount\":8,\"MaxMemberCount\":300,\"IsMessageDisabled\":false,"
                        + "\"CoverURL\":\"https://xxxx.png\",\"Category\":[1,2,3],\"ActivityStatus\":1,\"ViewCount\":10,"
                        + "\"IsPublicVisible\":true}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        TestEmulator.Resp resp = emu.live("get_room_info", "{\"RoomId\":\"rid-123\"}");

        assertSameIgnoringRequestId(resp.json(), sample("002-live-get-room-info.json"));
    }

    @Test
    void seed003_liveGetRoomList_firstPageOfTwenty() throws IOException {
        emu = TestEmulator.start(Instant.ofEpochSecond(1693271354L));
        for (int i = 0; i < 25; i++) {
            long views = i < 20 ? 1000 - Math.round(i * 100 / 19.0) : 800 - i;
            emu.world()
                    .createRoom(new RoomSpec(
                            RoomAddress.of(Vendor.TENCENT_LIVE, "" + TestEmulator.SDK_APP_ID, "room_id" + i),
                            null,
                            Map.of(
                                    "RoomName",
                                    "name",
                                    "Owner_Account",
                                    "bren",
                                    "CoverURL",
                                    "cover_url",
                                    "Category",
                                    java.util.List.of(1, 2, 3),
                                    "ActivityStatus",
                                    1,
                                    "ViewCount",
                                    views)));
        }

        JsonNode actual =
                emu.live("get_room_list", "{\"Next\":\"\",\"Count\":20}").json();
        JsonNode expected = sample("003-live-get-room-list.json");

        // The sample elides rooms 1..18 with "..."; its first and last items are compared with ours, and Next is
        // an opaque cursor: ours must be non-empty (more rooms follow), its value is ours to choose.
        JsonNode list = actual.at("/Response/RoomList");
        assertThat(list).hasSize(20);
        assertThat(list.get(0)).isEqualTo(expected.at("/Response/RoomList/0"));
        assertThat(list.get(19)).isEqualTo(expected.at("/Response/RoomList/1"));
        assertThat(actual.at("/Response/Next").asText()).isNotEmpty();
        ObjectNode envelope = ((ObjectNode) actual.deepCopy()).without("RequestId");
        ((ObjectNode) envelope.get("Response")).remove(java.util.List.of("Next", "RoomList"));
        ObjectNode sampleEnvelope = ((ObjectNode) expected.deepCopy()).without("RequestId");
        ((ObjectNode) sampleEnvelope.get("Response")).remove(java.util.List.of("Next", "RoomList"));
        assertThat(envelope).isEqualTo(sampleEnvelope);
    }

    @Test
    void seed004_roomEngineGetRoomInfo() throws IOException {
        emu = TestEmulator.start(Instant.ofEpochSecond(1703491546L));
        RoomAddress room = RoomAddress.of(Vendor.TENCENT_ROOM, "" + TestEmulator.SDK_APP_ID, "room-test");
        emu.world()
                .createRoom(new RoomSpec(
                        room,
                        null,
                        Map.ofEntries(
                                Map.entry("RoomName", "room-name-test"),
                                Map.entry("Owner_Account", "user2"),
                                Map.entry("MaxMemberCount", 300),
                                Map.entry("MaxSeatCount", 16),
                                Map.entry("IsVideoDisabled", true),
                                Map.entry("IsAudioDisabled", true),
                                Map.entry("IsMessageDisabled", true),
                                Map.entry("IsScreenSharingDisabled", true),
                                Map.entry("IsCloudRecordingDisabled", true),
                                Map.entry("CustomInfo", "custom123"),
                                Map.entry("ScheduleStartTime", 1703491546L),
                                Map.entry("ScheduleEndTime", 1703495146L),
                                Map.entry("RoomStatus", "Running"),
                                Map.entry("IsSeatEnabled", true),
                                Map.entry("TakeSeatMode", "ApplyToTake"))));
        emu.world().join(room, "user2", false);

        TestEmulator.Resp resp = emu.conference("get_room_info", "{\"RoomId\":\"room-test\"}");

        assertSameIgnoringRequestId(resp.json(), sample("004-room-get-room-info.json"));
    }

    static String sampleText(String name) throws IOException {
        try (InputStream in = SeedSamplesTest.class.getResourceAsStream("/emulator/seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode sample(String name) throws IOException {
        return LENIENT.readTree(sampleText(name).replaceAll("(?m)^\\.\\.\\.$\\n", ""));
    }

    private static JsonNode withoutLists(JsonNode response) {
        ObjectNode copy = response.deepCopy();
        ((ObjectNode) copy.get("Result")).remove(java.util.List.of("VisibleUserList", "InvisibleUserList"));
        return copy;
    }

    private static void assertSameIgnoringRequestId(JsonNode actual, JsonNode expected) {
        ObjectNode a = actual.deepCopy();
        ObjectNode e = expected.deepCopy();
        for (ObjectNode node : new ObjectNode[] {a, e}) {
            node.remove("RequestId");
            if (node.get("ResponseMetadata") instanceof ObjectNode metadata) {
                metadata.remove("RequestId");
            }
        }
        assertThat(a).isEqualTo(e);
    }
}
