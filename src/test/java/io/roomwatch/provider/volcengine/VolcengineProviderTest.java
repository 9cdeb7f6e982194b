package io.roomwatch.provider.volcengine;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.config.HttpSettings;
import io.roomwatch.config.RetrySettings;
import io.roomwatch.config.Secret;
import io.roomwatch.config.VolcengineSource;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Observation;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Visibility;
import io.roomwatch.provider.StubVendor;
import io.roomwatch.provider.StubVendor.Fault;
import io.roomwatch.provider.StubVendor.Reply;
import io.roomwatch.provider.StubVendor.Request;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.http.VendorHttp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Against an in-test vendor on 127.0.0.1: every request is counted server-side. */
class VolcengineProviderTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AppKey APP = AppKey.of(Provider.VOLCENGINE, "app-1");
    private static final RoomRef ROOM = new RoomRef(APP.room("room-1"), "call-1");

    private final Scheduler timer = Schedulers.parallel();
    private final FakeVolcengine vendor = new FakeVolcengine();
    private final StubVendor stub = StubVendor.start(vendor);
    private final Instant now = Instant.ofEpochMilli(timer.now(MILLISECONDS)).truncatedTo(ChronoUnit.SECONDS);
    private VendorHttp http;

    @AfterEach
    void stop() {
        stub.close();
        if (http != null) {
            http.close();
        }
    }

    @Test
    void given250RoomsInOneWindow_whenSweeping_thenThreePagesOfHundredThroughTotal() {
        addRooms(250, now.minus(Duration.ofMinutes(30)), Duration.ofSeconds(1));

        RoomSweep sweep =
                provider(source()).rooms(now.minus(Duration.ofHours(1))).block(WAIT);

        assertThat(sweep.rooms()).hasSize(250);
        assertThat(sweep.completeness()).isEqualTo(Completeness.PARTIAL);
        // Only this app's ListRoomInfo calls: a retry left over from an earlier test can reach a stub that got the
        // same ephemeral port (seen once in CI as a request without any PageNum between pages 2 and 3).
        assertThat(stub.requests())
                .filteredOn(r -> r.param("Action").equals("ListRoomInfo")
                        && r.param("AppId").equals("app-1"))
                .extracting(r -> r.param("PageNum"))
                .containsExactly("1", "2", "3");
        assertThat(stub.requests())
                .allSatisfy(r -> assertThat(r.param("PageSize")).isEqualTo("100"));
        assertThat(sweep.listedUntil()).isBetween(now.minusSeconds(21), now.plusSeconds(5));
    }

    @Test
    void givenAQuery_whenSent_thenRfc3339PlusIsPercentEncodedAndSignedHostMatches() {
        provider(source()).rooms(now.minus(Duration.ofHours(1))).block(WAIT);

        Request first = stub.requests().get(0);
        assertThat(first.rawQuery())
                .contains("StartTime=")
                .contains("%2B00%3A00")
                .doesNotContain("+");
        assertThat(first.param("StartTime")).endsWith("+00:00");
        assertThat(first.headers().get("Host"))
                .isEqualTo("127.0.0.1:" + stub.baseUrl().getPort());
        assertThat(first.headers().get("Authorization"))
                .startsWith("HMAC-SHA256 Credential=AKLTtest/")
                .contains("/cn-north-1/rtc/request, SignedHeaders=host;x-content-sha256;x-date, Signature=");
        assertThat(first.headers()).containsKey("X-Date");
    }

    @Test
    void givenFiftyHoursBack_whenSweeping_thenThreeContiguousWindowsOfAtMost24Hours() {
        addRooms(3, now.minus(Duration.ofHours(49)), Duration.ofHours(20));

        RoomSweep sweep =
                provider(source()).rooms(now.minus(Duration.ofHours(50))).block(WAIT);

        List<Instant[]> windows =
                stub.requests().stream().map(VolcengineProviderTest::window).toList();
        assertThat(windows).hasSize(3);
        assertThat(windows)
                .allSatisfy(w -> assertThat(Duration.between(w[0], w[1])).isLessThanOrEqualTo(Duration.ofHours(24)));
        assertThat(windows.get(1)[0]).isEqualTo(windows.get(0)[1].plusSeconds(1));
        assertThat(windows.get(2)[0]).isEqualTo(windows.get(1)[1].plusSeconds(1));
        assertThat(sweep.rooms()).hasSize(3);
    }

    @Test
    void givenMoreThan14DaysBack_whenSweeping_thenStartsWithinTheLookBack() {
        provider(source()).rooms(now.minus(Duration.ofDays(30))).block(WAIT);

        assertThat(window(stub.requests().get(0))[0]).isAfter(now.minus(Duration.ofDays(14)));
        assertThat(stub.count()).isEqualTo(14); // 14 days minus a minute, in 24 h windows
    }

    @Test
    void givenHasMore_whenSweeping_thenWindowIsHalvedUntilEverythingIsListed() {
        vendor.hasMoreAbove = 100;
        addRooms(300, now.minus(Duration.ofMinutes(50)), Duration.ofSeconds(6));

        RoomSweep sweep =
                provider(source()).rooms(now.minus(Duration.ofHours(1))).block(WAIT);

        assertThat(sweep.rooms()).hasSize(300);
        assertThat(sweep.listedUntil()).isNotNull();
        assertThat(stub.requests())
                .allSatisfy(r -> assertThat(r.param("PageNum")).isEqualTo("1"));
    }

    @Test
    void givenHasMoreThatSplittingCannotFix_whenSweeping_thenWatermarkStopsBeforeTheUnlistableWindow() {
        vendor.hasMoreAbove = 100;
        addRooms(150, now.minus(Duration.ofMinutes(10)), Duration.ZERO); // all in one second

        RoomSweep sweep = provider(source().withMaxSplitDepth(3))
                .rooms(now.minus(Duration.ofHours(1)))
                .block(WAIT);

        assertThat(sweep.rooms()).hasSize(100);
        assertThat(sweep.listedUntil())
                .isBefore(now.minus(Duration.ofMinutes(10)).minusSeconds(20));
        assertThat(stub.count()).isLessThanOrEqualTo(1 + 2 + 4 + 8);
    }

    @Test
    void givenAPageFailingForGood_whenSweeping_thenEarlierPagesKeptLaterPagesNeverAsked() {
        addRooms(250, now.minus(Duration.ofMinutes(30)), Duration.ofSeconds(1));
        vendor.override = r -> r.param("PageNum").equals("2") ? Reply.status(502, "bad gateway") : null;

        RoomSweep sweep =
                provider(source()).rooms(now.minus(Duration.ofHours(1))).block(WAIT);

        assertThat(sweep.rooms()).hasSize(100);
        assertThat(sweep.listedUntil()).isNull();
        assertThat(stub.requests()).extracting(r -> r.param("PageNum")).containsExactly("1", "2", "2");
    }

    @Test
    void givenEveryCallFailing_whenSweeping_thenErrorNotEmptySweep() {
        vendor.override = r -> Reply.fault(Fault.RESET);

        StepVerifier.create(provider(source()).rooms(now.minus(Duration.ofHours(1))))
                .expectError(VendorUnavailable.class)
                .verify(WAIT);
        assertThat(stub.count()).isEqualTo(2);
    }

    @Test
    void givenCreatedTimeKeyAndFinishedRoom_whenSweeping_thenBothSpellingsAndEndedSightings() {
        vendor.createdTimeKey = true;
        addRooms(1, now.minus(Duration.ofMinutes(5)), Duration.ZERO);

        RoomSweep sweep =
                provider(source()).rooms(now.minus(Duration.ofHours(1))).block(WAIT);

        assertThat(sweep.rooms())
                .containsExactly(RoomSighting.live("room-0", "call-0", now.minus(Duration.ofMinutes(5))));
        assertThat(RoomItems.sighting(
                        json("{\"CallId\":\"c\",\"RoomId\":\"r\",\"CreateTime\":\"2024-01-01T10:00:00+08:00\","
                                + "\"DestroyTime\":\"2024-01-01T11:00:00+08:00\",\"ActiveUserNum\":0,"
                                + "\"IsFinished\":true}"),
                        "RoomList[0]",
                        io.roomwatch.provider.http.Flaws.of(
                                io.roomwatch.provider.budget.RateBudget.create(APP, "t", 1, timer))))
                .isEqualTo(RoomSighting.ended(
                        "r", "c", Instant.parse("2024-01-01T02:00:00Z"), Instant.parse("2024-01-01T03:00:00Z")));
    }

    @Test
    void givenVisibleAndInvisibleUsers_whenListingMembers_thenBothWithTruncationFromTotals() {
        vendor.onlineUsers.put(
                "room-1",
                "{\"RoomExists\":true,\"TotalUser\":3,\"TotalInvisibleUser\":1,"
                        + "\"VisibleUserList\":[\"alice\",\"bob\"],\"InvisibleUserList\":[\"eve\"]}");
        vendor.onlineUsers.put(
                "room-2",
                "{\"RoomExists\":true,\"TotalUser\":10002,\"TotalInvisibleUser\":10001,"
                        + "\"VisibleUserList\":[\"alice\"],\"InvisibleUserList\":[\"eve\"]}");
        VolcengineProvider provider = provider(source());

        Observation full = provider.members(ROOM).block(WAIT);
        Observation capped =
                provider.members(new RoomRef(APP.room("room-2"), "call-2")).block(WAIT);

        assertThat(full).isInstanceOfSatisfying(MemberList.class, list -> {
            assertThat(list.completeness()).isEqualTo(Completeness.COMPLETE);
            assertThat(list.members())
                    .containsEntry("alice", Visibility.VISIBLE)
                    .containsEntry("eve", Visibility.INVISIBLE)
                    .hasSize(3);
        });
        assertThat(capped).isInstanceOfSatisfying(MemberList.class, list -> assertThat(list.completeness())
                .isEqualTo(Completeness.TRUNCATED));
        assertThat(stub.requests())
                .allSatisfy(r -> assertThat(r.param("Version")).isEqualTo("2023-11-01"));
    }

    @Test
    void givenRoomExistsFalse_whenListingMembersOrProbing_thenRoomGone() {
        VolcengineProvider provider = provider(source());

        assertThat(provider.members(ROOM).block(WAIT))
                .isInstanceOfSatisfying(
                        RoomGone.class, gone -> assertThat(gone.room()).isEqualTo(ROOM));
        assertThat(provider.probe(ROOM).block(WAIT)).isInstanceOf(RoomGone.class);
    }

    @Test
    void givenAnExistingRoom_whenProbing_thenAPartialOneRoomSweep() {
        vendor.onlineUsers.put("room-1", "{\"RoomExists\":true,\"TotalUser\":0,\"TotalInvisibleUser\":0}");

        Observation probe = provider(source()).probe(ROOM).block(WAIT);

        assertThat(probe).isInstanceOfSatisfying(RoomSweep.class, sweep -> {
            assertThat(sweep.completeness()).isEqualTo(Completeness.PARTIAL);
            assertThat(sweep.rooms()).extracting(RoomSighting::roomId).containsExactly("room-1");
        });
    }

    @Test
    void givenThrottledThenOk_whenCalling_thenRetriedOnceAndSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        vendor.onlineUsers.put("room-1", "{\"RoomExists\":true}");
        vendor.override = r -> calls.getAndIncrement() == 0
                ? Reply.status(429, FakeVolcengine.error("FlowLimitExceeded.QPSOverLimit", 0))
                : null;

        VolcengineProvider provider = provider(source());
        assertThat(provider.members(ROOM).block(WAIT)).isInstanceOf(MemberList.class);
        assertThat(stub.count()).isEqualTo(2);
        assertThat(stub.requests().get(0).headers().get("X-Date")).isNotNull();
    }

    @Test
    void givenClockSkew_whenCalling_thenRejectedOnceWithAHintAndNoRetry() {
        vendor.override = r -> Reply.status(400, FakeVolcengine.error("InvalidTimestamp", 100006));

        StepVerifier.create(provider(source()).members(ROOM))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(VendorRejected.class)
                        .hasMessageContaining("volcengine/app-1")
                        .hasMessageContaining("InvalidTimestamp")
                        .hasMessageContaining("clock"))
                .verify(WAIT);
        assertThat(stub.count()).isEqualTo(1);
    }

    @Test
    void givenTransportFaults_whenCalling_thenUnavailableAfterExactlyTheRetries() {
        for (Fault fault : List.of(Fault.RESET, Fault.TRUNCATED, Fault.SLOW)) {
            StubVendor faulty = StubVendor.start(r -> Reply.fault(fault));
            try {
                VolcengineSource source = source().withBaseUrl(faulty.baseUrl());
                StepVerifier.create(provider(source).members(ROOM))
                        .expectError(VendorUnavailable.class)
                        .verify(WAIT);
                assertThat(faulty.count()).as(fault.name()).isEqualTo(2);
            } finally {
                faulty.close();
            }
        }
    }

    @Test
    void givenMalformedJsonOrOversizedBody_whenCalling_thenUnavailableOrRejected() {
        vendor.override = r -> Reply.ok("{\"ResponseMetadata\":{}, \"Result\": {\"RoomExists\": tru");
        StepVerifier.create(provider(source()).members(ROOM))
                .expectError(VendorUnavailable.class)
                .verify(WAIT);
        assertThat(stub.count()).isEqualTo(2);

        vendor.override = r -> Reply.ok(
                FakeVolcengine.envelope("{\"RoomExists\":true,\"VisibleUserList\":[\"" + "x".repeat(4096) + "\"]}"));
        VolcengineSource small = source().withHttp(source().http().withMaxBodyBytes(1024));
        StepVerifier.create(provider(small).members(ROOM))
                .expectErrorSatisfies(
                        e -> assertThat(e).isInstanceOf(VendorRejected.class).hasMessageContaining("1024 bytes"))
                .verify(WAIT);
        assertThat(stub.count()).isEqualTo(3);
    }

    private VolcengineSource source() {
        return VolcengineSource.of("app-1", "AKLTtest", Secret.of("sk"))
                .withBaseUrl(stub.baseUrl())
                .withHttp(HttpSettings.defaults().withRequestTimeout(Duration.ofMillis(500)))
                .withRetry(RetrySettings.defaults()
                        .withMaxTransientRetries(1)
                        .withFirstBackoff(Duration.ofMillis(10))
                        .withThrottledWait(Duration.ofMillis(10))
                        .withMaxBackoff(Duration.ofMillis(50)));
    }

    private VolcengineProvider provider(VolcengineSource source) {
        if (http == null) {
            http = VendorHttp.create("test", source.http(), timer);
        }
        VendorHttp client = source.http().equals(http.settings()) ? http : VendorHttp.create("x", source.http(), timer);
        return VolcengineProvider.create(source, client, timer);
    }

    private void addRooms(int count, Instant first, Duration step) {
        for (int i = 0; i < count; i++) {
            vendor.rooms.add(new FakeVolcengine.Room("room-" + i, "call-" + i, first.plus(step.multipliedBy(i))));
        }
    }

    static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static Instant[] window(Request request) {
        return new Instant[] {
            OffsetDateTime.parse(request.param("StartTime")).toInstant(),
            OffsetDateTime.parse(request.param("EndTime")).toInstant()
        };
    }
}
