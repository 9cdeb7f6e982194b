package io.roomwatch.emulator.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.emulator.http.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a Tencent UserSig (TLSSigAPIv2, https://trtc.io/document/34385), independently of any generator: base64url
 * with {@code * - _} → zlib inflate → JSON → recompute {@code TLS.sig}. Checks run in the order of the official Go
 * verifier (https://github.com/tencentyun/tls-sig-api-v2-golang): sdkappid, identifier, expiry, then the signature.
 * Stateless and thread-safe.
 */
final class UserSigVerifier {

    /** Inflated documents larger than this are rejected: a UserSig is a few hundred bytes. */
    private static final int MAX_INFLATED = 16 * 1024;

    private UserSigVerifier() {}

    /** A decoded UserSig document. */
    record Document(long sdkAppId, String identifier, long time, long expire, String sig, @Nullable String userBuf) {}

    /** Result: {@code errorCode} 0 = valid, else 70001/70003/70009/70013/70014 with a message. */
    record Verdict(int errorCode, String message) {
        static final Verdict VALID = new Verdict(0, "");
    }

    static Verdict verify(String userSig, long sdkAppId, String identifier, String key, long nowSeconds) {
        Document doc = decode(userSig);
        if (doc == null) {
            return new Verdict(70003, "UserSig could not be parsed (truncated or not a TLSSigAPIv2 signature)");
        }
        if (doc.sdkAppId() != sdkAppId) {
            return new Verdict(70014, "sdkappid " + sdkAppId + " differs from the UserSig's " + doc.sdkAppId());
        }
        if (!doc.identifier().equals(identifier)) {
            return new Verdict(70013, "identifier " + identifier + " differs from the UserSig's " + doc.identifier());
        }
        if (nowSeconds > doc.time() + doc.expire()) {
            return new Verdict(70001, "UserSig expired at " + (doc.time() + doc.expire()) + "; regenerate it");
        }
        byte[] expected = hmacBase64(key, content(doc)).getBytes(StandardCharsets.US_ASCII);
        boolean same = MessageDigest.isEqual(expected, doc.sig().getBytes(StandardCharsets.US_ASCII));
        return same ? Verdict.VALID : new Verdict(70009, "UserSig verification failed: wrong key or tampered");
    }

    /** Reverses generation steps 6 → 4; null when any step fails or a field is missing. */
    static @Nullable Document decode(String userSig) {
        try {
            String base64 = userSig.replace('*', '+').replace('-', '/').replace('_', '=');
            JsonNode json = Json.MAPPER.readTree(inflate(Base64.getDecoder().decode(base64)));
            return document(json);
        } catch (IllegalArgumentException | DataFormatException | java.io.IOException e) {
            return null;
        }
    }

    /** Step 2: the signed content, each line ending in \n, in the fixed order. */
    static String content(Document doc) {
        String base = "TLS.identifier:" + doc.identifier() + "\n" + "TLS.sdkappid:" + doc.sdkAppId() + "\n"
                + "TLS.time:" + doc.time() + "\n" + "TLS.expire:" + doc.expire() + "\n";
        return doc.userBuf() == null ? base : base + "TLS.userbuf:" + doc.userBuf() + "\n";
    }

    /** Step 3: standard Base64 of HMAC-SHA256(key as UTF-8, content). */
    static String hmacBase64(String key, String content) {
        try {
            // the same primitive as Volcengine's signature, written again: the vendors' verifiers share no code
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JRE", e);
        }
    }

    private static @Nullable Document document(JsonNode json) {
        JsonNode app = json.get("TLS.sdkappid");
        JsonNode id = json.get("TLS.identifier");
        JsonNode time = json.get("TLS.time");
        JsonNode expire = json.get("TLS.expire");
        JsonNode sig = json.get("TLS.sig");
        if (app == null
                || !app.canConvertToLong()
                || id == null
                || !id.isTextual()
                || time == null
                || !time.canConvertToLong()
                || expire == null
                || !expire.canConvertToLong()
                || sig == null) {
            return null;
        }
        JsonNode userBuf = json.get("TLS.userbuf");
        return new Document(
                app.asLong(),
                id.asText(),
                time.asLong(),
                expire.asLong(),
                sig.asText(),
                userBuf == null ? null : userBuf.asText());
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!inflater.finished() && out.size() <= MAX_INFLATED) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated zlib stream");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
