package io.roomwatch.emulator;

import io.roomwatch.emulator.control.ControlApi;
import io.roomwatch.emulator.http.HttpCall;
import io.roomwatch.emulator.http.Reply;
import io.roomwatch.emulator.http.Router;
import io.roomwatch.emulator.tencent.TencentEndpoint;
import io.roomwatch.emulator.volcengine.VolcengineEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * The path table: control under {@code /__emulator/}; Volcengine at {@code /}, Tencent under {@code /v4/}, both below
 * {@link EmulatorConfig#basePath()} when one is set (anything else there is a 404, as behind a gateway).
 */
final class Routes implements Router {

    private static final String LIVE = "/v4/live_engine_http_srv/";
    private static final String ROOM = "/v4/room_engine_http_srv/";

    private final VolcengineEndpoint volcengine;
    private final TencentEndpoint tencent;
    private final ControlApi control;
    private final String basePath;

    Routes(VolcengineEndpoint volcengine, TencentEndpoint tencent, ControlApi control, String basePath) {
        this.volcengine = volcengine;
        this.tencent = tencent;
        this.control = control;
        this.basePath = basePath;
    }

    @Override
    public Reply route(HttpCall call) {
        if (call.path().startsWith(ControlApi.PREFIX)) {
            return control.handle(call);
        }
        String path = vendorPath(call.path());
        if (path == null) {
            return Reply.text(
                    404, "text/plain", "not found: " + call.path() + " (vendor APIs are under " + basePath + ")");
        }
        if (path.equals("/") || path.isEmpty()) {
            return volcengine.handle(call);
        }
        if (path.startsWith(LIVE) || path.startsWith(ROOM)) {
            boolean live = path.startsWith(LIVE);
            String command = path.substring((live ? LIVE : ROOM).length());
            return tencent.handle(call, live ? Vendor.TENCENT_LIVE : Vendor.TENCENT_ROOM, command);
        }
        return Reply.text(404, "text/plain", "not found: " + call.path());
    }

    /** The path under the base path ({@code /tim-gw/v4/...} → {@code /v4/...}); null when it is not under it. */
    private @Nullable String vendorPath(String path) {
        if (basePath.isEmpty()) {
            return path;
        }
        if (path.equals(basePath)) {
            return "/";
        }
        return path.startsWith(basePath + "/") ? path.substring(basePath.length()) : null;
    }
}
