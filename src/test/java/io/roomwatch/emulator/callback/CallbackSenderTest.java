package io.roomwatch.emulator.callback;

import static io.roomwatch.emulator.callback.CallbackSigningTest.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import io.roomwatch.emulator.CallbackCounts;
import io.roomwatch.emulator.CallbackOptions;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.TestEmulator;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.callback.RecordingReceiver.Received;
import io.roomwatch.emulator.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's callbacks against a recording receiver on loopback: what each vendor sends for a scripted world
 * (paths, queries, bodies, signatures), the retry schedules on HTTP 503 in virtual time, and the seeded faults.
 * Waits are bounded: virtual time advances in steps while real time polls for the answers, at most 10 s.
 */
class CallbackSenderTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final String VOLC_KEY = "volc-callback-key-1";
    private static final String TENCENT_TOKEN = "tencent-callback-token-1";
    private static final String SDK_APP = Long.toString(TestEmulator.SDK_APP_ID);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void scriptedWorld_eachVendorCallsBackAsDocumented() {
        RecordingReceiver receiver = receiver(RecordingReceiver.ok());
        TestEmulator emu = emulator(receiver, CallbackOptions.to(receiver.target()));
        World world = emu.world();
        RoomAddress volc = RoomAddress.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "v1");
        RoomAddress live = RoomAddress.of(Vendor.TENCENT_LIVE, SDK_APP, "l1");
        RoomAddress conf = RoomAddress.of(Vendor.TENCENT_ROOM, SDK_APP, "c1");

        world.createRoom(new RoomSpec(volc, "call-1", Map.of()));
        world.createRoom(new RoomSpec(live, null, Map.of("RoomName", "Live one", "Owner_Account", "host")));
        world.createRoom(new RoomSpec(conf, null, Map.of()));
        for (RoomAddress room : List.of(volc, live, conf)) {
            stepThrough(emu, Duration.ofSeconds(1));
            world.join(room, "u1", false);
            world.join(room, "u2", room == volc); // invisible on Volcengine
            stepThrough(emu, Duration.ofSeconds(1));
            world.leave(room, "u1");
            stepThrough(emu, Duration.ofSeconds(1));
            world.destroyRoom(room); // u2 leaves with it
        }

        awaitSettled(emu, 16);

        CallbackCounts counts = emu.emulator.callbackCounts();
        assertThat(counts.changes()).isEqualTo(18);
        assertThat(counts.suppressed()).isEqualTo(2); // Volcengine RoomCreated; TUILiveKit u2 leaving by dissolution
        assertThat(counts.sent()).isEqualTo(16);
        assertThat(counts.delivered()).isEqualTo(16);
        assertThat(counts.rejected() + counts.failed() + counts.givenUp() + counts.lost())
                .isZero();
        assertThat(receiver.all()).hasSize(16);
        JsonNode served = emu.control(HttpMethod.GET, "callbacks", "").json();
        assertThat(served.get("delivered").asLong()).isEqualTo(16);
        assertThat(served.get("suppressed").asLong()).isEqualTo(2);
        checkVolcengine(receiver.at("/callbacks/volcengine/" + TestEmulator.VOLC_APP));
        checkLive(receiver.at("/callbacks/tencent-live/" + SDK_APP), emu);
        checkConference(receiver.at("/callbacks/tencent-conference/" + SDK_APP));
    }

    private static void checkVolcengine(List<Received> got) {
        List<JsonNode> bodies = got.stream().map(r -> json(r.body())).toList();
        assertThat(bodies)
                .extracting(
                        b -> b.get("EventType").asText(),
                        b -> json(b.get("EventData").asText()).path("UserId").asText())
                .containsExactlyInAnyOrder(
                        tuple("UserJoinRoom", "u1"),
                        tuple("InvisibleUserJoinRoom", "u2"),
                        tuple("UserLeaveRoom", "u1"),
                        tuple("InvisibleUserLeaveRoom", "u2"),
                        tuple("RoomDestroy", ""));
        assertThat(bodies).extracting(b -> b.get("EventId").asText()).doesNotHaveDuplicates();
        assertThat(got).allSatisfy(r -> assertThat(r.query()).isEmpty());
        for (JsonNode body : bodies) {
            assertThat(fieldNames(body))
                    .containsExactly(
                            "EventType", "EventData", "EventTime", "EventId", "AppId", "Version", "Nonce", "Signature");
            assertThat(body.get("AppId").asText()).isEqualTo(TestEmulator.VOLC_APP);
            assertThat(body.get("Version").asText()).isEqualTo("2020-12-01");
            assertThat(body.get("Nonce").asText()).matches("[0-9]{4}");
            assertThat(body.get("EventTime").asText()).matches("2025-01-01T00:00:0[0-9]\\.[0-9]{9}Z");
            JsonNode data = json(body.get("EventData").asText());
            assertThat(data.get("RoomId").asText()).isEqualTo("v1");
            assertThat(Instant.ofEpochMilli(data.get("Timestamp").asLong()).toString())
                    .isEqualTo(body.get("EventTime").asText().replace(".000000000Z", "Z"));
            assertThat(body.get("Signature").asText()).isEqualTo(volcengineSignature(body, VOLC_KEY));
        }
    }

    private static void checkLive(List<Received> got, TestEmulator emu) {
        assertThat(got).hasSize(5);
        for (Received r : got) {
            JsonNode body = json(r.body());
            assertThat(r.uri())
                    .contains("?SdkAppid=" + SDK_APP + "&CallbackCommand="
                            + body.get("CallbackCommand").asText()
                            + "&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI&Sign=");
            checkSign(r, TENCENT_TOKEN);
        }
        Map<String, JsonNode> byKey = new java.util.HashMap<>();
        got.forEach(r -> {
            JsonNode b = json(r.body());
            byKey.put(
                    b.get("CallbackCommand").asText() + "/"
                            + b.path("EventType").asText() + "/"
                            + b.path("MemberList")
                                    .path(0)
                                    .path("Member_Account")
                                    .asText(),
                    b);
        });
        assertThat(byKey)
                .containsOnlyKeys(
                        "Live.CallbackAfterCreateRoom//",
                        "Live.CallbackAfterMemberStateChanged/Online/u1",
                        "Live.CallbackAfterMemberStateChanged/Online/u2",
                        "Live.CallbackAfterMemberStateChanged/Offline/u1",
                        "Live.CallbackAfterDestroyRoom/DestroyByUser/");
        long createSecond = T0.getEpochSecond();
        JsonNode create = byKey.get("Live.CallbackAfterCreateRoom//");
        assertThat(fieldNames(create)).containsExactly("CallbackCommand", "Operator_Account", "RoomInfo", "EventTime");
        assertThat(create.get("Operator_Account").asText()).isEqualTo(TestEmulator.ADMIN);
        assertThat(create.get("RoomInfo").toString())
                .isEqualTo(
                        "{\"RoomId\":\"l1\",\"RoomName\":\"Live one\",\"RoomType\":\"Live\",\"Owner_Account\":\"host\","
                                + "\"CreateTime\":" + createSecond + "}");
        assertThat(create.get("EventTime").asLong()).isEqualTo(T0.toEpochMilli());
        JsonNode offline = byKey.get("Live.CallbackAfterMemberStateChanged/Offline/u1");
        assertThat(offline.toString())
                .isEqualTo("{\"CallbackCommand\":\"Live.CallbackAfterMemberStateChanged\",\"RoomId\":\"l1\","
                        + "\"EventType\":\"Offline\",\"EventCause\":\"Leave\",\"MemberList\":[{\"Member_Account\":\"u1\"}],"
                        + "\"EventTime\":" + T0.plusSeconds(5).toEpochMilli() + "}");
        JsonNode destroy = byKey.get("Live.CallbackAfterDestroyRoom/DestroyByUser/");
        assertThat(fieldNames(destroy))
                .containsExactly("CallbackCommand", "Operator_Account", "RoomId", "EventType", "EventTime", "RoomInfo");
        assertThat(destroy.at("/RoomInfo/CreateTime").asLong()).isEqualTo(createSecond);
        assertThat(destroy.get("EventTime").asLong())
                .isEqualTo(T0.plusSeconds(6).toEpochMilli());
    }

    private static void checkConference(List<Received> got) {
        assertThat(got).allSatisfy(r -> checkSign(r, TENCENT_TOKEN)); // the SDKAppID's token, as TUILiveKit
        List<JsonNode> bodies = got.stream()
                .map(r -> json(r.body()))
                .sorted(Comparator.comparingLong(b -> b.get("EventTime").asLong()))
                .toList();
        assertThat(bodies)
                .extracting(
                        b -> b.get("CallbackCommand").asText(),
                        b -> b.path("MemberList_Account").path(0).asText(),
                        b -> b.path("MemberCount").asInt(-1))
                .containsExactlyInAnyOrder(
                        tuple("Room.CallbackAfterCreateRoom", "", -1),
                        tuple("Room.CallbackAfterMemberEnter", "u1", 1),
                        tuple("Room.CallbackAfterMemberEnter", "u2", 2),
                        tuple("Room.CallbackAfterMemberLeave", "u1", 1),
                        tuple("Room.CallbackAfterMemberLeave", "u2", 0), // leaving with the room: still reported
                        tuple("Room.CallbackAfterDestroyRoom", "", -1));
        JsonNode enter = bodies.stream()
                .filter(b -> b.get("CallbackCommand").asText().endsWith("MemberEnter"))
                .findFirst()
                .orElseThrow();
        assertThat(fieldNames(enter))
                .containsExactly(
                        "CallbackCommand",
                        "Operator_Account",
                        "RoomId",
                        "MemberCount",
                        "Type",
                        "MemberList_Account",
                        "EventTime");
        assertThat(enter.get("Type").asText()).isEqualTo("Enter");
        JsonNode destroy = bodies.stream()
                .filter(b -> b.get("CallbackCommand").asText().endsWith("DestroyRoom"))
                .findFirst()
                .orElseThrow(); // not by time: the last leave shares its millisecond
        assertThat(destroy.toString())
                .isEqualTo("{\"CallbackCommand\":\"Room.CallbackAfterDestroyRoom\",\"Operator_Account\":\""
                        + TestEmulator.ADMIN + "\",\"RoomId\":\"c1\",\"EventTime\":"
                        + T0.plusSeconds(9).toEpochMilli() + "}");
        JsonNode leave = bodies.stream()
                .filter(b -> b.get("CallbackCommand").asText().endsWith("MemberLeave"))
                .findFirst()
                .orElseThrow();
        assertThat(leave.get("Reason").asText()).isEqualTo("Leave");
        assertThat(bodies.get(0).at("/RoomInfo/RoomType").asText()).isEqualTo("Conference"); // the only one at T0
    }

    @Test
    void volcengine_503_isDeliveredAtMostThreeTimes_1sThen2sApart() {
        RecordingReceiver receiver = receiver(RecordingReceiver.answering(r -> 503));
        TestEmulator emu = emulator(receiver, CallbackOptions.to(receiver.target()));
        RoomAddress room = RoomAddress.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "v1");
        emu.world().createRoom(new RoomSpec(room, null, Map.of()));
        emu.world().join(room, "u1", false);

        stepThrough(emu, Duration.ofMinutes(1));

        List<Received> got = receiver.all();
        long first = T0.toEpochMilli() + 25; // the first read after the change
        assertThat(got).extracting(Received::atMillis).containsExactly(first, first + 1000, first + 3000);
        assertThat(got).extracting(Received::body).containsOnly(got.get(0).body()); // same EventId, Nonce, Signature
        CallbackCounts counts = emu.emulator.callbackCounts();
        assertThat(counts.sent()).isEqualTo(3);
        assertThat(counts.rejected()).isEqualTo(3);
        assertThat(counts.givenUp()).isEqualTo(1);
        assertThat(counts.delivered()).isZero();
    }

    @Test
    void tencent_503_isRetriedAtOnce_thenEvery10s_forOneMinute_signedPerAttempt() {
        RecordingReceiver receiver = receiver(RecordingReceiver.answering(r -> 503));
        TestEmulator emu = emulator(receiver, CallbackOptions.to(receiver.target()));
        emu.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, SDK_APP, "l1"));

        stepThrough(emu, Duration.ofMinutes(3));

        List<Received> got = receiver.all();
        long s0 = T0.getEpochSecond();
        assertThat(got)
                .extracting(r -> Long.parseLong(r.query().get("RequestTime")))
                .containsExactly(s0, s0, s0 + 10, s0 + 20, s0 + 30, s0 + 40, s0 + 50, s0 + 60);
        assertThat(got).allSatisfy(r -> checkSign(r, TENCENT_TOKEN)); // a new Sign for each RequestTime
        assertThat(got).extracting(Received::body).containsOnly(got.get(0).body());
        CallbackCounts counts = emu.emulator.callbackCounts();
        assertThat(counts.rejected()).isEqualTo(8);
        assertThat(counts.givenUp()).isEqualTo(1);
    }

    @Test
    void aReceiverThatRecovers_getsTheCallbackOnARetry() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        RecordingReceiver receiver =
                receiver(RecordingReceiver.answering(r -> calls.incrementAndGet() <= 2 ? 503 : 200));
        TestEmulator emu = emulator(receiver, CallbackOptions.to(receiver.target()));
        RoomAddress room = RoomAddress.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "v1");
        emu.world().createRoom(new RoomSpec(room, null, Map.of()));
        emu.world().join(room, "u1", false);

        stepThrough(emu, Duration.ofSeconds(10));

        CallbackCounts counts = emu.emulator.callbackCounts();
        assertThat(counts.sent()).isEqualTo(3);
        assertThat(counts.rejected()).isEqualTo(2);
        assertThat(counts.delivered()).isEqualTo(1);
        assertThat(counts.givenUp()).isZero();
    }

    @Test
    void deliveriesUnderWay_areBounded_laterChangesWaitInTheLog() {
        RecordingReceiver receiver = receiver(RecordingReceiver.answering(r -> 503));
        TestEmulator emu =
                emulator(receiver, CallbackOptions.to(receiver.target()).withMaxInFlight(1));
        RoomAddress room = RoomAddress.of(Vendor.TENCENT_LIVE, SDK_APP, "l1");
        emu.world().createRoom(new RoomSpec(room, null, Map.of()));
        emu.world().join(room, "u1", false);

        stepThrough(emu, Duration.ofSeconds(59));
        assertThat(receiver.all())
                .extracting(r -> r.query().get("CallbackCommand"))
                .hasSize(7)
                .containsOnly("Live.CallbackAfterCreateRoom");
        stepThrough(emu, Duration.ofSeconds(2)); // the create's last attempt at +60 s, then the join's first two
        awaitSettled(emu, 10); // the join starts on a Netty thread once the create is given up

        assertThat(receiver.all())
                .extracting(r -> r.query().get("CallbackCommand"))
                .containsExactly(
                        "Live.CallbackAfterCreateRoom",
                        "Live.CallbackAfterCreateRoom",
                        "Live.CallbackAfterCreateRoom",
                        "Live.CallbackAfterCreateRoom",
                        "Live.CallbackAfterCreateRoom",
                        "Live.CallbackAfterCreateRoom",
                        "Live.CallbackAfterCreateRoom",
                        "Live.CallbackAfterCreateRoom",
                        "Live.CallbackAfterMemberStateChanged",
                        "Live.CallbackAfterMemberStateChanged");
        assertThat(emu.emulator.callbackCounts().givenUp()).isEqualTo(1);
    }

    @Test
    void faults_followTheSeed_lossDuplicatesDelayAndForgeries() {
        List<String> first = runFaults(42);
        List<String> again = runFaults(42);
        List<String> other = runFaults(7);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** 60 joins under 25 % loss, 25 % duplicates, 20 % forgeries and 2 s delays; returns what arrived, sorted. */
    private List<String> runFaults(long seed) {
        RecordingReceiver receiver = receiver(RecordingReceiver.answering(
                r -> json(r.body()).get("Signature").asText().equals(volcengineSignature(json(r.body()), VOLC_KEY))
                        ? 200
                        : 401));
        CallbackOptions options = CallbackOptions.to(receiver.target())
                .withFaults(0.25, 0.25, Duration.ofSeconds(2), 0.2)
                .withSeed(seed);
        TestEmulator emu = emulator(receiver, options);
        RoomAddress room = RoomAddress.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "v1");
        emu.world().createRoom(new RoomSpec(room, "call-1", Map.of()));
        IntStream.range(0, 60).forEach(i -> emu.world().join(room, "u" + i, false));

        stepThrough(emu, Duration.ofMillis(2100)); // through the 2 s of delays
        CallbackCounts planned = emu.emulator.callbackCounts();
        awaitSettled(emu, 60 - planned.lost() + planned.duplicated() + planned.forged());

        CallbackCounts counts = emu.emulator.callbackCounts();
        assertThat(counts.lost()).isBetween(5L, 30L);
        assertThat(counts.duplicated()).isBetween(3L, 30L);
        assertThat(counts.forged()).isBetween(3L, 30L);
        assertThat(counts.delivered()).isEqualTo(60 - counts.lost() + counts.duplicated());
        assertThat(counts.forgedRejected()).isEqualTo(counts.forged());
        assertThat(counts.forgedAccepted()).isZero();
        List<JsonNode> forged = receiver.all().stream()
                .map(r -> json(r.body()))
                .filter(b -> !b.get("Signature").asText().equals(volcengineSignature(b, VOLC_KEY)))
                .toList();
        assertThat(forged).hasSize((int) counts.forged());
        assertThat(forged).allSatisfy(b -> assertThat(
                        json(b.get("EventData").asText()).get("UserId").asText())
                .startsWith("forged-"));
        return receiver.all().stream().map(Received::body).sorted().toList();
    }

    @Test
    void docSpellingOptions_noceTableCommandUnsignedConferenceAndRoomCreate() {
        RecordingReceiver receiver = receiver(RecordingReceiver.ok());
        CallbackOptions options = CallbackOptions.to(receiver.target())
                .withNoce(true)
                .withVolcengineRoomCreate(true)
                .withLiveMemberCommand(CallbackOptions.LIVE_MEMBER_COMMAND_TABLE)
                .withConferenceSigned(false);
        TestEmulator emu = emulator(receiver, options);
        RoomAddress volc = RoomAddress.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "v1");
        RoomAddress live = RoomAddress.of(Vendor.TENCENT_LIVE, SDK_APP, "l1");
        emu.world().createRoom(new RoomSpec(volc, "call-1", Map.of()));
        emu.world().createRoom(new RoomSpec(live, null, Map.of()));
        emu.world().join(live, "u1", false);
        emu.world().createRoom(RoomSpec.of(Vendor.TENCENT_ROOM, SDK_APP, "c1"));

        awaitSettled(emu, 4);

        JsonNode roomCreate = json(receiver.at("/callbacks/volcengine/" + TestEmulator.VOLC_APP)
                .get(0)
                .body());
        assertThat(roomCreate.get("EventType").asText()).isEqualTo("RoomCreate");
        assertThat(roomCreate.has("Nonce")).isFalse();
        assertThat(roomCreate.get("Noce").asText()).matches("[0-9]{4}");
        assertThat(roomCreate.get("Signature").asText()).isEqualTo(volcengineSignature(roomCreate, VOLC_KEY));
        assertThat(receiver.at("/callbacks/tencent-live/" + SDK_APP))
                .extracting(r -> r.query().get("CallbackCommand"))
                .containsExactlyInAnyOrder("Live.CallbackAfterCreateRoom", "Live.CallbackMemberStateChanged");
        Received conference =
                receiver.at("/callbacks/tencent-conference/" + SDK_APP).get(0);
        assertThat(conference.query()).doesNotContainKeys("Sign", "RequestTime").containsEntry("SdkAppid", SDK_APP);
    }

    @Test
    void stoppingTheEmulator_stopsTheCallbacks() {
        RecordingReceiver receiver = receiver(RecordingReceiver.ok());
        TestEmulator emu = TestEmulator.start(config(CallbackOptions.to(receiver.target())), T0);
        RoomAddress room = RoomAddress.of(Vendor.TENCENT_ROOM, SDK_APP, "c1");
        emu.world().createRoom(new RoomSpec(room, null, Map.of()));
        awaitSettled(emu, 1);

        emu.close();
        emu.world().join(room, "u1", false);
        emu.advance(Duration.ofSeconds(1));

        assertThat(receiver.all()).hasSize(1);
        assertThat(emu.emulator.callbackCounts().changes()).isEqualTo(1);
    }

    // ---- helpers

    private RecordingReceiver receiver(RecordingReceiver receiver) {
        open.add(receiver);
        return receiver;
    }

    private TestEmulator emulator(RecordingReceiver receiver, CallbackOptions options) {
        TestEmulator emu = TestEmulator.start(config(options), T0);
        receiver.clock = emu::nowMillis;
        open.add(0, emu); // closed before its receiver
        return emu;
    }

    private static EmulatorConfig config(CallbackOptions options) {
        return TestEmulator.config()
                .withCallbacks(options.withVolcengineKey(TestEmulator.VOLC_APP, VOLC_KEY)
                        .withTencentToken(TestEmulator.SDK_APP_ID, TENCENT_TOKEN)
                        .withTencentToken(1400000002L, "other-token"));
    }

    /**
     * Advances the clock in 25 ms steps until {@code sent} requests have been made and every one has its outcome, at
     * most 10 s of real time.
     */
    private static void awaitSettled(TestEmulator emu, long sent) {
        await(() -> {
            CallbackCounts counts = emu.emulator.callbackCounts();
            if (counts.sent() < sent) {
                emu.advance(Duration.ofMillis(25));
            }
            return counts.sent() == sent && counts.settled() == sent;
        });
    }

    /**
     * Advances the clock by {@code total} in 25 ms steps (the read period, so reads and retries fall on step ends),
     * waiting after each until nothing is on the wire: no attempt can then time out because the clock ran ahead.
     */
    private static void stepThrough(TestEmulator emu, Duration total) {
        for (long step = 0; step < total.toMillis() / 25; step++) {
            emu.advance(Duration.ofMillis(25));
            awaitOnTheWire(emu);
        }
    }

    /** Waits (without advancing) until nothing is on the wire, so the next advance cannot time an attempt out. */
    private static void awaitOnTheWire(TestEmulator emu) {
        await(() -> {
            CallbackCounts counts = emu.emulator.callbackCounts();
            return counts.settled() == counts.sent();
        });
    }

    private static void await(BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not settled within 10 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }

    private static void checkSign(Received r, String token) {
        String requestTime = r.query().get("RequestTime");
        assertThat(requestTime).matches("[0-9]{10}");
        assertThat(r.query().get("Sign")).isEqualTo(sha256Hex(token + requestTime));
    }

    /** Recomputed here from the doc's recipe, independently of CallbackSigning. */
    private static String volcengineSignature(JsonNode body, String key) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("EventType", "EventData", "EventTime", "EventId", "AppId", "Version")) {
            parts.add(body.get(field).asText());
        }
        parts.add(
                body.has("Nonce")
                        ? body.get("Nonce").asText()
                        : body.get("Noce").asText());
        parts.add(key);
        parts.sort(Comparator.naturalOrder()); // ASCII here, where UTF-16 and byte order agree
        return sha256Hex(String.join("", parts));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(String text) {
        try {
            return TestEmulator.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
