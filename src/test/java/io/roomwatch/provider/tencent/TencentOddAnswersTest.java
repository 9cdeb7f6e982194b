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
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.provider.AnswerFlaw;
import io.roomwatch.provider.BudgetView;
import io.roomwatch.provider.StubVendor;
import io.roomwatch.provider.StubVendor.Reply;
import io.roomwatch.provider.StubVendor.Request;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.http.VendorHttp;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Regression for issue 14 beyond its examples: every kind of odd answer on every Tencent API (paging, status-less
 * answers, bad items, time spellings, base paths), against an in-test vendor on 127.0.0.1.
 */
class TencentOddAnswersTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Scheduler timer = Schedulers.parallel();
    private volatile Function<Request, Reply> script = r -> ok("{}");
    private final StubVendor stub = StubVendor.start(r -> script.apply(r));
    private final VendorHttp http =
            VendorHttp.create("test", HttpSettings.defaults().withRequestTimeout(Duration.ofMillis(1500)), timer);

    @AfterEach
    void stop() {
        stub.close();
        http.close();
    }

    // kind 1: paging

    @Test
    void givenAMemberCursorThatDoesNotMove_whenListingLiveMembers_thenPartialAfterTwoCalls() {
        script = r -> next(r).isEmpty()
                ? ok("{\"Next\":\"m\",\"MemberCount\":9,\"MemberList\":[{\"Member_Account\":\"alice\"}]}")
                : ok("{\"Next\":\"m\",\"MemberCount\":9,\"MemberList\":[]}");
        TencentLiveProvider live = live(stub.baseUrl());

        MemberList list = (MemberList) live.members(ref()).block(WAIT);

        assertThat(list.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(list.members()).containsOnlyKeys("alice");
        assertThat(stub.count()).isEqualTo(2);
        assertThat(budget(live, "get_member_list").flaws(AnswerFlaw.STALLED_PAGING))
                .isEqualTo(1);
    }

    @Test
    void givenAConferenceCursorThatCycles_whenListingMembers_thenPartialWithoutASecondRead() {
        script = r -> switch (next(r)) {
            case "" -> ok(members("a", "alice", "bob"));
            case "a" -> ok(members("b", "carol"));
            default -> ok(members("a", "dave"));
        };

        MemberList list =
                (MemberList) conference(stub.baseUrl(), "r1").members(ref()).block(WAIT);

        assertThat(list.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(list.members()).containsOnlyKeys("alice", "bob", "carol", "dave");
        assertThat(stub.requests()).extracting(TencentOddAnswersTest::next).containsExactly("", "a", "b");
    }

    @Test
    void givenAPageWithoutACursorOrAnEmptyPageThatClaimsMore_whenSweeping_thenPartial() {
        script = r -> ok("{\"RoomList\":[" + room("a", "1700000000") + "]}");
        RoomSweep noCursor = live(stub.baseUrl()).rooms(Instant.EPOCH).block(WAIT);

        script = r -> next(r).isEmpty()
                ? ok("{\"Next\":\"p2\",\"RoomList\":[" + room("a", "1700000000") + "]}")
                : ok("{\"Next\":\"p3\",\"RoomList\":[]}");
        RoomSweep emptyPage = live(stub.baseUrl()).rooms(Instant.EPOCH).block(WAIT);

        assertThat(noCursor.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(emptyPage.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(emptyPage.rooms()).extracting(RoomSighting::roomId).containsExactly("a");
        assertThat(stub.count()).isEqualTo(1 + 2);
    }

    @Test
    void givenASuccessWithoutItsList_whenListingMembers_thenUnknownNotEmpty() {
        script = r -> ok("{\"Next\":\"\",\"MemberCount\":0}");

        StepVerifier.create(live(stub.baseUrl()).members(ref()))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(VendorUnavailable.class)
                        .hasMessageContaining("get_member_list")
                        .hasMessageContaining("MemberList"))
                .verify(WAIT);
        assertThat(stub.count()).isEqualTo(2);
    }

    @Test
    void givenARoomInfoSuccessWithoutRoomInfo_whenProbing_thenUnknownNotExisting() {
        script = r -> ok("{}");

        StepVerifier.create(live(stub.baseUrl()).probe(ref()))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(VendorUnavailable.class)
                        .hasMessageContaining("get_room_info")
                        .hasMessageContaining("RoomInfo"))
                .verify(WAIT);
        StepVerifier.create(conference(stub.baseUrl(), "r1").rooms(Instant.EPOCH))
                .expectError(VendorUnavailable.class)
                .verify(WAIT);
    }

    // kind 6: bad items

    @Test
    void givenBadRoomItems_whenSweeping_thenSkippedCountedAndTheSweepPartial() {
        script = r ->
                ok("{\"Next\":\"\",\"RoomList\":[" + room("a", "1700000000") + ",{\"RoomId\":\"\",\"CreateTime\":1},"
                        + "null,7,{\"RoomId\":42,\"CreateTime\":1},{\"RoomId\":\"c\",\"CreateTime\":\"1700000300\"},"
                        + "{\"RoomId\":\"d\",\"CreateTime\":\"soon\"},{\"RoomId\":\"e\"}]}");
        TencentLiveProvider live = live(stub.baseUrl());

        RoomSweep sweep = live.rooms(Instant.EPOCH).block(WAIT);

        assertThat(sweep.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(sweep.rooms())
                .containsExactly(
                        RoomSighting.live("a", "1700000000", Instant.ofEpochSecond(1700000000)),
                        RoomSighting.live("c", "1700000300", Instant.ofEpochSecond(1700000300)));
        assertThat(budget(live, "get_room_list").flaws(AnswerFlaw.BAD_ITEM)).isEqualTo(6);
    }

    @Test
    void givenBadMemberItems_whenListingLiveAndConferenceMembers_thenSkippedAndPartial() {
        String bad = "{\"Member_Account\":\"alice\"},{},null,{\"Member_Account\":7},{\"Member_Account\":\"\"},\"bob\"";
        script = r -> ok("{\"Next\":\"\",\"MemberCount\":6,\"MemberList\":[" + bad + "]}");
        TencentLiveProvider live = live(stub.baseUrl());
        TencentConferenceProvider conference = conference(stub.baseUrl(), "r1");

        MemberList liveList = (MemberList) live.members(ref()).block(WAIT);
        MemberList conferenceList = (MemberList) conference.members(ref()).block(WAIT);

        for (MemberList list : List.of(liveList, conferenceList)) {
            assertThat(list.members()).containsOnlyKeys("alice");
            assertThat(list.completeness()).isEqualTo(Completeness.PARTIAL);
        }
        assertThat(budget(live, "get_member_list").flaws(AnswerFlaw.BAD_ITEM)).isEqualTo(5);
        assertThat(budget(conference, "get_room_member_list").flaws(AnswerFlaw.BAD_ITEM))
                .isEqualTo(5);
    }

    @Test
    void givenARoomInfoAboutAnotherRoom_whenSweepingConferenceRooms_thenNotListedAndPartial() {
        script = r -> ok("{\"RoomInfo\":{\"RoomId\":\"someone-else\",\"CreateTime\":1700000000}}");
        TencentConferenceProvider conference = conference(stub.baseUrl(), "r1");

        RoomSweep sweep = conference.rooms(Instant.EPOCH).block(WAIT);

        assertThat(sweep.rooms()).isEmpty();
        assertThat(sweep.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(budget(conference, "get_room_info").flaws(AnswerFlaw.BAD_ITEM))
                .isEqualTo(1);
    }

    // kind 3: times

    @Test
    void givenCreateTimeAsANumericStringOrMilliseconds_whenProbing_thenTheSameIncarnation() {
        script = r -> ok("{\"RoomInfo\":{\"RoomId\":\"a\",\"CreateTime\":\"1700000000\"}}");
        RoomSweep asString = (RoomSweep) live(stub.baseUrl()).probe(ref()).block(WAIT);
        script = r -> ok("{\"RoomInfo\":{\"RoomId\":\"a\",\"CreateTime\":1700000000000}}");
        RoomSweep asMillis = (RoomSweep) live(stub.baseUrl()).probe(ref()).block(WAIT);

        RoomSighting expected = RoomSighting.live("a", "1700000000", Instant.ofEpochSecond(1700000000));
        assertThat(asString.rooms()).containsExactly(expected);
        assertThat(asMillis.rooms()).containsExactly(expected);
    }

    // kind 5: base path

    @Test
    void givenABaseUrlWithAPath_whenCallingConferenceApis_thenThePathIsKept() {
        script = r -> r.path().startsWith("/tim-gw/v4/room_engine_http_srv/")
                ? ok("{\"RoomInfo\":{\"RoomId\":\"r1\",\"CreateTime\":1700000000}}")
                : Reply.status(404, "not found");

        RoomSweep sweep = conference(URI.create(stub.baseUrl() + "/tim-gw/"), "r1")
                .rooms(Instant.EPOCH)
                .block(WAIT);

        assertThat(sweep.rooms()).extracting(RoomSighting::roomId).containsExactly("r1");
        assertThat(stub.requests().get(0).path()).isEqualTo("/tim-gw/v4/room_engine_http_srv/get_room_info");
    }

    private TencentLiveProvider live(URI baseUrl) {
        return TencentLiveProvider.create(
                TencentLiveSource.of(account(baseUrl)).withRetry(retry()).withHttp(http.settings()), http, timer);
    }

    private TencentConferenceProvider conference(URI baseUrl, String... rooms) {
        return TencentConferenceProvider.create(
                TencentConferenceSource.of(account(baseUrl), List.of(rooms))
                        .withRetry(retry())
                        .withHttp(http.settings()),
                http,
                timer);
    }

    private static TencentAccount account(URI baseUrl) {
        return TencentAccount.of(1400000001L, "administrator", Secret.of("k3y"), "singapore")
                .withBaseUrl(baseUrl);
    }

    private static BudgetView budget(io.roomwatch.provider.RtcProvider provider, String api) {
        return provider.budgets().stream()
                .filter(b -> b.api().equals(api))
                .findFirst()
                .orElseThrow();
    }

    private static RetrySettings retry() {
        return RetrySettings.defaults()
                .withMaxTransientRetries(1)
                .withFirstBackoff(Duration.ofMillis(10))
                .withThrottledWait(Duration.ofMillis(10))
                .withMaxBackoff(Duration.ofMillis(50));
    }

    private RoomRef ref() {
        return new RoomRef(TencentLiveSource.of(account(stub.baseUrl())).app().room("a"), "1");
    }

    private static String members(String next, String... accounts) {
        StringBuilder list = new StringBuilder();
        for (String account : accounts) {
            list.append(list.length() == 0 ? "" : ",")
                    .append("{\"Member_Account\":\"")
                    .append(account)
                    .append("\"}");
        }
        return "{\"Next\":\"" + next + "\",\"MemberList\":[" + list + "]}";
    }

    private static String room(String id, String createTime) {
        return "{\"RoomId\":\"" + id + "\",\"CreateTime\":" + createTime + "}";
    }

    private static Reply ok(String response) {
        return Reply.ok("{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0,\"RequestId\":\"r\","
                + "\"Response\":" + response + "}");
    }

    private static String next(Request request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            return body.path("Next").asText();
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + request.body(), e);
        }
    }
}
