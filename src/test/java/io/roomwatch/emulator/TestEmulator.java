package io.roomwatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentyun.TLSSigAPIv2;
import io.netty.handler.codec.http.HttpMethod;
import io.roomwatch.emulator.world.World;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.scheduler.VirtualTimeScheduler;

/** An emulator on loopback port 0 driven by a virtual clock, with signed clients for both vendors. */
public final class TestEmulator implements AutoCloseable {

    public static final String VOLC_APP = "661e0000543cf";
    public static final String AK = "AKLTtestaccesskey";
    public static final String SK = "testsecretkey";
    public static final long SDK_APP_ID = 1400000000L;
    public static final String TENCENT_KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    public static final String ADMIN = "administrator";
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter X_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    static {
        QuietLogs.apply();
    }

    public final VirtualTimeScheduler clock;
    public final RunningEmulator emulator;
    public final HttpClient http;
    private final ConnectionProvider pool;

    private TestEmulator(VirtualTimeScheduler clock, RunningEmulator emulator, ConnectionProvider pool) {
        this.clock = clock;
        this.emulator = emulator;
        this.pool = pool;
        this.http = HttpClient.create(pool).baseUrl(emulator.baseUrl()).responseTimeout(Duration.ofSeconds(5));
    }

    /** Two apps per vendor, documented staleness off, documented rate limits on. */
    public static EmulatorConfig config() {
        return EmulatorConfig.of(
                        List.of(
                                VolcengineApp.of(VOLC_APP, AK, SK),
                                VolcengineApp.of("otherapp", "AKLTother", "othersecret")),
                        List.of(
                                new TencentApp(SDK_APP_ID, TENCENT_KEY, Set.of(ADMIN, "admin2")),
                                TencentApp.of(1400000002L, "another-key", ADMIN)))
                .withStaleness(Staleness.none());
    }

    public static TestEmulator start(Instant at) {
        return start(config(), at);
    }

    public static TestEmulator start(EmulatorConfig config, Instant at) {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        clock.advanceTimeTo(at);
        RunningEmulator emulator = VendorEmulator.create(config, clock).start().block(Duration.ofSeconds(10));
        return new TestEmulator(clock, Objects.requireNonNull(emulator), ConnectionProvider.newConnection());
    }

    public World world() {
        return emulator.world();
    }

    public long nowMillis() {
        return clock.now(TimeUnit.MILLISECONDS);
    }

    public void advance(Duration by) {
        clock.advanceTimeBy(by);
    }

    /** A Volcengine call signed (with the test signer) at the current virtual time. */
    public Resp volc(Map<String, String> query) {
        String xDate = X_DATE.format(Instant.ofEpochMilli(nowMillis()));
        Map<String, String> headers = TestSigner.sign(query, "127.0.0.1:" + emulator.port(), xDate, AK, SK);
        return get("/?" + TestSigner.query(query), headers);
    }

    public Resp volc(String... keyValues) {
        return volc(TestSigner.params(keyValues));
    }

    /** A Tencent call with a UserSig from Tencent's official library for {@code identifier}. */
    public Resp tencent(String service, String command, long sdkAppId, String key, String identifier, String body) {
        String userSig = new TLSSigAPIv2(sdkAppId, key).genUserSig(identifier, 86400L * 365 * 5);
        return tencentSigned(service, command, sdkAppId, identifier, userSig, body);
    }

    public Resp tencentSigned(
            String service, String command, long sdkAppId, String identifier, String userSig, String body) {
        String uri = "/v4/" + service + "/" + command + "?sdkappid=" + sdkAppId + "&identifier=" + identifier
                + "&usersig=" + userSig + "&random=12345&contenttype=json";
        return send(HttpMethod.POST, uri, Map.of("content-type", "application/json"), body);
    }

    public Resp live(String command, String body) {
        return tencent("live_engine_http_srv", command, SDK_APP_ID, TENCENT_KEY, ADMIN, body);
    }

    public Resp conference(String command, String body) {
        return tencent("room_engine_http_srv", command, SDK_APP_ID, TENCENT_KEY, ADMIN, body);
    }

    public Resp get(String uri, Map<String, String> headers) {
        return send(HttpMethod.GET, uri, headers, "");
    }

    public Resp send(HttpMethod method, String uri, Map<String, String> headers, String body) {
        return exchange(method, uri, headers, body).block(Duration.ofSeconds(10));
    }

    public Mono<Resp> exchange(HttpMethod method, String uri, Map<String, String> headers, String body) {
        HttpClient.RequestSender request =
                http.headers(h -> headers.forEach(h::set)).request(method).uri(uri);
        HttpClient.ResponseReceiver<?> sent =
                body.isEmpty() ? request : request.send(ByteBufFlux.fromString(Mono.just(body)));
        return sent.responseSingle((res, content) -> content.asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .map(text -> new Resp(res.status().code(), text)));
    }

    public Resp control(HttpMethod method, String path, String body) {
        return send(method, "/__emulator/" + path, Map.of("content-type", "application/json"), body);
    }

    @Override
    public void close() {
        emulator.stop().block(Duration.ofSeconds(10));
        pool.disposeLater().block(Duration.ofSeconds(10));
    }

    /** A response: status and body. */
    public record Resp(int status, String body) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String volcCode() {
            return json().at("/ResponseMetadata/Error/Code").asText();
        }

        public int tencentCode() {
            return json().get("ErrorCode").asInt();
        }
    }
}
