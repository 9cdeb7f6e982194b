package io.roomwatch.provider.volcengine;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import io.roomwatch.model.AppKey;
import io.roomwatch.provider.budget.RateBudget;
import io.roomwatch.provider.http.Retries;
import io.roomwatch.provider.http.VendorHttp;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Signed GET calls to the RTC OpenAPI: permit, sign, send, classify, retry; each attempt anew. A base URL with a path
 * (a gateway serving the API under {@code /volc-gw}) keeps it, and the path sent is the path signed.
 */
final class VolcengineApi {

    private static final byte[] NO_BODY = new byte[0];

    private final AppKey app;
    private final VolcengineSigner signer;
    private final URI baseUrl;
    private final String path;
    private final VendorHttp http;
    private final Scheduler timer;

    VolcengineApi(AppKey app, VolcengineSigner signer, URI baseUrl, VendorHttp http, Scheduler timer) {
        this.app = app;
        this.signer = signer;
        this.baseUrl = baseUrl;
        this.path = VolcengineSigner.canonicalPath(
                baseUrl.getPath() == null ? "" : baseUrl.getPath()); // decoded, then encoded as the signer does
        this.http = http;
        this.timer = timer;
    }

    /**
     * The {@code Result} of {@code action} read by {@code reader}; lazy, each retry re-signs with a fresh {@code
     * X-Date} and pays a permit. The reader runs inside the attempt: a {@code Result} it finds malformed is retried
     * like any other malformed answer.
     */
    <T> Mono<T> get(
            String action,
            String version,
            List<Map.Entry<String, String>> params,
            RateBudget budget,
            Retries retries,
            Function<JsonNode, T> reader) {
        List<Map.Entry<String, String>> query = new ArrayList<>(params);
        query.add(Map.entry("Action", action));
        query.add(Map.entry("Version", version));
        List<Map.Entry<String, String>> all = List.copyOf(query);
        return retries.apply(budget.paced(Mono.defer(() -> attempt(action, all).map(reader))));
    }

    private Mono<JsonNode> attempt(String action, List<Map.Entry<String, String>> query) {
        Instant now = Instant.ofEpochMilli(timer.now(MILLISECONDS));
        Map<String, String> signed = signer.sign(
                "GET", baseUrl.getPath() == null ? "" : baseUrl.getPath(), hostHeader(), query, NO_BODY, now);
        URI uri = baseUrl.resolve(path + "?" + VolcengineSigner.canonicalQuery(query));
        return http.exchange(app, HttpMethod.GET, uri, h -> signed.forEach(h::set), NO_BODY)
                .map(reply -> VolcengineResponses.result(app, action, reply));
    }

    /** The {@code Host} header exactly as sent: the port only when it is not the scheme's default. */
    private String hostHeader() {
        int port = baseUrl.getPort();
        boolean defaultPort = port == -1
                || (port == 80 && "http".equals(baseUrl.getScheme()))
                || (port == 443 && "https".equals(baseUrl.getScheme()));
        return defaultPort ? baseUrl.getHost() : baseUrl.getHost() + ":" + port;
    }
}
