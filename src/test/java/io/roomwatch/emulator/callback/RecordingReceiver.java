package io.roomwatch.emulator.callback;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A callback receiver on 127.0.0.1, port 0, that records every request and answers with a scripted status. */
final class RecordingReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String uri, String path, Map<String, String> query, String body, long atMillis) {}

    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    /** Read at each arrival: the emulator's virtual clock once it is known (it stands still while the test waits). */
    volatile LongSupplier clock = () -> -1;

    private final DisposableServer server;

    private RecordingReceiver(ToIntFunction<Received> status) {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
                            Received got = new Received(
                                    request.uri(), uri.path(), single(uri.parameters()), body, clock.getAsLong());
                            received.add(got);
                            return response.status(status.applyAsInt(got))
                                    .sendString(
                                            Mono.just("{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0}"))
                                    .then();
                        }))
                .bindNow(Duration.ofSeconds(10));
    }

    static RecordingReceiver answering(ToIntFunction<Received> status) {
        return new RecordingReceiver(status);
    }

    static RecordingReceiver ok() {
        return answering(r -> 200);
    }

    /** {@code http://127.0.0.1:<port>/callbacks}. */
    String target() {
        return "http://127.0.0.1:" + server.port() + "/callbacks";
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private static Map<String, String> single(Map<String, List<String>> parameters) {
        Map<String, String> out = new LinkedHashMap<>();
        parameters.forEach((name, values) -> out.put(name, Objects.requireNonNull(values.get(0))));
        return out;
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
    }
}
