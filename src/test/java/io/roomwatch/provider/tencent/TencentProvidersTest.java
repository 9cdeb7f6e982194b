package io.roomwatch.provider.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.roomwatch.config.HttpSettings;
import io.roomwatch.config.RetrySettings;
import io.roomwatch.config.Secret;
import io.roomwatch.config.TencentAccount;
import io.roomwatch.config.TencentConferenceSource;
import io.roomwatch.config.TencentLiveSource;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.provider.StubVendor;
import io.roomwatch.provider.StubVendor.Fault;
import io.roomwatch.provider.StubVendor.Reply;
import io.roomwatch.provider.StubVendor.Request;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.http.VendorHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Both Tencent providers against an in-test vendor on 127.0.0.1; requests are counted server-side. */
class TencentProvidersTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long APP_ID = 1400000001L;

    private final Scheduler timer = Schedulers.parallel();
    private volatile Function<Request, Reply> script = r -> ok("{}");
    private final StubVendor stub = StubVendor.start(r -> script.apply(r));
    private final VendorHttp http = VendorHttp.create("test", httpSettings(), timer);
    private final TencentAccount account = TencentAccount.of(APP_ID, "administrator", Secret.of("k3y"), "singapore")
            .withBaseUrl(stub.baseUrl());

    @AfterEach
    void stop() {
        stub.close();
        http.close();
    }

    @Test
    void givenThreePagesOfRooms_whenSweeping_thenPostsWithCount20ThroughNextAndIsComplete() {
        script = rooms(List.of(
                page("c1", room("a", 100), room("b", 101)), page("c2", room("c", 102)), page("", room("d", 103))));

        RoomSweep sweep = live().rooms(Instant.EPOCH).block(WAIT);

        assertThat(sweep.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(sweep.rooms()).extracting(RoomSighting::roomId).containsExactly("a", "b", "c", "d");
        assertThat(sweep.rooms().get(0)).isEqualTo(RoomSighting.live("a", "100", Instant.ofEpochSecond(100)));
        assertThat(stub.requests())
                .extracting(r -> body(r).path("Next").asText())
                .containsExactly("", "c1", "c2");
        assertThat(stub.requests()).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v4/live_engine_http_srv/get_room_list");
            assertThat(body(r).path("Count").asInt()).isEqualTo(20);
            assertThat(r.param("sdkappid")).isEqualTo("1400000001");
            assertThat(r.param("identifier")).isEqualTo("administrator");
            assertThat(r.param("contenttype")).isEqualTo("json");
            assertThat(Long.parseLong(r.param("random"))).isBetween(0L, 4294967295L);
        });
        assertThat(stub.requests().stream().map(r -> r.param("usersig")).distinct())
                .hasSize(1); // reused
    }

    @Test
    void givenUserSigInRequests_whenDecodedIndependently_thenValidForTheAdministrator() throws Exception {
        script = rooms(List.of(page("")));
        live().rooms(Instant.EPOCH).block(WAIT);

        String sig = stub.requests().get(0).param("usersig");
        long issued = UserSigDecoder.decode(sig).path("TLS.time").asLong();
        assertThat(UserSigDecoder.verify(sig, APP_ID, "administrator", "k3y", issued + 1))
                .isNull();
    }

    @Test
    void givenViewCountDrift_whenARoomMovesToTheNextPage_thenItIsListedOnce() {
        script = rooms(List.of(page("c1", room("a", 1), room("b", 2)), page("", room("b", 2), room("c", 3))));

        RoomSweep sweep = live().rooms(Instant.EPOCH).block(WAIT);

        assertThat(sweep.rooms()).extracting(RoomSighting::roomId).containsExactly("a", "b", "c");
    }

    @Test
    void givenMidPaginationFailure_whenSweeping_thenPartialWithWhatWasReadAndNoFurtherPages() {
        Function<Request, Reply> pages =
                rooms(List.of(page("c1", room("a", 1)), page("c2", room("b", 2)), page("", room("c", 3))));
        script = r -> body(r).path("Next").asText().equals("c1") ? Reply.fault(Fault.RESET) : pages.apply(r);

        RoomSweep sweep = live().rooms(Instant.EPOCH).block(WAIT);

        assertThat(sweep.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(sweep.rooms()).extracting(RoomSighting::roomId).containsExactly("a");
        assertThat(stub.requests())
                .extracting(r -> body(r).path("Next").asText())
                .containsExactly("", "c1", "c1");
    }

    @Test
    void givenThrottledCodeThenOk_whenSweeping_thenRetriedAndComplete() {
        AtomicInteger calls = new AtomicInteger();
        Function<Request, Reply> pages = rooms(List.of(page("", room("a", 1))));
        script = r -> calls.getAndIncrement() == 0 ? fail(60007) : pages.apply(r);

        assertThat(live().rooms(Instant.EPOCH).block(WAIT).completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(stub.count()).isEqualTo(2);
        assertThat(stub.requests().get(0).param("random"))
                .isNotEqualTo(stub.requests().get(1).param("random"));
    }

    @Test
    void givenNotAnAdministrator_whenSweeping_thenOneRejectionNamingAppCodeAndHint() {
        script = r -> fail(60010);

        StepVerifier.create(live().rooms(Instant.EPOCH))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(VendorRejected.class)
                        .hasMessageContaining("tencent-live/1400000001")
                        .hasMessageContaining("60010")
                        .hasMessageContaining("Administrator"))
                .verify(WAIT);
        assertThat(stub.count()).isEqualTo(1);
    }

    @Test
    void givenMoreMembersThanTheCap_whenListingMembers_thenTruncated() {
        String members = IntStream.range(0, 1000)
                .mapToObj(i -> "{\"Member_Account\":\"u" + i + "\"}")
                .collect(Collectors.joining(","));
        script = r -> r.path().endsWith("get_member_list")
                ? ok("{\"Next\":\"\",\"MemberCount\":1500,\"MemberList\":[" + members + "]}")
                : ok("{}");

        MemberList list = (MemberList) live().members(ref("a")).block(WAIT);

        assertThat(list.completeness()).isEqualTo(Completeness.TRUNCATED);
        assertThat(list.members()).hasSize(1000);
        assertThat(body(stub.requests().get(0)).path("RoomId").asText()).isEqualTo("a");
    }

    @Test
    void givenTwoMemberPages_whenListingMembers_thenCompleteThroughNext() {
        script = r -> body(r).path("Next").asText().isEmpty()
                ? ok("{\"Next\":\"m2\",\"MemberCount\":2,\"MemberList\":[{\"Member_Account\":\"alice\"}]}")
                : ok("{\"Next\":\"\",\"MemberCount\":2,\"MemberList\":[{\"Member_Account\":\"bob\"}]}");

        MemberList list = (MemberList) live().members(ref("a")).block(WAIT);

        assertThat(list.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(list.members()).containsOnlyKeys("alice", "bob");
    }

    @Test
    void givenRoomNotFound_whenListingMembersOrProbing_thenRoomGoneForTheAskedIncarnation() {
        script = r -> fail(100004);

        assertThat(live().members(ref("a")).block(WAIT))
                .isInstanceOfSatisfying(
                        RoomGone.class, gone -> assertThat(gone.room()).isEqualTo(ref("a")));
        assertThat(live().probe(ref("a")).block(WAIT)).isInstanceOf(RoomGone.class);
        assertThat(conference(List.of("a")).probe(ref("a")).block(WAIT)).isInstanceOf(RoomGone.class);
    }

    @Test
    void givenAnExistingRoom_whenProbing_thenPartialOneRoomSweepWithTheVendorsIncarnation() {
        script = r -> ok("{\"RoomInfo\":{\"RoomId\":\"a\",\"CreateTime\":1700000000}}");

        RoomSweep sweep = (RoomSweep) live().probe(ref("a")).block(WAIT);

        assertThat(sweep.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(sweep.rooms())
                .containsExactly(RoomSighting.live("a", "1700000000", Instant.ofEpochSecond(1700000000)));
        assertThat(stub.requests().get(0).path()).isEqualTo("/v4/live_engine_http_srv/get_room_info");
    }

    @Test
    void givenConfiguredRooms_whenSweeping_thenCompleteOnlyWhenEveryProbeAnswered() {
        script = r -> switch (body(r).path("RoomId").asText()) {
            case "gone" -> fail(100004);
            case "broken" -> Reply.status(502, "");
            default -> ok(
                    "{\"RoomInfo\":{\"RoomId\":\"" + body(r).path("RoomId").asText() + "\",\"CreateTime\":5}}");
        };

        RoomSweep complete =
                conference(List.of("a", "gone")).rooms(Instant.EPOCH).block(WAIT);
        RoomSweep partial =
                conference(List.of("a", "broken")).rooms(Instant.EPOCH).block(WAIT);

        assertThat(complete.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(complete.rooms()).extracting(RoomSighting::roomId).containsExactly("a");
        assertThat(partial.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(stub.requests())
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/v4/room_engine_http_srv/get_room_info"));
        StepVerifier.create(conference(List.of("broken")).rooms(Instant.EPOCH))
                .expectError(VendorUnavailable.class)
                .verify(WAIT);
    }

    @Test
    void givenConferenceMembers_whenListing_thenPagesWithCountThroughNext() {
        script = r -> body(r).path("Next").asText().isEmpty()
                ? ok("{\"Next\":\"n\",\"MemberList\":[{\"Member_Account\":\"alice\",\"Role\":\"RoomOwner\"}]}")
                : ok("{\"Next\":\"\",\"MemberList\":[{\"Member_Account\":\"bob\",\"Role\":\"Member\"}]}");

        MemberList list =
                (MemberList) conference(List.of("a")).members(ref("a")).block(WAIT);

        assertThat(list.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(list.members()).containsOnlyKeys("alice", "bob");
        assertThat(stub.requests()).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v4/room_engine_http_srv/get_room_member_list");
            assertThat(body(r).path("Count").asInt()).isEqualTo(50);
        });
    }

    @Test
    void givenAMemberLeavingWhilePagesAreRead_whenListingConferenceMembers_thenTheSkippedMemberIsStillPresent() {
        // members a, b, c, d with 2 per page; "a" leaves after the first read's first page, so the offset cursor
        // "2" then skips "c" (now at index 1). The second read sees b, c, d. The union keeps c present; a, gone from
        // the second read only, also stays present until a later poll: late, never invented
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        script = r -> {
            boolean first = body(r).path("Next").asText().isEmpty();
            int call = calls.incrementAndGet();
            List<String> now = call == 1 ? List.of("a", "b", "c", "d") : List.of("b", "c", "d");
            int from = first ? 0 : 2;
            List<String> page = now.subList(Math.min(from, now.size()), Math.min(from + 2, now.size()));
            String next = from + 2 < now.size() ? "2" : "";
            return ok(memberPage(next, page));
        };

        MemberList list =
                (MemberList) conference(List.of("a")).members(ref("a")).block(WAIT);

        assertThat(calls).hasValue(4); // two reads of two pages
        assertThat(list.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(list.members()).containsOnlyKeys("a", "b", "c", "d");
    }

    @Test
    void givenTheSecondReadFails_whenListingConferenceMembers_thenTheFirstReadIsPartial() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        script = r -> {
            int call = calls.incrementAndGet();
            if (call > 2) {
                return Reply.status(502, "<html>502</html>");
            }
            return body(r).path("Next").asText().isEmpty()
                    ? ok(memberPage("2", List.of("a", "b")))
                    : ok(memberPage("", List.of("c")));
        };

        MemberList list =
                (MemberList) conference(List.of("a")).members(ref("a")).block(WAIT);

        assertThat(list.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(list.members()).containsOnlyKeys("a", "b", "c");
    }

    @Test
    void givenOnePageOfConferenceMembers_whenListing_thenReadOnce() {
        script = r -> ok(memberPage("", List.of("a", "b")));

        MemberList list =
                (MemberList) conference(List.of("a")).members(ref("a")).block(WAIT);

        assertThat(stub.count()).isEqualTo(1);
        assertThat(list.completeness()).isEqualTo(Completeness.COMPLETE);
    }

    private static String memberPage(String next, List<String> members) {
        return "{\"Next\":\"" + next + "\",\"MemberList\":["
                + members.stream()
                        .map(m -> "{\"Member_Account\":\"" + m + "\",\"Role\":\"Member\"}")
                        .collect(java.util.stream.Collectors.joining(","))
                + "]}";
    }

    @Test
    void givenMalformedAndSlowReplies_whenCalling_thenUnavailableAfterTheRetries() {
        script = r -> Reply.ok("{\"ActionStatus\":\"OK\",\"Response\":{\"Next\":");
        StepVerifier.create(live().rooms(Instant.EPOCH))
                .expectError(VendorUnavailable.class)
                .verify(WAIT);
        assertThat(stub.count()).isEqualTo(2);

        script = r -> Reply.fault(Fault.SLOW);
        StepVerifier.create(live().members(ref("a")))
                .expectError(VendorUnavailable.class)
                .verify(WAIT);
        assertThat(stub.count()).isEqualTo(4);
    }

    @Test
    void givenRegionNames_whenResolving_thenDocumentedDomainsAndAClearErrorOtherwise() {
        assertThat(TencentRegion.fromName("Singapore").domain()).isEqualTo("adminapisgp.im.qcloud.com");
        assertThat(TencentRegion.fromName("china").domain()).isEqualTo("console.tim.qq.com");
        assertThat(TencentRegion.fromName("USA").domain()).isEqualTo("adminapiusa.im.qcloud.com");
        assertThat(Set.of(TencentRegion.values())).hasSize(8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TencentRegion.fromName("mars"))
                .hasMessageContaining("singapore");
    }

    private TencentLiveProvider live() {
        return TencentLiveProvider.create(
                TencentLiveSource.of(account).withRetry(retry()).withHttp(httpSettings()), http, timer);
    }

    private TencentConferenceProvider conference(List<String> rooms) {
        return TencentConferenceProvider.create(
                TencentConferenceSource.of(account, rooms).withRetry(retry()).withHttp(httpSettings()), http, timer);
    }

    private static RetrySettings retry() {
        return RetrySettings.defaults()
                .withMaxTransientRetries(1)
                .withFirstBackoff(Duration.ofMillis(10))
                .withThrottledWait(Duration.ofMillis(10))
                .withMaxBackoff(Duration.ofMillis(50));
    }

    private static HttpSettings httpSettings() {
        return HttpSettings.defaults().withRequestTimeout(Duration.ofMillis(500));
    }

    private RoomRef ref(String roomId) {
        return new RoomRef(TencentLiveSource.of(account).app().room(roomId), "1");
    }

    private static Function<Request, Reply> rooms(List<String> pages) {
        return r -> {
            String next = body(r).path("Next").asText();
            int index = next.isEmpty() ? 0 : Integer.parseInt(next.substring(1));
            return ok(pages.get(index));
        };
    }

    private static String page(String next, String... rooms) {
        return "{\"Next\":\"" + next + "\",\"RoomList\":[" + String.join(",", rooms) + "]}";
    }

    private static String room(String id, long createTime) {
        return "{\"RoomId\":\"" + id + "\",\"CreateTime\":" + createTime + ",\"ViewCount\":3,\"Owner_Account\":7}";
    }

    private static Reply ok(String response) {
        return Reply.ok("{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0,\"RequestId\":\"r\","
                + "\"Response\":" + response + "}");
    }

    private static Reply fail(int code) {
        return Reply.ok("{\"ActionStatus\":\"FAIL\",\"ErrorInfo\":\"e\",\"ErrorCode\":" + code + "}");
    }

    private static JsonNode body(Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + request.body(), e);
        }
    }
}
