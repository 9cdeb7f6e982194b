package io.roomwatch.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import io.roomwatch.emulator.Fault;
import io.roomwatch.emulator.TestEmulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control API drives exact sequences and reads them back: state, change log, faults, scenario. */
class ControlApiTest {

    private static final Instant T0 = Instant.parse("2025-05-01T00:00:00Z");

    private TestEmulator emu;

    @BeforeEach
    void startEmulator() {
        emu = TestEmulator.start(T0);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void roomsAndMembers_createJoinLeaveDestroy_areLoggedWithTimestampsAndIncarnations() {
        TestEmulator.Resp created = emu.control(
                HttpMethod.POST,
                "rooms",
                "{\"vendor\":\"volcengine\",\"app\":\""
                        + TestEmulator.VOLC_APP + "\",\"roomId\":\"r1\",\"callId\":\"call-1\","
                        + "\"members\":[{\"userId\":\"alice\"}]}");
        emu.advance(Duration.ofSeconds(5));
        emu.control(
                HttpMethod.POST,
                "rooms/volcengine/" + TestEmulator.VOLC_APP + "/r1/members",
                "{\"userIds\":[\"bob\",\"eve\"],\"invisible\":true}");
        emu.advance(Duration.ofSeconds(5));
        emu.control(HttpMethod.DELETE, "rooms/volcengine/" + TestEmulator.VOLC_APP + "/r1/members/bob", "");
        TestEmulator.Resp destroyed =
                emu.control(HttpMethod.DELETE, "rooms/volcengine/" + TestEmulator.VOLC_APP + "/r1", "");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("incarnation").asText()).isEqualTo("call-1");
        assertThat(destroyed.status()).isEqualTo(200);
        JsonNode changes = emu.control(HttpMethod.GET, "changes?since=0", "").json();
        assertThat(changes.get("truncated").asBoolean()).isFalse();
        assertThat(changes.get("changes"))
                .extracting(c -> c.get("type").asText() + ":" + c.get("userId").asText() + "@"
                        + c.get("timeMillis").asLong())
                .containsExactly(
                        "RoomCreated:null@" + T0.toEpochMilli(), "UserJoined:alice@" + T0.toEpochMilli(),
                        "UserJoined:bob@" + (T0.toEpochMilli() + 5000), "UserJoined:eve@" + (T0.toEpochMilli() + 5000),
                        "UserLeft:bob@" + (T0.toEpochMilli() + 10_000),
                                "UserLeft:alice@" + (T0.toEpochMilli() + 10_000),
                        "UserLeft:eve@" + (T0.toEpochMilli() + 10_000),
                                "RoomDestroyed:null@" + (T0.toEpochMilli() + 10_000));
        assertThat(changes.at("/changes/0/incarnation").asText()).isEqualTo("call-1");
        assertThat(changes.at("/changes/0/vendor").asText()).isEqualTo("volcengine");
        assertThat(emu.control(HttpMethod.GET, "changes?since=6", "").json().get("changes"))
                .hasSize(2);
    }

    @Test
    void state_showsLiveRoomsFinishedCallsAndFaults() {
        emu.control(
                HttpMethod.POST,
                "rooms",
                "{\"vendor\":\"tencent-live\",\"app\":\"1400000000\",\"roomId\":\"live\","
                        + "\"attributes\":{\"RoomName\":\"Show\"}}");
        emu.control(HttpMethod.PUT, "rooms/tencent-live/1400000000/live/view-count", "{\"viewCount\":77}");
        emu.control(
                HttpMethod.POST,
                "rooms",
                "{\"vendor\":\"volcengine\",\"app\":\"" + TestEmulator.VOLC_APP + "\",\"roomId\":\"gone\"}");
        emu.control(HttpMethod.DELETE, "rooms/volcengine/" + TestEmulator.VOLC_APP + "/gone", "");
        emu.control(
                HttpMethod.POST,
                "faults",
                "{\"vendor\":\"tencent-live\",\"api\":\"live_get_room_list\","
                        + "\"kind\":\"FAIL_PAGE_N\",\"page\":3,\"untilCleared\":true}");

        JsonNode state = emu.control(HttpMethod.GET, "state", "").json();

        assertThat(state.get("now").asLong()).isEqualTo(T0.toEpochMilli());
        assertThat(state.get("rooms")).hasSize(1);
        assertThat(state.at("/rooms/0/viewCount").asLong()).isEqualTo(77);
        assertThat(state.at("/rooms/0/attributes/RoomName").asText()).isEqualTo("Show");
        assertThat(state.at("/volcengineCalls/0/roomId").asText()).isEqualTo("gone");
        assertThat(state.at("/volcengineCalls/0/destroyedAtMillis").asLong()).isEqualTo(T0.toEpochMilli());
        assertThat(state.at("/faults/0/fault/kind").asText()).isEqualTo("FAIL_PAGE_N");
        assertThat(state.at("/faults/0/remaining").asInt()).isEqualTo(Fault.UNTIL_CLEARED);
    }

