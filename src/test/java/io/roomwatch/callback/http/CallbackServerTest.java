package io.roomwatch.callback.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roomwatch.callback.Delivery;
import io.roomwatch.config.CallbacksConfig;
import io.roomwatch.config.Secret;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.model.Pushed;
import io.roomwatch.model.Pushed.Change;
import io.roomwatch.model.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;

/**
 * The callback receiver on 127.0.0.1 (issue 17): each vendor's signature, its answer, and the durability contract
 * (success only once the delivery is settled; 503 otherwise, so the vendor retries).
 */
class CallbackServerTest {

    private static final AppKey VOLC = AppKey.of(Provider.VOLCENGINE, "app1");
    private static final AppKey LIVE = AppKey.of(Provider.TENCENT_LIVE, "1400000001");
    private static final AppKey CONF = AppKey.of(Provider.TENCENT_CONFERENCE, "1400000001");
    private static final String KEY = "callbacksecret";
    private static final String TOKEN = "abc123token";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    private DisposableServer server;
    private CallbackServer callbacks;
    private final List<Disposable> subscriptions = new java.util.ArrayList<>();
    private volatile boolean autoAck = true;

    @BeforeEach
    void start() {
        CallbacksConfig config = CallbacksConfig.defaults().withEnabled(true).withPort(0);
        config = new CallbacksConfig(
                true, "127.0.0.1", 0, Duration.ofMillis(500), config.replayWindow(), config.maxBody(), 4);
        callbacks = CallbackServer.create(
                config,
                Map.of(VOLC, Secret.of(KEY), LIVE, Secret.of(TOKEN), CONF, Secret.of(TOKEN)),
                Schedulers.parallel(),
                registry);
        for (AppKey app : List.of(VOLC, LIVE, CONF)) {
            subscriptions.add(callbacks.deliveries(app).subscribe(d -> {
                received.add(d);
                if (autoAck) {
                    d.pushes().forEach(p -> d.settled());
                }
            }));
        }
        server = callbacks.start().block(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        server.disposeNow(Duration.ofSeconds(5));
    }

    @Test
    void signaturesMatchTheReferenceVectors() {
        assertThat(Signatures.volcengine(
                        "UserJoinRoom",
                        "{\"RoomId\":\"room1\",\"UserId\":\"u1\"}",
                        "2025-01-01T00:00:00.000000000Z",
                        "evt-1",
                        "app1",
                        "2020-12-01",
                        "1234",
                        "callbacksecret"))
                .isEqualTo("b59696427eb11bbeaed7d812d8c6cf5ed99422f1f8884f54f00665fe4a42a57a");
        assertThat(Signatures.tencent("abc123token", "1703589922"))
                .isEqualTo("ff89148e95633115bc8e07968bee08e44b6d78cd388b7f797cdf88e3dff274bd");
    }

    @Test
    void givenASignedVolcengineJoin_thenOneDelivery_andSuccessOnceSettled() throws Exception {
        Reply reply = post("/callbacks/volcengine/app1", "", volcengine("UserJoinRoom", "evt-1", "Nonce", KEY));

        assertThat(reply.status()).isEqualTo(200);
        Delivery delivery = received.poll(5, TimeUnit.SECONDS);
        assertThat(delivery).isNotNull();
        Pushed push = delivery.pushes().get(0);
        assertThat(push.change()).isEqualTo(Change.USER_JOINED);
        assertThat(push.userId()).isEqualTo("u1");
        assertThat(push.room()).isEqualTo(VOLC.room("room1"));
        assertThat(push.incarnation())
                .as("Volcengine member callbacks name no CallId")
                .isNull();
        assertThat(push.at()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(push.callbackId()).isEqualTo("evt-1");
    }

    @Test
    void givenTheOlderNoceSpellingAndInvisibleUsers_thenAccepted() throws Exception {
        Reply reply =
                post("/callbacks/volcengine/app1", "", volcengine("InvisibleUserLeaveRoom", "evt-2", "Noce", KEY));

        assertThat(reply.status()).isEqualTo(200);
        Pushed push = received.poll(5, TimeUnit.SECONDS).pushes().get(0);
        assertThat(push.change()).isEqualTo(Change.USER_LEFT);
        assertThat(push.visibility()).isEqualTo(Visibility.INVISIBLE);
    }

    @Test
    void givenAWrongSignatureAnotherAppOrAnUnknownPath_thenRejected_andNothingDelivered() throws Exception {
        assertThat(post("/callbacks/volcengine/app1", "", volcengine("UserJoinRoom", "e", "Nonce", "wrong"))
                        .status())
                .isEqualTo(401);
        assertThat(post("/callbacks/volcengine/other", "", volcengine("UserJoinRoom", "e", "Nonce", KEY))
                        .status())
                .isEqualTo(404);
        assertThat(post("/callbacks/nosuch/app1", "", "{}").status()).isEqualTo(404);
        assertThat(post("/callbacks/volcengine/app1", "", "{not json").status()).isEqualTo(400);
        String unsigned = "{\"CallbackCommand\":\"Live.CallbackAfterDestroyRoom\",\"RoomId\":\"r\",\"EventTime\":1}";
        assertThat(post("/callbacks/tencent-live/1400000001", "?SdkAppid=1400000001", unsigned)
                        .status())
                .isEqualTo(401);

        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(registry.get("roomwatch.callbacks")
                        .tag("outcome", "bad-signature")
                        .counters())
                .isNotEmpty();
    }

    @Test
    void givenATencentMemberCallbackNamingTwoUsers_thenOneDeliveryOfTwoPushes() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String body = "{\"CallbackCommand\":\"Live.CallbackAfterMemberStateChanged\",\"RoomId\":\"r1\","
                + "\"EventType\":\"Online\",\"EventCause\":\"Enter\","
                + "\"MemberList\":[{\"Member_Account\":\"a\"},{\"Member_Account\":\"b\"}],\"EventTime\":1703589922000}";

        Reply reply = post("/callbacks/tencent-live/1400000001", tencentQuery(LIVE, now, TOKEN), body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\"ActionStatus\":\"OK\"");
        Delivery delivery = received.poll(5, TimeUnit.SECONDS);
        assertThat(delivery.pushes()).extracting(Pushed::userId).containsExactly("a", "b");
        assertThat(delivery.pushes().get(0).at()).isEqualTo(Instant.ofEpochMilli(1703589922000L));
    }

    @Test
    void givenATencentCreation_thenItNamesItsIncarnation() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String body = "{\"CallbackCommand\":\"Room.CallbackAfterCreateRoom\",\"Operator_Account\":\"admin\","
                + "\"RoomInfo\":{\"RoomId\":\"c1\",\"CreateTime\":1703589900},\"EventTime\":1703589900123}";

        assertThat(post("/callbacks/tencent-conference/1400000001", tencentQuery(CONF, now, TOKEN), body)
                        .status())
                .isEqualTo(200);
        Pushed push = received.poll(5, TimeUnit.SECONDS).pushes().get(0);
        assertThat(push.change()).isEqualTo(Change.ROOM_CREATED);
        assertThat(push.incarnation()).isEqualTo("1703589900");
    }

