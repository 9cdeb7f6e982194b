package io.roomwatch.provider.tencent;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.roomwatch.config.TencentAccount;
import io.roomwatch.model.AppKey;
import io.roomwatch.provider.RateBudget;
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
 * query; a fresh {@code random} per attempt. Permit, send, classify, retry.
 */
final class TencentApi {

    static final String LIVE = "live_engine_http_srv";
    static final String CONFERENCE = "room_engine_http_srv";

    private final AppKey app;
    private final TencentAccount account;
    private final URI baseUrl;
    private final UserSig userSig;
    private final VendorHttp http;

    TencentApi(AppKey app, TencentAccount account, UserSig userSig, VendorHttp http) {
        this.app = app;
        this.account = account;
        this.baseUrl = account.baseUrl() != null
                ? account.baseUrl()
                : TencentRegion.fromName(account.region()).baseUrl();
        this.userSig = userSig;
        this.http = http;
    }

    /** Lazy: each attempt pays a permit, draws a new {@code random} and uses the then-current UserSig. */
    Mono<TencentReply> post(
            String service, String command, Map<String, Object> body, RateBudget budget, Retries retries) {
        byte[] json = json(body);
        return retries.apply(budget.paced(Mono.defer(() -> attempt(service, command, json))));
    }

    private Mono<TencentReply> attempt(String service, String command, byte[] json) {
        URI uri = baseUrl.resolve("/v4/" + service + "/" + command + "?sdkappid=" + account.sdkAppId()
                + "&identifier=" + encode(account.administrator()) + "&usersig=" + encode(userSig.current())
                + "&random=" + ThreadLocalRandom.current().nextLong(0, 1L << 32) + "&contenttype=json");
        return http.exchange(
                        app,
                        HttpMethod.POST,
                        uri,
                        h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8"),
                        json)
                .map(reply -> TencentResponses.classify(app, reply));
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
