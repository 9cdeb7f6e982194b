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
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Visibility;
import io.roomwatch.provider.AnswerFlaw;
import io.roomwatch.provider.StubVendor;
import io.roomwatch.provider.StubVendor.Reply;
import io.roomwatch.provider.StubVendor.Request;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.http.VendorHttp;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Regression for issue 14 beyond its examples: every kind of odd answer on both Volcengine APIs (offset paging that
 * does not move, bad items, time spellings, answers without evidence of success, a base path), against an in-test
 * vendor on 127.0.0.1.
 */
class VolcengineOddAnswersTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AppKey APP = AppKey.of(Provider.VOLCENGINE, "app-1");
    private static final RoomRef ROOM = new RoomRef(APP.room("room-1"), "call-1");

    private final Scheduler timer = Schedulers.parallel();
    private volatile Function<Request, Reply> script = r -> Reply.status(404, "no");
    private final StubVendor stub = StubVendor.start(r -> script.apply(r));
    private final VendorHttp http =
            VendorHttp.create("test", HttpSettings.defaults().withRequestTimeout(Duration.ofMillis(1500)), timer);
    private final Instant now = Instant.ofEpochMilli(timer.now(MILLISECONDS)).truncatedTo(ChronoUnit.SECONDS);

    @AfterEach
    void stop() {
        stub.close();
        http.close();
    }

    // kind 1: offset paging

    @Test
    void givenAnEmptyPageBeforeTotalIsReached_whenSweeping_thenTheWindowStopsThereAndIsNotFullyListed() {
        script = r -> ok(page(250, r.param("PageNum").equals("1") ? items(0, 100) : ""));
        VolcengineProvider provider = provider(stub.baseUrl());

        RoomSweep sweep = provider.rooms(now.minusSeconds(600)).block(WAIT);

        assertThat(sweep.rooms()).hasSize(100);
        assertThat(sweep.listedUntil()).as("the window is not fully listed").isNull();
        assertThat(stub.requests()).extracting(r -> r.param("PageNum")).containsExactly("1", "2");
        assertThat(provider.listRoomInfoBudget().flaws(AnswerFlaw.STALLED_PAGING))
                .isEqualTo(1);
    }

    @Test
    void givenAVendorThatIgnoresPageNum_whenSweeping_thenTheRepeatedPageEndsTheWalk() {
        script = r -> ok(page(500, items(0, 100)));

        RoomSweep sweep = provider(stub.baseUrl()).rooms(now.minusSeconds(600)).block(WAIT);

        assertThat(sweep.rooms()).hasSize(100);
        assertThat(sweep.listedUntil()).isNull();
        assertThat(stub.count()).as("page 1, then the same page as page 2").isEqualTo(2);
    }

    @Test
    void givenAnEmptyWindow_whenSweeping_thenCompleteByTheVendorsOwnTotal() {
        script = r -> ok("{\"Total\":0,\"PageNum\":1,\"PageSize\":100,\"HasMore\":false}");

        RoomSweep sweep = provider(stub.baseUrl()).rooms(now.minusSeconds(600)).block(WAIT);

        assertThat(sweep.rooms()).isEmpty();
        assertThat(sweep.listedUntil()).isNotNull();
    }

    // kind 2: no evidence of the shape

    @Test
    void givenAResultWithoutTotal_whenSweeping_thenUnknownNotEmpty() {
        script = r -> ok("{\"RoomList\":[]}");

        StepVerifier.create(provider(stub.baseUrl()).rooms(now.minusSeconds(600)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(VendorUnavailable.class)
                        .hasMessageContaining("ListRoomInfo")
                        .hasMessageContaining("Total"))
                .verify(WAIT);
    }

    @Test
    void givenMemberListsOfTheWrongShape_whenListingMembers_thenUnknownNotEmpty() {
        for (String result : List.of(
                "{\"TotalUser\":1,\"VisibleUserList\":[\"alice\"]}",
                "{\"RoomExists\":\"perhaps\"}",
                "{\"RoomExists\":true,\"VisibleUserList\":\"alice\"}",
                "{\"RoomExists\":true,\"TotalUser\":\"many\"}")) {
            script = r -> ok(result);
            StepVerifier.create(provider(stub.baseUrl()).members(ROOM))
                    .as(result)
                    .expectError(VendorUnavailable.class)
                    .verify(WAIT);
        }
    }

    // kind 6: bad items

    @Test
    void givenBadRoomItems_whenSweeping_thenSkippedCountedAndTheWindowNotFullyListed() {
        script = r -> ok(page(
                6,
                item("r1", "c1", "\"2026-12-01T07:08:28+0800\"", "false") + ",{\"RoomId\":\"r2\",\"CallId\":\"\"},"
                        + "null,{\"RoomId\":7,\"CallId\":\"c3\"}," + item("r4", "c4", "\"\"", "\"maybe\"") + ","
                        + item("r5", "c5", "\"2026-12-01T07:08:28Z\"", "\"true\"")));
        VolcengineProvider provider = provider(stub.baseUrl());

        RoomSweep sweep = provider.rooms(now.minusSeconds(600)).block(WAIT);

        assertThat(sweep.rooms())
                .containsExactly(
                        RoomSighting.live("r1", "c1", Instant.parse("2026-11-30T23:08:28Z")),
                        RoomSighting.ended("r5", "c5", Instant.parse("2026-12-01T07:08:28Z"), null));
        assertThat(sweep.listedUntil()).isNull();
        assertThat(provider.listRoomInfoBudget().flaws(AnswerFlaw.BAD_ITEM)).isEqualTo(4);
    }

    @Test
    void givenBadUserIdsInEitherList_whenListingMembers_thenSkippedAndPartial() {
        script = r -> ok("{\"RoomExists\":\"true\",\"TotalUser\":\"4\",\"TotalInvisibleUser\":2,"
                + "\"VisibleUserList\":[\"alice\",7],\"InvisibleUserList\":[null,\"eve\"]}");
        VolcengineProvider provider = provider(stub.baseUrl());

        MemberList list = (MemberList) provider.members(ROOM).block(WAIT);

        Map<String, Visibility> expected = new LinkedHashMap<>();
        expected.put("alice", Visibility.VISIBLE);
        expected.put("eve", Visibility.INVISIBLE);
        assertThat(list.members()).isEqualTo(expected);
        assertThat(list.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(provider.onlineUsersBudget().flaws(AnswerFlaw.BAD_ITEM)).isEqualTo(2);
    }

    // kind 3: times

    @Test
    void givenUnreadableAndEmptyTimes_whenSweeping_thenTheRoomIsKeptWithoutThem() {
        script = r -> ok(page(
                2,
                item("r1", "c1", "\"the day before\"", "false") + ","
                        + "{\"RoomId\":\"r2\",\"CallId\":\"c2\",\"CreatedTime\":\"2026-12-01T07:08:28.123+0800\","
                        + "\"DestroyTime\":\"\",\"IsFinished\":true}"));
        VolcengineProvider provider = provider(stub.baseUrl());

        RoomSweep sweep = provider.rooms(now.minusSeconds(600)).block(WAIT);

        assertThat(sweep.rooms())
                .containsExactly(
                        RoomSighting.live("r1", "c1", null),
                        RoomSighting.ended("r2", "c2", Instant.parse("2026-11-30T23:08:28.123Z"), null));
        assertThat(provider.listRoomInfoBudget().flaws(AnswerFlaw.BAD_TIME)).isEqualTo(1);
        assertThat(sweep.listedUntil())
                .as("a bad time does not make the window partial")
                .isNotNull();
    }

    // kind 5: base path

    @Test
    void givenABaseUrlWithAPath_whenCalling_thenThePathIsSentAndSigned() {
        script = r -> r.path().equals("/volc-gw")
                ? ok("{\"RoomExists\":true,\"TotalUser\":1,\"VisibleUserList\":[\"alice\"]}")
                : Reply.status(404, "no");

        MemberList list = (MemberList)
                provider(URI.create(stub.baseUrl() + "/volc-gw")).members(ROOM).block(WAIT);

        assertThat(list.members()).containsOnlyKeys("alice");
        Request sent = stub.requests().get(0);
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("Host", sent.headers().get("Host"));
        signed.put("X-Date", sent.headers().get("X-Date"));
        signed.put("X-Content-Sha256", sent.headers().get("X-Content-Sha256"));
        List<Map.Entry<String, String>> query = sent.query().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().get(0)))
                .toList();
        String expected = VolcengineSigner.of("AKLTtest", Secret.of("sk"), "cn-north-1", "rtc")
                .signature("GET", "/volc-gw", query, signed, new byte[0])
                .authorization();
        assertThat(sent.headers().get("Authorization")).isEqualTo(expected);
    }

    private VolcengineProvider provider(URI baseUrl) {
        VolcengineSource source = VolcengineSource.of("app-1", "AKLTtest", Secret.of("sk"))
                .withBaseUrl(baseUrl)
                .withHttp(http.settings())
                .withRetry(RetrySettings.defaults()
                        .withMaxTransientRetries(1)
                        .withFirstBackoff(Duration.ofMillis(10))
                        .withThrottledWait(Duration.ofMillis(10))
                        .withMaxBackoff(Duration.ofMillis(50)));
        return VolcengineProvider.create(source, http, timer);
    }

    private static String page(int total, String items) {
        return "{\"Total\":" + total + ",\"PageNum\":1,\"PageSize\":100,\"HasMore\":false,\"RoomList\":[" + items
                + "]}";
    }

    private static String items(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> item("room-" + i, "call-" + i, "\"2026-12-01T07:08:28+08:00\"", "false"))
                .collect(Collectors.joining(","));
    }

    private static String item(String roomId, String callId, String createTime, String finished) {
        return "{\"CallId\":\"" + callId + "\",\"RoomId\":\"" + roomId + "\",\"CreateTime\":" + createTime
                + ",\"DestroyTime\":\"\",\"ActiveUserNum\":1,\"IsFinished\":" + finished + "}";
    }

    private static Reply ok(String result) {
        return Reply.ok(FakeVolcengine.envelope(result));
    }
}