    @Test
    void givenARequestTimeOutsideTheReplayWindow_thenRejected() throws Exception {
        long old = System.currentTimeMillis() / 1000 - 3600;
        String body = "{\"CallbackCommand\":\"Room.CallbackAfterDestroyRoom\",\"RoomId\":\"c1\",\"EventTime\":1}";

        assertThat(post("/callbacks/tencent-conference/1400000001", tencentQuery(CONF, old, TOKEN), body)
                        .status())
                .isEqualTo(401);
        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void givenAnUnrelatedCommand_thenAnsweredOk_andIgnored() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String body = "{\"CallbackCommand\":\"Room.CallbackAfterUpdateRoomInfo\",\"RoomInfo\":{}}";

        assertThat(post("/callbacks/tencent-conference/1400000001", tencentQuery(CONF, now, TOKEN), body)
                        .status())
                .isEqualTo(200);
        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void givenADeliveryNotCommittedInTime_thenTheVendorIsToldToRetry() throws Exception {
        autoAck = false;

        Reply reply = post("/callbacks/volcengine/app1", "", volcengine("UserLeaveRoom", "evt-3", "Nonce", KEY));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(received.poll(1, TimeUnit.SECONDS))
                .as("it was handed to the engine")
                .isNotNull();
    }

    // ---- helpers

    private record Reply(int status, String body) {}

    private Reply post(String path, String query, String body) {
        return HttpClient.create()
                .post()
                .uri("http://127.0.0.1:" + server.port() + path + query)
                .send((req, out) -> out.sendString(Mono.just(body)))
                .responseSingle((res, content) -> content.asString()
                        .defaultIfEmpty("")
                        .map(text -> new Reply(res.status().code(), text)))
                .block(Duration.ofSeconds(10));
    }

    private static String volcengine(String type, String eventId, String nonceField, String key) {
        String data = "{\"RoomId\":\"room1\",\"UserId\":\"u1\"}";
        String time = "2025-01-01T00:00:00.000000000Z";
        String signature = Signatures.volcengine(type, data, time, eventId, "app1", "2020-12-01", "1234", key);
        return "{\"EventType\":\"" + type + "\",\"EventData\":" + quoted(data) + ",\"EventTime\":\"" + time
                + "\",\"EventId\":\"" + eventId + "\",\"AppId\":\"app1\",\"Version\":\"2020-12-01\",\""
                + nonceField + "\":\"1234\",\"Signature\":\"" + signature + "\"}";
    }

    private static String tencentQuery(AppKey app, long requestTime, String token) {
        return "?SdkAppid=" + app.appId() + "&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI&RequestTime="
                + requestTime + "&Sign=" + Signatures.tencent(token, Long.toString(requestTime));
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\"", "\\\"") + "\"";
    }
}
