package io.roomwatch.provider.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.roomwatch.config.HttpSettings;
import io.roomwatch.model.AppKey;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * The HTTP client of one vendor app: a bounded connection pool, a connect timeout, a per-attempt timeout on the
 * injected timer, a capped response body, and transport failures classified into {@link
 * io.roomwatch.provider.VendorFailure}s. Create one per app; {@link #close()} releases its connections.
 *
 * <p>Compressed bodies: requests say {@code Accept-Encoding: gzip} (Reactor Netty's {@code compress(true)}),
 * and a body with {@code Content-Encoding} {@code gzip}, {@code x-gzip}, {@code deflate} or {@code x-deflate} is
 * decoded, whether it was asked for or not (a request without {@code Accept-Encoding} accepts any encoding). Any
 * other encoding (e.g. {@code br}) fails the attempt as {@link io.roomwatch.provider.VendorUnavailable} naming it; a
 * body that does not decode too. The body cap applies to the decoded bytes.
 */
public final class VendorHttp implements AutoCloseable {

    private final HttpClient client;
    private final ConnectionProvider pool;
    private final HttpSettings settings;
    private final Scheduler timer;

    private VendorHttp(HttpClient client, ConnectionProvider pool, HttpSettings settings, Scheduler timer) {
        this.client = client;
        this.pool = pool;
        this.settings = settings;
        this.timer = timer;
    }

    /**
     * A client with its own pool of at most {@code settings.maxConnections()} connections. Allocates no socket until
     * the first request.
     *
     * @param name names the pool in metrics
     * @param settings timeouts, body cap, pool size
     * @param timer the scheduler of the per-attempt timeout
     */
    public static VendorHttp create(String name, HttpSettings settings, Scheduler timer) {
        ConnectionProvider pool = ConnectionProvider.builder(name)
                .maxConnections(settings.maxConnections())
                .pendingAcquireMaxCount(settings.maxConnections() * 64)
                .pendingAcquireTimeout(settings.requestTimeout())
                .maxIdleTime(Duration.ofSeconds(20)) // below common server keep-alive limits: no stale reuse
                .build();
        HttpClient client = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.connectTimeout().toMillis())
                .responseTimeout(settings.requestTimeout())
                .compress(true); // Accept-Encoding: gzip; gzip and deflate bodies are decoded in the pipeline
        return new VendorHttp(client, pool, settings, timer);
    }

    /**
     * Sends one request and reads the whole response, whatever its status. Lazy: every subscription sends anew.
     *
     * @return the reply; or a {@link io.roomwatch.provider.VendorUnavailable} (timeout, reset, premature close) or
     *     {@link io.roomwatch.provider.VendorRejected} (body over the cap), naming {@code app}
     */
    public Mono<HttpReply> exchange(
            AppKey app, HttpMethod method, URI uri, Consumer<HttpHeaders> headers, byte[] body) {
        return client.headers(headers)
                .request(method)
                .uri(uri)
                .send(body.length == 0 ? Mono.empty() : Mono.just(Unpooled.wrappedBuffer(body)))
                .response(this::read)
                .next()
                .timeout(settings.requestTimeout(), timer)
                .onErrorMap(error -> TransportFailures.classify(app, error));
    }

    /** The settings this client was built with. */
    public HttpSettings settings() {
        return settings;
    }

    /** Releases the pooled connections. */
    @Override
    public void close() {
        pool.dispose();
    }

    private Mono<HttpReply> read(HttpClientResponse response, ByteBufFlux content) {
        int cap = settings.maxBodyBytes();
        String encoding = response.responseHeaders().get(HttpHeaderNames.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            // the decompressor removes the header of what it decoded: what is left, we cannot read
            return Mono.error(new UndecodableBody(encoding.trim()));
        }
        long declared = contentLength(response);
        if (declared > cap) {
            return Mono.error(new BodyTooLarge(cap)); // refuse before reading a byte
        }
        return content.asByteArray()
                .reduceWith(ByteArrayOutputStream::new, (out, chunk) -> append(out, chunk, cap))
                .map(out -> new HttpReply(response.status().code(), out.toByteArray()));
    }

    private static ByteArrayOutputStream append(ByteArrayOutputStream out, byte[] chunk, int cap) {
        if (out.size() + (long) chunk.length > cap) {
            throw new BodyTooLarge(cap); // cancels the body: the connection is closed, not drained
        }
        out.write(chunk, 0, chunk.length);
        return out;
    }

    private static long contentLength(HttpClientResponse response) {
        String value = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
