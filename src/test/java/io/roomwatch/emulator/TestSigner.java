package io.roomwatch.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deliberately separate, minimal Volcengine signer for the tests (it shares no code with the emulator's verifier).
 * It is itself pinned to vectors.py V3 in {@code volcengine.VolcengineSignatureVectorsTest}.
 */
public final class TestSigner {

    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private TestSigner() {}

    /** Signs GET / with {@code content-type;host;x-content-sha256;x-date} like volc-sdk-java and returns all headers. */
    public static Map<String, String> sign(Map<String, String> query, String host, String xDate, String ak, String sk) {
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-type", "application/x-www-form-urlencoded; charset=utf-8");
        headers.put("host", host);
        headers.put("x-content-sha256", EMPTY_SHA256);
        headers.put("x-date", xDate);
        headers.put(
                "authorization",
                authorization(query, headers, new ArrayList<>(headers.keySet()), ak, sk, "cn-north-1", "rtc"));
        return headers;
    }

    public static String authorization(
            Map<String, String> query,
            Map<String, String> headers,
            List<String> order,
            String ak,
            String sk,
            String region,
            String service) {
        String xDate = headers.get("x-date");
        String scope = xDate.substring(0, 8) + "/" + region + "/" + service + "/request";
        String signature = HexFormat.of()
                .formatHex(hmac(
                        signingKey(sk, xDate.substring(0, 8), region, service),
                        "HMAC-SHA256\n" + xDate + "\n" + scope + "\n" + sha256(canonical(query, headers, order))));
        return "HMAC-SHA256 Credential=" + ak + "/" + scope + ", SignedHeaders=" + String.join(";", order)
                + ", Signature=" + signature;
    }

    public static String canonical(Map<String, String> query, Map<String, String> headers, List<String> order) {
        StringBuilder canonicalHeaders = new StringBuilder();
        order.forEach(name -> canonicalHeaders
                .append(name)
                .append(':')
                .append(headers.get(name).trim())
                .append('\n'));
        return "GET\n/\n" + query(query) + "\n" + canonicalHeaders + "\n" + String.join(";", order) + "\n"
                + EMPTY_SHA256;
    }

    /** RFC3986-encoded, sorted query; also what the tests put on the wire. */
    public static String query(Map<String, String> query) {
        StringJoiner out = new StringJoiner("&");
        new TreeMap<>(query).forEach((k, v) -> out.add(encode(k) + "=" + encode(v)));
        return out.toString();
    }

    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '~';
            out.append(keep ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] signingKey(String sk, String date, String region, String service) {
        return hmac(hmac(hmac(hmac(sk.getBytes(StandardCharsets.UTF_8), date), region), service), "request");
    }

    public static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> params(String... keyValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
