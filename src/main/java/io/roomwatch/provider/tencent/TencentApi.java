package io.roomwatch.provider.tencent;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.roomwatch.config.TencentAccount;
import io.roomwatch.model.AppKey;
import io.roomwatch.provider.budget.RateBudget;
import io.roomwatch.provider.http.Retries;
import io.roomwatch.provider.http.VendorHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;

/**
 * POSTs to {@code /v4/{service}/{command}} with a JSON body (never empty) and the administrator's UserSig in the
 * query; a fresh {@code random} per attempt. Permit, send, classify, retry. A base URL with a path (a gateway that
 * serves {@code /tim-gw/v4/...}) keeps it: the request goes to {@code {base path}/v4/{service}/{command}}.
 */
final class TencentApi {

    static final String LIVE = "live_engine_http_srv";
    static final String CONFERENCE = "room_engine_http_srv";

    private final AppKey app;
    private final TencentAccount account;
    private final URI origin;
    private final String basePath;
    private final UserSig userSig;
    private final VendorHttp http;

    TencentApi(AppKey app, TencentAccount account, UserSig userSig, VendorHttp http) {
        this.app = app;
        this.account = account;
        URI baseUrl = account.baseUrl() != null
                ? account.baseUrl()
                : TencentRegion.fromName(account.region()).baseUrl();
        this.origin = baseUrl.resolve("/");
        this.basePath = basePath(baseUrl);
        this.userSig = userSig;
        this.http = http;
    }

    /**
     * Lazy: each attempt pays a permit, draws a new {@code random} and uses the then-current UserSig.
     *
     * @param field what a success must carry ({@code RoomList}, {@code MemberList}: a list; {@code RoomInfo}: an
     *     object), a malformed answer otherwise
     */
    Mono<TencentReply> post(
            String service,
            String command,
            Map<String, Object> body,
            String field,
            RateBudget budget,
            Retries retries) {
        byte[] json = json(body);
        return retries.apply(budget.paced(Mono.defer(() -> attempt(service, command, json, field))));
    }

    private Mono<TencentReply> attempt(String service, String command, byte[] json, String field) {
        URI uri = origin.resolve(basePath + "/v4/" + service + "/" + command + "?sdkappid=" + account.sdkAppId()
                + "&identifier=" + encode(account.administrator()) + "&usersig=" + encode(userSig.current())
                + "&random=" + ThreadLocalRandom.current().nextLong(0, 1L << 32) + "&contenttype=json");
        return http.exchange(
                        app,
                        HttpMethod.POST,
                        uri,
                        h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8"),
                        json)
                .map(reply -> TencentResponses.classify(app, command, reply))
                .map(reply -> TencentResponses.requireField(app, command, reply, field));
    }

    /** The base URL's path without a trailing slash, as sent ({@code ""} for none). */
    static String basePath(URI baseUrl) {
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static byte[] json(Map<String, Object> body) {
        try {
            return TencentResponses.JSON.writeValueAsBytes(body); // "{}" at least: the vendor refuses empty bodies
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request bodies are maps of strings and numbers", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