    @Test
    void faults_canBeSwitchedOnAndOffOverHttp() {
        TestEmulator.Resp added = emu.control(
                HttpMethod.POST,
                "faults",
                "{\"vendor\":\"tencent-live\"," + "\"kind\":\"THROTTLE\",\"untilCleared\":true}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(emu.live("get_room_list", "{\"Next\":\"\",\"Count\":20}").tencentCode())
                .isEqualTo(60007);
        assertThat(emu.live("get_room_list", "{\"Next\":\"\",\"Count\":20}").tencentCode())
                .isEqualTo(60007);

        emu.control(HttpMethod.DELETE, "faults/" + added.json().get("id").asLong(), "");

        assertThat(emu.live("get_room_list", "{\"Next\":\"\",\"Count\":20}").tencentCode())
                .isZero();
        assertThat(emu.control(HttpMethod.DELETE, "faults/999", "").status()).isEqualTo(404);
        assertThat(emu.control(HttpMethod.DELETE, "faults", "").json().get("faults"))
                .isEmpty();
    }

    @Test
    void badRequests_getClearStatuses() {
        String room = "{\"vendor\":\"volcengine\",\"app\":\"a\",\"roomId\":\"dup\"}";

        assertThat(emu.control(HttpMethod.POST, "rooms", room).status()).isEqualTo(201);
        assertThat(emu.control(HttpMethod.POST, "rooms", room).status()).isEqualTo(409);
        assertThat(emu.control(HttpMethod.POST, "rooms", "{\"vendor\":\"zoom\",\"app\":\"a\",\"roomId\":\"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(emu.control(HttpMethod.POST, "rooms", "{\"vendr\":\"volcengine\"}")
                        .status())
                .isEqualTo(400);
        assertThat(emu.control(HttpMethod.POST, "rooms/volcengine/a/none/members", "{\"userId\":\"u\"}")
                        .status())
                .isEqualTo(404);
        assertThat(emu.control(HttpMethod.DELETE, "rooms/volcengine/a/none", "").status())
                .isEqualTo(404);
        assertThat(emu.control(HttpMethod.GET, "nothing", "").status()).isEqualTo(404);
        assertThat(emu.control(
                                HttpMethod.POST,
                                "faults",
                                "{\"vendor\":\"volcengine\",\"kind\":\"SLOW\"," + "\"delayMillis\":0}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void scenario_startsOnTheEmulatorClock_andStops() {
        TestEmulator.Resp started = emu.control(
                HttpMethod.POST,
                "scenario",
                "{\"seed\":7,\"tickMillis\":1000,"
                        + "\"apps\":[{\"vendor\":\"tencent-room\",\"app\":\"1400000000\",\"roomsPerMinute\":60,"
                        + "\"joinsPerMinute\":60}]}");
        assertThat(started.json().get("running").asBoolean()).isTrue();

        emu.advance(Duration.ofSeconds(10));
        long afterTen = emu.world().changes(0, 10_000).latestSeq();
        emu.control(HttpMethod.DELETE, "scenario", "");
        emu.advance(Duration.ofSeconds(10));

        assertThat(afterTen).isGreaterThanOrEqualTo(10);
        assertThat(emu.world().changes(0, 10_000).latestSeq()).isEqualTo(afterTen);
        assertThat(emu.control(HttpMethod.GET, "state", "")
                        .json()
                        .get("scenarioRunning")
                        .asBoolean())
                .isFalse();
    }
}
