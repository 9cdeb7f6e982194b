package io.roomwatch.emulator.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.Fault;
import io.roomwatch.emulator.FaultKind;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.http.Gate;
import io.roomwatch.emulator.http.HttpCall;
import io.roomwatch.emulator.http.Json;
import io.roomwatch.emulator.http.Reply;
import io.roomwatch.emulator.http.RequestIds;
import io.roomwatch.emulator.world.World;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/**
 * Serves {@code POST /v4/live_engine_http_srv/*} and {@code POST /v4/room_engine_http_srv/*}: method, query auth
 * ({@link TencentAuth}), JSON body (60003 when empty or not a JSON object), body fields (100002), then the rate
 * limiter, faults and the business answer of {@link TencentLive} or {@link TencentConference}. Always HTTP 200,
 * except for injected HTTP faults. Thread-safe.
 */
public final class TencentEndpoint {

    private final EmulatorConfig config;
    private final TencentAuth auth;
    private final TencentLive live;
    private final TencentConference conference;
    private final Gate gate;
    private final RequestIds ids;

    /**
     * The endpoint for {@code config}'s Tencent apps, answering from {@code world} through {@code gate}; UserSig
     * expiry is judged on {@code clock}.
     */
    public TencentEndpoint(EmulatorConfig config, World world, Gate gate, RequestIds ids, Scheduler clock) {
        this.config = config;
        this.auth = new TencentAuth(config.tencentApps(), clock);
        this.live = new TencentLive(world, config);
        this.conference = new TencentConference(world);
        this.gate = gate;
        this.ids = ids;
    }

    /** The reply to a call of {@code command} of {@code vendor}'s service ({@code POST /v4/{service}/{command}}). */
    public Reply handle(HttpCall call, Vendor vendor, String command) {
        String requestId = ids.tencent();
        Optional<Api> api = Api.tencent(vendor, command);
        if (api.isEmpty()) {
            return TencentReplies.fail(requestId, 60009, "request resource " + call.path() + " is not served here");
        }
        if (!call.method().equals("POST")) {
            // POST only (https://www.tencentcloud.com/document/product/647/63398); 60002 "HTTP parse error" is the
            // closest documented code for a wrong method
            return TencentReplies.fail(requestId, 60002, "HTTP method must be POST");
        }
        TencentAuth.Verdict verdict = auth.check(call);
        if (verdict.app() == null) {
            return TencentReplies.fail(requestId, verdict.errorCode(), verdict.message());
        }
        ObjectNode body = body(call.body());
        if (body == null) {
            return TencentReplies.fail(requestId, 60003, "the request body must be a JSON object (send {} when empty)");
        }
        return serve(api.get(), Long.toString(verdict.app().sdkAppId()), body, requestId);
    }

    private Reply serve(Api api, String app, ObjectNode body, String requestId) {
        TencentRequest request = TencentRequest.parse(api, body, config.limits());
        if (request.error() != null) {
            return TencentReplies.fail(requestId, 100002, "invalid parameter: " + request.error());
        }
        return gate.pass(
                api,
                app,
                request.position().page(),
                answers(requestId, kind -> answer(api, app, request, requestId, kind)),
                () -> answer(api, app, request, requestId, null));
    }

    /** The business answer, reshaped by {@code odd} (a content fault) when given. */
    private Reply answer(Api api, String app, TencentRequest request, String requestId, @Nullable FaultKind odd) {
        return business(api, app, request)
                .map(response -> TencentReplies.ok(requestId, TencentOdd.reshape(odd, api, request, response)))
                .orElseGet(
                        () -> TencentReplies.fail(requestId, 100004, "room " + request.roomId() + " does not exist"));
    }

    /** The {@code Response} object, or empty when the room does not exist (100004). */
    private Optional<ObjectNode> business(Api api, String app, TencentRequest request) {
        return switch (api) {
            case LIVE_GET_ROOM_LIST -> Optional.of(live.roomList(app, request));
            case LIVE_GET_ROOM_INFO -> live.roomInfo(app, request.roomId());
            case LIVE_GET_MEMBER_LIST -> live.memberList(app, request);
            case ROOM_GET_ROOM_INFO -> conference.roomInfo(app, request.roomId());
            case ROOM_GET_ROOM_MEMBER_LIST -> conference.memberList(app, request);
            case LIST_ROOM_INFO, GET_ROOM_ONLINE_USERS -> throw new IllegalArgumentException(api + " is not Tencent");
        };
    }

    private Gate.Answers answers(String requestId, java.util.function.Function<FaultKind, Reply> odd) {
        int throttleCode = config.throttle().tencentErrorCode();
        return new Gate.Answers() {
            @Override
            public Reply odd(Fault fault) {
                return fault.kind() == FaultKind.NO_STATUS
                        ? TencentReplies.statusless(requestId)
                        : odd.apply(fault.kind());
            }

            @Override
            public Reply throttled() {
                return TencentReplies.fail(requestId, throttleCode, "REST API call frequency over limit");
            }

            @Override
            public Reply internalError() {
                return Reply.text(500, "text/html", "<html><body><h1>500 Internal Server Error</h1></body></html>");
            }

            @Override
            public Reply pageFailure() {
                return TencentReplies.fail(requestId, 100001, "internal server error, please retry");
            }
        };
    }

    private static @Nullable ObjectNode body(byte[] raw) {
        try {
            JsonNode node = raw.length == 0 ? null : Json.MAPPER.readTree(raw);
            return node instanceof ObjectNode ? (ObjectNode) node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
