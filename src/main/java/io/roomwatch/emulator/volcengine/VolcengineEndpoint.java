package io.roomwatch.emulator.volcengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.AccessKey;
import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.Fault;
import io.roomwatch.emulator.FaultKind;
import io.roomwatch.emulator.MemberState;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.ThrottleReply;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.VolcengineApp;
import io.roomwatch.emulator.http.Gate;
import io.roomwatch.emulator.http.HttpCall;
import io.roomwatch.emulator.http.Json;
import io.roomwatch.emulator.http.Reply;
import io.roomwatch.emulator.http.RequestIds;
import io.roomwatch.emulator.world.World;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/**
 * Serves {@code GET /?Action=...&Version=...} for Volcengine: gateway checks (Action/Version, signature, app
 * ownership), then {@code ListRoomInfo} ({@link VolcengineRooms}) or {@code GetRoomOnlineUsers}. Thread-safe.
 */
public final class VolcengineEndpoint {

    private final EmulatorConfig config;
    private final VolcengineVerifier verifier;
    private final VolcengineRooms rooms;
    private final World world;
    private final Gate gate;
    private final RequestIds ids;

    /**
     * The endpoint for {@code config}'s Volcengine apps, answering from {@code world} through {@code gate}; signature
     * skew is judged on {@code clock}.
     */
    public VolcengineEndpoint(EmulatorConfig config, World world, Gate gate, RequestIds ids, Scheduler clock) {
        this.config = config;
        this.verifier = new VolcengineVerifier(config.volcengineApps(), config.tolerance(), clock);
        this.rooms = new VolcengineRooms(config, world);
        this.world = world;
        this.gate = gate;
        this.ids = ids;
    }

    /** The reply to a call of {@code GET /?Action=...} (below the base path, if any). */
    public Reply handle(HttpCall call) {
        String action = Objects.requireNonNullElse(call.param("Action"), "");
        String version = Objects.requireNonNullElse(call.param("Version"), "");
        VolcengineReplies.Meta meta = new VolcengineReplies.Meta(ids.volcengine(), action, version, region(call));
        if (action.isEmpty() || version.isEmpty()) {
            return VolcengineReplies.error(meta, VolcengineError.missingParameter("Action and Version are required"));
        }
        VolcengineVerifier.Verdict verdict = verifier.verify(call);
        if (verdict.error() != null) {
            return VolcengineReplies.error(meta, verdict.error());
        }
        Optional<Api> api = Api.volcengine(action).filter(a -> a.acceptsVersion(version));
        if (api.isEmpty()) {
            return VolcengineReplies.error(
                    meta,
                    VolcengineError.invalidActionOrVersion(
                            "Action " + action + " with Version " + version + " is not supported"));
        }
        VolcengineError denied = checkApp(call.param("AppId"), Objects.requireNonNull(verdict.key()));
        return denied != null ? VolcengineReplies.error(meta, denied) : serve(api.get(), call, meta);
    }

    private Reply serve(Api api, HttpCall call, VolcengineReplies.Meta meta) {
        String appId = Objects.requireNonNull(call.param("AppId"));
        if (api == Api.LIST_ROOM_INFO) {
            VolcengineRooms.Query query = rooms.parse(call);
            if (query.error() != null) {
                return VolcengineReplies.error(meta, query.error());
            }
            return gate.pass(
                    api,
                    appId,
                    query.pageNum(),
                    answers(meta, kind -> VolcengineReplies.success(meta, rooms.list(appId, query, kind))),
                    () -> VolcengineReplies.success(meta, rooms.list(appId, query, null)));
        }
        String roomId = call.param("RoomId");
        VolcengineError invalid = rooms.checkRoomId(roomId);
        if (invalid != null) {
            return VolcengineReplies.error(meta, invalid);
        }
        String id = Objects.requireNonNull(roomId);
        return gate.pass(
                api,
                appId,
                0,
                answers(meta, kind -> VolcengineReplies.success(meta, onlineUsers(appId, id, kind))),
                () -> VolcengineReplies.success(meta, onlineUsers(appId, id, null)));
    }

    /**
     * {@code GetRoomOnlineUsers} 2023-11-01 (https://www.volcengine.com/docs/6348/1188355; sample answer: seed 001 of
     * the test resources): RoomExists=false carries no other field.
     */
    private ObjectNode onlineUsers(String appId, String roomId, @Nullable FaultKind odd) {
        Optional<TrueRoom> room = world.room(RoomAddress.of(Vendor.VOLCENGINE, appId, roomId));
        if (room.isEmpty()) {
            return Json.object().put("RoomExists", false);
        }
        List<MemberState> members = room.get().members();
        List<String> visible = members.stream()
                .filter(m -> !m.invisible())
                .map(MemberState::userId)
                .toList();
        List<String> invisible = members.stream()
                .filter(MemberState::invisible)
                .map(MemberState::userId)
                .toList();
        ObjectNode result = Json.object().put("TotalUser", members.size()).put("TotalInvisibleUser", invisible.size());
        visible.forEach(result.putArray("VisibleUserList")::add);
        invisible.stream().limit(10_000).forEach(result.putArray("InvisibleUserList")::add); // documented cap
        if (odd == FaultKind.BAD_ITEM) {
            result.withArray("VisibleUserList").add("").addNull(); // issue 14: ["alice", ""]
        }
        return result.put("RoomExists", true);
    }

    private @Nullable VolcengineError checkApp(@Nullable String appId, AccessKey key) {
        int status = config.tolerance().businessErrorStatus();
        if (appId == null || appId.isEmpty()) {
            return VolcengineError.invalidParameter("InvalidParameter.IllegalAppId", status, "AppId is required");
        }
        Optional<VolcengineApp> app = config.volcengineApps().stream()
                .filter(a -> a.appId().equals(appId))
                .findFirst();
        if (app.isEmpty()) {
            return VolcengineError.invalidParameter("InvalidParameter.NotExistAppId", status, "AppId does not exist");
        }
        // AK/SK belong to an account; an app of another account is refused like the doc's business-error example
        return app.get().accessKeys().contains(key)
                ? null
                : VolcengineError.invalidParameter("InvalidParameter.AccountIdMismatch", status, "Check owner failed");
    }

    private Gate.Answers answers(VolcengineReplies.Meta meta, java.util.function.Function<FaultKind, Reply> odd) {
        ThrottleReply throttle = config.throttle();
        return new Gate.Answers() {
            @Override
            public Reply odd(Fault fault) {
                return fault.kind() == FaultKind.NO_STATUS
                        ? VolcengineReplies.statusless(meta)
                        : odd.apply(fault.kind());
            }

            @Override
            public Reply throttled() {
                return VolcengineReplies.error(
                        meta,
                        new VolcengineError(
                                throttle.volcengineCode(),
                                throttle.volcengineCodeN(),
                                throttle.volcengineStatus(),
                                throttle.volcengineMessage()));
            }

            @Override
            public Reply internalError() {
                return VolcengineReplies.error(meta, VolcengineError.internalError());
            }

            @Override
            public Reply pageFailure() {
                return internalError();
            }
        };
    }

    private String region(HttpCall call) {
        VolcengineVerifier.Authorization auth = VolcengineVerifier.Authorization.parse(call.header("authorization"));
        return auth != null && config.tolerance().regions().contains(auth.region()) ? auth.region() : "cn-north-1";
    }
}
