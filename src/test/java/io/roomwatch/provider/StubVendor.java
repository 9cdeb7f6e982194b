package io.roomwatch.provider;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A scripted vendor on 127.0.0.1, port 0: every request is recorded (so tests count calls server-side) and answered
 * by the test's function, possibly with a transport fault.
 */
public final class StubVendor implements AutoCloseable {

    /** One request as the vendor saw it. */
    public record Request(
            String method,
            String path,
            String rawQuery,
            Map<String, List<String>> query,
            Map<String, String> headers,
            String body) {

        public String param(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? "" : values.get(0);
        }
    }

    /** How to answer. */
    public enum Fault {
        NONE,
        RESET,
        TRUNCATED,
        SLOW
    }

    /**
     * An answer: status, body, an optional fault, and an optional {@code Content-Encoding} ({@code gzip} and {@code
     * deflate} bodies are compressed; any other value only labels the plain body).
     */
    public record Reply(int status, String body, Fault fault, String contentEncoding) {

        public static Reply ok(String body) {
            return new Reply(200, body, Fault.NONE, "");
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, Fault.NONE, "");
        }

        public static Reply fault(Fault fault) {
            return new Reply(200, "{\"partial\":", fault, "");
        }

        /** This answer sent with {@code Content-Encoding: encoding}. */
        public Reply encoded(String encoding) {
            return new Reply(status, body, fault, encoding);
        }

        /** This answer, not encoded, but labelled {@code Content-Encoding: encoding} (a broken compressed body). */
        public Reply mislabelled(String encoding) {
            return new Reply(status, body, fault, "label:" + encoding);
        }

        String encodingHeader() {
            return contentEncoding.startsWith("label:") ? contentEncoding.substring(6) : contentEncoding;
        }

        byte[] bytes() {
            byte[] plain = body.getBytes(StandardCharsets.UTF_8);
            try {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                switch (contentEncoding) {
                    case "gzip" -> {
                        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
                            gzip.write(plain);
                        }
                    }
                    case "deflate" -> {
                        try (java.util.zip.DeflaterOutputStream zlib = new java.util.zip.DeflaterOutputStream(out)) {
                            zlib.write(plain);
                        }
                    }
                    default -> out.write(plain);
                }
                return out.toByteArray();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    private StubVendor(Function<Request, Reply> script) {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((req, res) -> req.receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> answer(script, record(req, body), res)))
                .bindNow(Duration.ofSeconds(10));
    }

    public static StubVendor start(Function<Request, Reply> script) {
        return new StubVendor(script);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public int count() {
        return requests.size();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    private Request record(HttpServerRequest req, String body) {
        QueryStringDecoder decoder = new QueryStringDecoder(req.uri());
        String raw = req.uri().contains("?") ? req.uri().substring(req.uri().indexOf('?') + 1) : "";
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        req.requestHeaders().forEach(e -> headers.put(e.getKey(), e.getValue()));
        Request request = new Request(req.method().name(), decoder.path(), raw, decoder.parameters(), headers, body);
        requests.add(request);
        return request;
    }

    private static Mono<Void> answer(Function<Request, Reply> script, Request request, HttpServerResponse res) {
        Reply reply = script.apply(request);
        switch (reply.fault()) {
            case RESET:
                return res.withConnection(c -> c.channel().config().setOption(ChannelOption.SO_LINGER, 0))
                        .withConnection(c -> c.channel().close())
                        .then();
            case TRUNCATED:
                return res.header(HttpHeaderNames.CONTENT_LENGTH, "4096")
                        .sendString(Mono.just(reply.body()))
                        .then()
                        .then(Mono.fromRunnable(
                                () -> res.withConnection(c -> c.channel().close())));
            case SLOW:
                return Mono.delay(Duration.ofSeconds(3))
                        .then(res.sendString(Mono.just(reply.body())).then());
            default:
                HttpServerResponse head =
                        res.status(reply.status()).header(HttpHeaderNames.CONTENT_TYPE, "application/json");
                if (!reply.contentEncoding().isEmpty()) {
                    head = head.header(HttpHeaderNames.CONTENT_ENCODING, reply.encodingHeader());
                }
                return head.sendByteArray(Mono.just(reply.bytes())).then();
        }
    }
}
