package io.roomwatch.provider;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.roomwatch.config.HttpSettings;
import io.roomwatch.config.RetrySettings;
import io.roomwatch.config.Secret;
import io.roomwatch.config.TencentAccount;
import io.roomwatch.config.TencentLiveSource;
import io.roomwatch.config.VolcengineSource;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Visibility;
import io.roomwatch.provider.StubVendor.Reply;
import io.roomwatch.provider.StubVendor.Request;
import io.roomwatch.provider.http.VendorHttp;
import io.roomwatch.provider.tencent.TencentLiveProvider;
import io.roomwatch.provider.volcengine.VolcengineProvider;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Regression for issue 14, "vendor answers as they come in the wild": the six examples of the issue, each against an
 * in-test vendor on 127.0.0.1 that answers the way the issue describes.
 */
class OddAnswersTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STUCK = "1693271355-123123123123";

    private final Scheduler timer = Schedulers.parallel();
    private volatile Function<Request, Reply> script = r -> Reply.status(404, "not found");
    private final StubVendor stub = StubVendor.start(r -> script.apply(r));
    private final VendorHttp http =
            VendorHttp.create("odd", HttpSettings.defaults().withRequestTimeout(Duration.ofMillis(1500)), timer);

    @AfterEach
    void stop() {
        stub.close();
        http.close();
    }

    // 1. A paging cursor that does not move
    @Test
    void givenACursorThatDoesNotMove_whenSweepingTuiLiveKit_thenTheWalkEndsAtOnceAndTheListingIsPartial() {
        script = r -> body(r).path("Next").asText().isEmpty()
                ? tencentOk("{\"Next\":\"" + STUCK + "\",\"RoomList\":[" + room("a", 1693271354) + "]}")
                : tencentOk("{\"Next\":\"" + STUCK + "\",\"RoomList\":[]}");

        RoomSweep sweep = live(stub.baseUrl()).rooms(Instant.EPOCH).block(WAIT);

        assertThat(sweep.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(sweep.rooms()).extracting(RoomSighting::roomId).containsExactly("a");
        assertThat(stub.count())
                .as("page 1, then the page that repeats the cursor")
                .isEqualTo(2);
    }

    // 2. An HTTP 200 answer without a status
    @Test
    void givenAnHttp200WithoutAStatus_whenListingTuiLiveKitMembers_thenRetriedAndNeverReadAsAnEmptyList() {
        AtomicInteger calls = new AtomicInteger();
        script = r -> calls.getAndIncrement() == 0
                ? Reply.ok("{\"ErrorInfo\":\"upstream timeout\",\"RequestId\":\"Id-gw-1\"}")
                : tencentOk("{\"Next\":\"\",\"MemberCount\":2,\"MemberList\":[{\"Member_Account\":\"alice\"},"
                        + "{\"Member_Account\":\"bob\"}]}");

        MemberList list = (MemberList) live(stub.baseUrl()).members(ref()).block(WAIT);

        assertThat(list.members()).containsOnlyKeys("alice", "bob");
        assertThat(list.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(stub.count()).isEqualTo(2);
    }

    @Test
    void givenOnlyHttp200sWithoutAStatus_whenListingTuiLiveKitMembers_thenUnknownNamingAppAndApi() {
        script = r -> Reply.ok("{\"ErrorInfo\":\"upstream timeout\",\"RequestId\":\"Id-gw-1\"}");

        StepVerifier.create(live(stub.baseUrl()).members(ref()))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(VendorUnavailable.class)
                        .hasMessageContaining("tencent-live/1400000001")
                        .hasMessageContaining("get_member_list")
                        .hasMessageContaining("ActionStatus"))
                .verify(WAIT);
        assertThat(stub.count()).isEqualTo(2); // one retry, then unknown
    }

    // 3. RFC 3339 offsets without a colon
    @Test
    void givenRfc3339OffsetsWithoutAColon_whenSweepingVolcengine_thenCreationAndEndTimesAreRead() {
        script = r -> Reply.ok(volcengineOk("{\"Total\":1,\"PageNum\":1,\"PageSize\":100,\"HasMore\":false,"
                + "\"RoomList\":[{\"CallId\":\"call-1\",\"RoomId\":\"room-1\","
                + "\"CreateTime\":\"2026-12-01T07:08:28+0800\",\"DestroyTime\":\"2026-12-01T07:18:28+0800\","
                + "\"ActiveUserNum\":0,\"IsFinished\":true}]}"));
        Instant now = Instant.ofEpochMilli(timer.now(MILLISECONDS)).truncatedTo(ChronoUnit.SECONDS);

        RoomSweep sweep =
                volcengine(stub.baseUrl()).rooms(now.minusSeconds(600)).block(WAIT);

        assertThat(sweep.rooms())
                .containsExactly(RoomSighting.ended(
                        "room-1",
                        "call-1",
                        Instant.parse("2026-11-30T23:08:28Z"),
                        Instant.parse("2026-11-30T23:18:28Z")));
    }

    // 4. A compressed body
    @Test
    void givenGzipBodies_whenSweepingTuiLiveKit_thenDecodedAndGzipIsAskedFor() {
        script = r -> tencentOk("{\"Next\":\"\",\"RoomList\":[" + room("a", 1700000000) + "]}")
                .encoded("gzip");

        RoomSweep sweep = live(stub.baseUrl()).rooms(Instant.EPOCH).block(WAIT);

        assertThat(sweep.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(sweep.rooms()).extracting(RoomSighting::roomId).containsExactly("a");
        assertThat(stub.requests().get(0).headers().get("Accept-Encoding")).contains("gzip");
    }

    // 5. A base URL with a path
    @Test
    void givenABaseUrlWithAPath_whenCallingTuiLiveKit_thenThePathIsKept() {
        script = r -> r.path().startsWith("/tim-gw/v4/")
                ? tencentOk("{\"Next\":\"\",\"RoomList\":[" + room("a", 1700000000) + "]}")
                : Reply.status(404, "<html>404 Not Found</html>");

        RoomSweep sweep = live(URI.create(stub.baseUrl() + "/tim-gw"))
                .rooms(Instant.EPOCH)
                .block(WAIT);

        assertThat(sweep.rooms()).extracting(RoomSighting::roomId).containsExactly("a");
        assertThat(stub.requests().get(0).path()).isEqualTo("/tim-gw/v4/live_engine_http_srv/get_room_list");
    }

    // 6. One bad item in a list
    @Test
    void givenAnEmptyUserIdInAList_whenListingVolcengineMembers_thenItIsSkippedAndTheListIsPartial() {
        script = r -> Reply.ok(volcengineOk("{\"RoomExists\":true,\"TotalUser\":2,\"TotalInvisibleUser\":0,"
                + "\"VisibleUserList\":[\"alice\",\"\"],\"InvisibleUserList\":[]}"));
        AppKey app = AppKey.of(Provider.VOLCENGINE, "app-1");

        MemberList list = (MemberList) volcengine(stub.baseUrl())
                .members(new RoomRef(app.room("room-1"), "call-1"))
                .block(WAIT);

        assertThat(list.members()).isEqualTo(Map.of("alice", Visibility.VISIBLE));
        assertThat(list.completeness()).as("nobody may be removed by absence").isEqualTo(Completeness.PARTIAL);
    }

    private TencentLiveProvider live(URI baseUrl) {
        TencentAccount account = TencentAccount.of(1400000001L, "administrator", Secret.of("k3y"), "singapore")
                .withBaseUrl(baseUrl);
        return TencentLiveProvider.create(
                TencentLiveSource.of(account).withRetry(retry()).withHttp(http.settings()), http, timer);
    }

    private VolcengineProvider volcengine(URI baseUrl) {
        VolcengineSource source = VolcengineSource.of("app-1", "AKLTtest", Secret.of("sk"))
                .withBaseUrl(baseUrl)
                .withRetry(retry())
                .withHttp(http.settings());
        return VolcengineProvider.create(source, http, timer);
    }

    private static RetrySettings retry() {
        return RetrySettings.defaults()
                .withMaxTransientRetries(1)
                .withFirstBackoff(Duration.ofMillis(10))
                .withThrottledWait(Duration.ofMillis(10))
                .withMaxBackoff(Duration.ofMillis(50));
    }

    private static RoomRef ref() {
        return new RoomRef(AppKey.of(Provider.TENCENT_LIVE, "1400000001").room("a"), "1");
    }

    private static String room(String id, long createTime) {
        return "{\"RoomId\":\"" + id + "\",\"CreateTime\":" + createTime + ",\"ViewCount\":3}";
    }

    private static Reply tencentOk(String response) {
        return Reply.ok("{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0,\"RequestId\":\"r\","
                + "\"Response\":" + response + "}");
    }

    private static String volcengineOk(String result) {
        return "{\"ResponseMetadata\":{\"RequestId\":\"r\",\"Action\":\"A\",\"Version\":\"v\",\"Service\":\"rtc\","
                + "\"Region\":\"cn-north-1\"},\"Result\":" + result + "}";
    }

    private static JsonNode body(Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + request.body(), e);
        }
    }
}
