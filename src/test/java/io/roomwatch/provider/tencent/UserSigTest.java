package io.roomwatch.provider.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentyun.TLSSigAPIv2;
import io.roomwatch.config.Secret;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

class UserSigTest {

    private static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    @Test
    void givenVectorV6_whenSigning_thenTlsSigAndWholeUserSigMatchTheReference() {
        assertThat(UserSig.signature(1400000000L, "xiaojun", KEY, 1700000000L, 15552000L))
                .isEqualTo("LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=");
        assertThat(UserSig.generate(1400000000L, "xiaojun", KEY, 1700000000L, 15552000L))
                .isEqualTo(
                        "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMikVhRkFqUCxU1NTY3g"
                                + "oiWZuSAxc1S1xZnpQJN9yhzNU-Q9y83Tg4vzirPLwqqcXAL8nZ1dkkr9nMtN3D3KQ5wNkjILtJ1MbJVqAa3HMfI_");
    }

    @Test
    void givenOurUserSig_whenDecodedIndependently_thenEveryFieldChecksOut() throws Exception {
        String sig = UserSig.generate(1400000001L, "administrator", "k3y", 1_750_000_000L, 86_400L);

        assertThat(UserSigDecoder.decode(sig).path("TLS.ver").asText()).isEqualTo("2.0");
        assertThat(UserSigDecoder.verify(sig, 1400000001L, "administrator", "k3y", 1_750_000_100L))
                .isNull();
        assertThat(UserSigDecoder.verify(sig, 1400000001L, "administrator", "other", 1_750_000_100L))
                .isEqualTo("signature");
        assertThat(UserSigDecoder.verify(sig, 1400000001L, "administrator", "k3y", 1_750_086_401L))
                .isEqualTo("expired");
    }

    @Test
    void givenTheOfficialTencentLibrary_whenItsUserSigIsDecoded_thenTheSameVerifierAcceptsIt() throws Exception {
        String official = new TLSSigAPIv2(1400000001L, "k3y").genUserSig("administrator", 86_400L);
        long issued = UserSigDecoder.decode(official).path("TLS.time").asLong();

        assertThat(UserSigDecoder.verify(official, 1400000001L, "administrator", "k3y", issued + 10))
                .isNull();
        // and ours, made at the official sig's time, carries the same TLS.sig
        String ours = UserSig.generate(1400000001L, "administrator", "k3y", issued, 86_400L);
        assertThat(UserSigDecoder.decode(ours).path("TLS.sig").asText())
                .isEqualTo(UserSigDecoder.decode(official).path("TLS.sig").asText());
    }

    @Test
    void givenACachedUserSig_whenTimePasses_thenReusedUntilTheMarginThenRegenerated() throws Exception {
        VirtualTimeScheduler timer = VirtualTimeScheduler.create();
        timer.advanceTimeBy(Duration.ofSeconds(1_750_000_000L));
        UserSig userSig = UserSig.create(1400000001L, "administrator", Secret.of("k3y"), Duration.ofHours(1), timer);

        String first = userSig.current();
        timer.advanceTimeBy(Duration.ofMinutes(53)); // margin is a tenth of the validity: 6 min
        String stillFirst = userSig.current();
        timer.advanceTimeBy(Duration.ofMinutes(1));
        String second = userSig.current();

        assertThat(stillFirst).isSameAs(first);
        assertThat(second).isNotEqualTo(first);
        long now = timer.now(TimeUnit.SECONDS);
        assertThat(UserSigDecoder.verify(second, 1400000001L, "administrator", "k3y", now))
                .isNull();
        assertThat(UserSigDecoder.decode(second).path("TLS.time").asLong()).isEqualTo(now);
        assertThat(userSig.toString()).doesNotContain("k3y");
    }
}
