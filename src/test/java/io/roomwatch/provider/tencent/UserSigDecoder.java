package io.roomwatch.provider.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent UserSig verifier for tests, following the official Go library's {@code VerifyUserSig}: URL-safe
 * Base64 back to standard, inflate, read the JSON, then check sdkappid, identifier, expiry and the recomputed {@code
 * TLS.sig}. Shares no code with {@link UserSig}.
 */
final class UserSigDecoder {

    private UserSigDecoder() {}

    /** The decoded document. */
    static JsonNode decode(String userSig) throws Exception {
        String base64 = userSig.replace('*', '+').replace('-', '/').replace('_', '=');
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getDecoder().decode(base64));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                throw new DataFormatException("truncated");
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return JsonMapper.builder().build().readTree(out.toByteArray());
    }

    /** Null when the UserSig verifies for these inputs at {@code now}, otherwise why not. */
    static String verify(String userSig, long sdkAppId, String identifier, String key, long now) throws Exception {
        JsonNode doc = decode(userSig);
        if (doc.path("TLS.sdkappid").asLong() != sdkAppId) {
            return "sdkappid";
        }
        if (!doc.path("TLS.identifier").asText().equals(identifier)) {
            return "identifier";
        }
        long time = doc.path("TLS.time").asLong();
        long expire = doc.path("TLS.expire").asLong();
        if (now > time + expire) {
            return "expired";
        }
        String content = "TLS.identifier:" + identifier + "\nTLS.sdkappid:" + sdkAppId + "\nTLS.time:" + time
                + "\nTLS.expire:" + expire + "\n";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        return expected.equals(doc.path("TLS.sig").asText()) ? null : "signature";
    }
}
