package io.roomwatch.emulator.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.roomwatch.emulator.Fault;
import io.roomwatch.emulator.FaultKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The Reactor Netty side: reads each request fully, asks the {@link Router} for the {@link Reply}, and delivers it
 * shaped by its fault: delayed on the emulator clock, cut, garbled, compressed or reset. A request URI with broken
 * percent-encoding is answered 400 before any route. Handlers run on Netty event loops and never block.
 */
public final class EmulatorHttp {

    private final Router router;
    private final Scheduler clock;

    /** Plumbing for {@code router}'s replies; SLOW faults wait on {@code clock}. */
    public EmulatorHttp(Router router, Scheduler clock) {
        this.router = router;
        this.clock = clock;
    }

    /** The server handler: one reply per request. */
    public Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        return request.receive()
                .aggregate()
                .asByteArray()
                .defaultIfEmpty(new byte[0])
                .map(body -> route(request, body))
                .flatMap(reply -> deliver(reply, response));
    }

    private Reply route(HttpServerRequest request, byte[] body) {
        HttpCall call;
        try {
            call = HttpCall.of(request.method().name(), request.uri(), headers(request), body);
        } catch (IllegalArgumentException e) {
            return Reply.text(400, "text/plain", "malformed request URI: " + e.getMessage());
        }
        return router.route(call);
    }

    private Mono<Void> deliver(Reply reply, HttpServerResponse response) {
        Fault fault = reply.fault();
        Mono<Void> send = Mono.defer(() -> send(reply, response));
        if (fault == null || fault.kind() != FaultKind.SLOW) {
            return send;
        }
        return Mono.delay(Duration.ofMillis(fault.delayMillis()), clock).then(send);
    }

    private static Mono<Void> send(Reply reply, HttpServerResponse response) {
        Fault fault = reply.fault();
        FaultKind kind = fault == null ? FaultKind.SLOW : fault.kind(); // SLOW is delivered normally once due
        return switch (kind) {
            case RESET -> reset(response);
            case TRUNCATED_BODY -> truncated(reply, response);
            case MALFORMED_JSON -> complete(reply.status(), reply.contentType(), garbled(reply.body()), response);
            case GZIP_BODY -> encoded(reply, "gzip", Encodings.gzip(reply.body()), response);
            case DEFLATE_BODY -> encoded(reply, "deflate", Encodings.zlib(reply.body()), response);
            case UNKNOWN_ENCODING -> encoded(reply, "br", reply.body(), response);
            default -> complete(reply.status(), reply.contentType(), reply.body(), response);
        };
    }

    private static Mono<Void> complete(int status, String contentType, byte[] body, HttpServerResponse response) {
        return response.status(HttpResponseStatus.valueOf(status))
                .header(HttpHeaderNames.CONTENT_TYPE, contentType)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
                .sendByteArray(Mono.just(body))
                .then();
    }

    private static Mono<Void> encoded(Reply reply, String encoding, byte[] body, HttpServerResponse response) {
        return complete(
                reply.status(), reply.contentType(), body, response.header(HttpHeaderNames.CONTENT_ENCODING, encoding));
    }

    /**
     * Announces the whole body, sends half, then closes: the client sees a premature close mid-body. Written straight
     * to the channel so that nothing of Reactor Netty's own response handling can complete the message; the handler
     * then never completes and is cancelled by the close.
     */
    private static Mono<Void> truncated(Reply reply, HttpServerResponse response) {
        byte[] half = Arrays.copyOf(reply.body(), reply.body().length / 2);
        DefaultHttpResponse head =
                new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()));
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
                .set(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(reply.body().length));
        response.withConnection(connection -> {
            connection.channel().write(head);
            connection
                    .channel()
                    .writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(half)))
                    .addListener(ChannelFutureListener.CLOSE);
        });
        return Mono.never();
    }

    /** Closes with SO_LINGER 0, i.e. a TCP RST, before any byte of a response. */
    private static Mono<Void> reset(HttpServerResponse response) {
        response.withConnection(connection -> {
            connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            connection.channel().close();
        });
        return Mono.empty();
    }

    private static byte[] garbled(byte[] body) {
        byte[] half = Arrays.copyOf(body, body.length / 2);
        byte[] tail = "<!-- upstream error -->".getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(half, half.length + tail.length);
        System.arraycopy(tail, 0, out, half.length, tail.length);
        return out;
    }

    private static Map<String, String> headers(HttpServerRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.requestHeaders()
                .forEach(entry -> headers.merge(
                        entry.getKey().toLowerCase(Locale.ROOT), entry.getValue(), (a, b) -> a + "," + b));
        return headers;
    }
}
