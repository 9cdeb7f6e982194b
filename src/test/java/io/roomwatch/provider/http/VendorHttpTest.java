package io.roomwatch.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import io.roomwatch.config.HttpSettings;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.provider.StubVendor;
import io.roomwatch.provider.StubVendor.Reply;
import io.roomwatch.provider.StubVendor.Request;
import io.roomwatch.provider.VendorUnavailable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Regression for issue 14 (kind 4): compressed bodies, for every vendor, since every client reads through here. */
class VendorHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AppKey APP = AppKey.of(Provider.TENCENT_LIVE, "1400000001");
    private static final String BODY = "{\"ActionStatus\":\"OK\",\"Response\":{\"Next\":\"\",\"RoomList\":[]}}";

    private volatile Function<Request, Reply> script = r -> Reply.ok(BODY);
    private final StubVendor stub = StubVendor.start(r -> script.apply(r));
    private final VendorHttp http = VendorHttp.create("t", HttpSettings.defaults(), Schedulers.parallel());

    @AfterEach
    void stop() {
        stub.close();
        http.close();
    }

    @Test
    void givenGzipAndDeflateBodies_whenRead_thenDecoded() {
        for (String encoding : new String[] {"gzip", "deflate", "identity", ""}) {
            script = r -> Reply.ok(BODY).encoded(encoding);

            HttpReply reply = exchange().block(WAIT);

            assertThat(new String(reply.body(), StandardCharsets.UTF_8))
                    .as(encoding)
                    .isEqualTo(BODY);
        }
        assertThat(stub.requests())
                .allSatisfy(r -> assertThat(r.headers().get("Accept-Encoding")).isEqualTo("gzip"));
    }

    @Test
    void givenAnEncodingWeCannotDecode_whenRead_thenUnavailableNamingIt() {
        script = r -> Reply.ok(BODY).encoded("br");

        StepVerifier.create(exchange())
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(VendorUnavailable.class, u -> assertThat(u.isMalformedAnswer())
                                .isTrue())
                        .hasMessageContaining("tencent-live/1400000001")
                        .hasMessageContaining("Content-Encoding br"))
                .verify(WAIT);
    }

    @Test
    void givenAGzipBodyThatDoesNotDecode_whenRead_thenUnavailable() {
        script = r -> Reply.ok("this is not gzip at all").mislabelled("gzip");
        StepVerifier.create(exchange())
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(VendorUnavailable.class)
                        .hasMessageContaining("does not decode")
                        .hasMessageContaining("[BadContentEncoding]"))
                .verify(WAIT);
    }

    @Test
    void givenABodyOverTheCapOnceDecoded_whenRead_thenRefusedLikeAPlainOne() {
        VendorHttp small =
                VendorHttp.create("small", HttpSettings.defaults().withMaxBodyBytes(1024), Schedulers.parallel());
        try {
            script = r -> Reply.ok("{\"x\":\"" + "a".repeat(100_000) + "\"}").encoded("gzip"); // ~300 B compressed
            StepVerifier.create(small.exchange(
                            APP, HttpMethod.POST, stub.baseUrl().resolve("/v4/x"), h -> {}, new byte[] {'{', '}'}))
                    .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("1024 bytes"))
                    .verify(WAIT);
        } finally {
            small.close();
        }
    }

    private reactor.core.publisher.Mono<HttpReply> exchange() {
        return http.exchange(APP, HttpMethod.POST, stub.baseUrl().resolve("/v4/x"), h -> {}, new byte[] {'{', '}'});
    }
}
