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

    /** An answer: status, body, and an optional fault. */
    public record Reply(int status, String body, Fault fault) {

        public static Reply ok(String body) {
            return new Reply(200, body, Fault.NONE);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, Fault.NONE);
        }

        public static Reply fault(Fault fault) {
            return new Reply(200, "{\"partial\":", fault);
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
                return res.status(reply.status())
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendString(Mono.just(reply.body()))
                        .then();
        }
    }
}
