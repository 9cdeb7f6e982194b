package io.roomwatch.provider;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A loopback proxy in front of the emulator that counts the requests reaching the vendor side, path and query
 * included. Headers (Host too) pass unchanged, so signatures still verify; a transport failure behind it becomes an
 * abruptly closed connection in front of it.
 */
public final class CountingProxy implements AutoCloseable {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.create().responseTimeout(Duration.ofSeconds(30));
    private final DisposableServer server;
    private final URI target;

    private CountingProxy(URI target) {
        this.target = target;
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(this::forward)
                .bindNow(Duration.ofSeconds(10));
    }

    public static CountingProxy to(String targetBaseUrl) {
        return new CountingProxy(URI.create(targetBaseUrl));
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Requests seen so far, as {@code path?query}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public int count() {
        return requests.size();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    private Mono<Void> forward(HttpServerRequest req, HttpServerResponse res) {
        requests.add(req.uri());
        return req.receive()
                .aggregate()
                .asByteArray()
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> client.headers(h -> h.set(req.requestHeaders()))
                        .request(req.method())
                        .uri(target.resolve(req.uri()))
                        .send(body.length == 0 ? Mono.empty() : Mono.just(Unpooled.wrappedBuffer(body)))
                        .responseSingle((upstream, content) -> content.asByteArray()
                                .defaultIfEmpty(new byte[0])
                                .flatMap(bytes -> res.status(upstream.status())
                                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                        .sendByteArray(Mono.just(bytes))
                                        .then())))
                .onErrorResume(e -> res.withConnection(c -> c.channel().config().setOption(ChannelOption.SO_LINGER, 0))
                        .withConnection(c -> c.channel().close())
                        .then());
    }
}
