package io.roomwatch.emulator.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentyun.TLSSigAPIv2;
import io.roomwatch.emulator.TestEmulator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** UserSig verification against Tencent's official generator and the V6 vector of vectors.py. */
class UserSigVerifierTest {

    private static final long APP = TestEmulator.SDK_APP_ID;
    private static final String KEY = TestEmulator.TENCENT_KEY;
    /** vectors.py V6: sdkappid 1400000000, README key, identifier xiaojun, time 1700000000, expire 15552000. */
    private static final String V6 =
            "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMikVhRkFqUCxU1N"
                    + "TY3goiWZuSAxc1S1xZnpQJN9yhzNU-Q9y83Tg4vzirPLwqqcXAL8nZ1dkkr9nMtN3D3KQ5wNkjILtJ1MbJVqAa3HMfI_";

    private TestEmulator emu;

    @AfterEach
    void stop() {
        if (emu != null) {
            emu.close();
        }
    }

    @Test
    void userSigFromTheOfficialLibrary_isAccepted() {
        String userSig = new TLSSigAPIv2(APP, KEY).genUserSig("xiaojun", 86400);
        // the library stamps the wall clock; verify one second later
        long now = UserSigVerifier.decode(userSig).time() + 1;

        assertThat(UserSigVerifier.verify(userSig, APP, "xiaojun", KEY, now)).isEqualTo(UserSigVerifier.Verdict.VALID);
    }

    @Test
    void v6Vector_decodesToItsFields_andVerifiesUntilItExpires() {
        UserSigVerifier.Document doc = UserSigVerifier.decode(V6);

        assertThat(doc)
                .isEqualTo(new UserSigVerifier.Document(
                        1400000000L,
                        "xiaojun",
                        1700000000L,
                        15552000L,
                        "LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=",
                        null));
        assertThat(UserSigVerifier.content(doc))
                .isEqualTo(
                        "TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:15552000\n");
        assertThat(UserSigVerifier.verify(V6, APP, "xiaojun", KEY, 1700000000L + 15552000L)
                        .errorCode())
                .isZero();
        assertThat(UserSigVerifier.verify(V6, APP, "xiaojun", KEY, 1700000000L + 15552001L)
                        .errorCode())
                .isEqualTo(70001);
    }

    @Test
    void tamperedSignatures_areRejected() {
        String userSig = new TLSSigAPIv2(APP, KEY).genUserSig("xiaojun", 86400);
        long now = UserSigVerifier.decode(userSig).time();
        String forged = reencode(
                UserSigVerifier.decode(userSig),
                "xiaojun",
                UserSigVerifier.decode(userSig).time() + 1);

        assertThat(UserSigVerifier.verify(forged, APP, "xiaojun", KEY, now).errorCode())
                .isEqualTo(70009);
        assertThat(UserSigVerifier.verify(userSig.substring(0, userSig.length() / 2), APP, "xiaojun", KEY, now)
                        .errorCode())
                .isEqualTo(70003);
        assertThat(UserSigVerifier.verify("not-a-usersig", APP, "xiaojun", KEY, now)
                        .errorCode())
                .isEqualTo(70003);
    }

    @Test
    void otherApp_otherIdentifier_otherKey_areRejectedWithTheirCodes() {
        long now = Instant.now().getEpochSecond();
        String otherApp = new TLSSigAPIv2(1400000002L, KEY).genUserSig("xiaojun", 86400);
        String forXiaojun = new TLSSigAPIv2(APP, KEY).genUserSig("xiaojun", 86400);
        String otherKey = new TLSSigAPIv2(APP, "another-key").genUserSig("xiaojun", 86400);

        assertThat(UserSigVerifier.verify(otherApp, APP, "xiaojun", KEY, now).errorCode())
                .isEqualTo(70014);
        assertThat(UserSigVerifier.verify(forXiaojun, APP, "someone", KEY, now).errorCode())
                .isEqualTo(70013);
        assertThat(UserSigVerifier.verify(otherKey, APP, "xiaojun", KEY, now).errorCode())
                .isEqualTo(70009);
    }

    @Test
    void overHttp_expiredAndForeignSignatures_getTheirCodes_withHttp200() {
        emu = TestEmulator.start(Instant.now().plusSeconds(3600));
        String body = "{\"Next\":\"\",\"Count\":20}";

        String oneMinute = new TLSSigAPIv2(APP, KEY).genUserSig(TestEmulator.ADMIN, 60);
        TestEmulator.Resp expired =
                emu.tencentSigned("live_engine_http_srv", "get_room_list", APP, TestEmulator.ADMIN, oneMinute, body);
        emu.close();
        emu = TestEmulator.start(Instant.now());
        TestEmulator.Resp wrongKey =
                emu.tencent("live_engine_http_srv", "get_room_list", APP, "another-key", TestEmulator.ADMIN, body);

        assertThat(expired.status()).isEqualTo(200);
        assertThat(expired.json().get("ActionStatus").asText()).isEqualTo("FAIL");
        assertThat(expired.tencentCode()).isEqualTo(70001);
        assertThat(wrongKey.tencentCode()).isEqualTo(70009);
    }

    private static String reencode(UserSigVerifier.Document doc, String identifier, long time) {
        String json = "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"" + identifier + "\",\"TLS.sdkappid\":"
                + doc.sdkAppId() + ",\"TLS.expire\":" + doc.expire() + ",\"TLS.time\":" + time + ",\"TLS.sig\":\""
                + doc.sig() + "\"}";
        Deflater deflater = new Deflater();
        deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder()
                .encodeToString(out.toByteArray())
                .replace('+', '*')
                .replace('/', '-')
                .replace('=', '_');
    }
}
