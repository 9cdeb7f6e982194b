package io.roomwatch.provider.tencent;

import static java.util.concurrent.TimeUnit.SECONDS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.roomwatch.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import reactor.core.scheduler.Scheduler;

/**
 * UserSigs (TLSSigAPIv2, https://trtc.io/document/34385; Tencent's generator:
 * https://github.com/tencentyun/tls-sig-api-v2-java) for one administrator: HMAC-SHA256 over the {@code TLS.*} content,
 * JSON, zlib, URL-safe Base64 ({@code + / =} as {@code * - _}). A generated sig is reused until a tenth of its validity
 * (at most one hour) before it expires, then regenerated. Thread-safe; time from the injected timer.
 */
public final class UserSig {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long sdkAppId;
    private final String identifier;
    private final Secret key;
    private final long validitySeconds;
    private final long marginSeconds;
    private final Scheduler timer;

    // guarded by this
    private String current = "";
    private long refreshAt = Long.MIN_VALUE;

    private UserSig(long sdkAppId, String identifier, Secret key, Duration validity, Scheduler timer) {
        this.sdkAppId = sdkAppId;
        this.identifier = identifier;
        this.key = key;
        this.validitySeconds = validity.toSeconds();
        this.marginSeconds = Math.min(validitySeconds / 10, 3600);
        this.timer = timer;
    }

    /** UserSigs for {@code identifier} of {@code sdkAppId}, each valid for {@code validity}. */
    public static UserSig create(long sdkAppId, String identifier, Secret key, Duration validity, Scheduler timer) {
        if (validity.toSeconds() < 60) {
            throw new IllegalArgumentException("validity must be at least a minute, was " + validity);
        }
        return new UserSig(sdkAppId, identifier, key, validity, timer);
    }

    /** A UserSig valid now and for at least the refresh margin; generated when the cached one is due. */
    public synchronized String current() {
        long now = timer.now(SECONDS);
        if (now >= refreshAt) {
            current = generate(sdkAppId, identifier, key.reveal(), now, validitySeconds);
            refreshAt = now + validitySeconds - marginSeconds;
        }
        return current;
    }

    /** One UserSig issued at {@code time} (unix seconds), valid for {@code expire} seconds. */
    static String generate(long sdkAppId, String identifier, String key, long time, long expire) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("TLS.ver", "2.0");
        doc.put("TLS.identifier", identifier);
        doc.put("TLS.sdkappid", sdkAppId);
        doc.put("TLS.expire", expire);
        doc.put("TLS.time", time);
        doc.put("TLS.sig", signature(sdkAppId, identifier, key, time, expire));
        return Base64.getEncoder()
                .encodeToString(deflate(json(doc)))
                .replace('+', '*')
                .replace('/', '-')
                .replace('=', '_');
    }

    /** {@code TLS.sig}: standard Base64 of HMAC-SHA256(key, content), the content lines in their fixed order. */
    static String signature(long sdkAppId, String identifier, String key, long time, long expire) {
        String content = "TLS.identifier:" + identifier + "\n" + "TLS.sdkappid:" + sdkAppId + "\n" + "TLS.time:" + time
                + "\n" + "TLS.expire:" + expire + "\n";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static byte[] json(Map<String, Object> doc) {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serializes", e);
        }
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater(); // zlib format, default level, as the official Java library
        try {
            deflater.setInput(input);
            deflater.finish();
            byte[] buffer = new byte[input.length + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
                length += deflater.deflate(buffer, length, buffer.length - length);
            }
            return java.util.Arrays.copyOf(buffer, length);
        } finally {
            deflater.end();
        }
    }

    @Override
    public String toString() {
        return "UserSig[" + sdkAppId + "/" + identifier + "]";
    }
}
