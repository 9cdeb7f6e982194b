package io.roomwatch.provider.volcengine;

import io.roomwatch.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Volcengine OpenAPI requests (HMAC-SHA256, header mode; https://www.volcengine.com/docs/6469/1126804, worked
 * example https://docs.byteplus.com/byteplus-platform/reference/example): canonical request, string to sign, derived
 * key {@code secret → date → region → service → "request"}, hex signature. Signs {@code host}, {@code x-content-sha256}
 * and {@code x-date}, as the official {@code volc-sdk-java} does for requests without a content type. Stateless and
 * thread-safe; call it per attempt so every retry carries a fresh {@code X-Date}.
 */
public final class VolcengineSigner {

    static final DateTimeFormatter X_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String accessKeyId;
    private final Secret secretAccessKey;
    private final String region;
    private final String service;

    private VolcengineSigner(String accessKeyId, Secret secretAccessKey, String region, String service) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
        this.service = service;
    }

    /** A signer for {@code service} (RTC: {@code rtc}) in {@code region} (e.g. {@code cn-north-1}). */
    public static VolcengineSigner of(String accessKeyId, Secret secretAccessKey, String region, String service) {
        return new VolcengineSigner(accessKeyId, secretAccessKey, region, service);
    }

    /**
     * The headers that authenticate a request: {@code Host}, {@code X-Date}, {@code X-Content-Sha256} and {@code
     * Authorization}, in that order.
     *
     * @param method e.g. {@code GET}
     * @param host the {@code Host} header as sent, with a port only when it is not the scheme's default
     * @param query the query parameters, raw (not encoded); the request must carry {@link #canonicalQuery} of them
     * @param body the raw body (empty for GET)
     * @param at the signing time
     */
    public Map<String, String> sign(
            String method, String host, List<Map.Entry<String, String>> query, byte[] body, Instant at) {
        return sign(method, "/", host, query, body, at);
    }

    /**
     * The headers that authenticate a request to {@code path}: the canonical URI is {@link #canonicalPath} of it,
     * which is also what the request must be sent to (a gateway base path, e.g. {@code /volc-gw}, is signed as sent).
     *
     * @param path the request path, raw (not encoded); empty means {@code /}
     */
    public Map<String, String> sign(
            String method, String path, String host, List<Map.Entry<String, String>> query, byte[] body, Instant at) {
        String xDate = X_DATE.format(at);
        String bodyHash = sha256Hex(body);
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("Host", host);
        signed.put("X-Date", xDate);
        signed.put("X-Content-Sha256", bodyHash);
        Map<String, String> headers = new LinkedHashMap<>(signed);
        headers.put(
                "Authorization",
                signature(method, canonicalPath(path), query, signed, body).authorization());
        return headers;
    }

    /** Every step of one signature, for tests against published vectors. */
    Signed signature(
            String method,
            String path,
            List<Map.Entry<String, String>> query,
            Map<String, String> headers,
            byte[] body) {
        Map<String, String> canonical = headers.entrySet().stream()
                .collect(Collectors.toMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT),
                        e -> e.getValue().trim(),
                        (a, b) -> b,
                        java.util.TreeMap::new));
        String signedHeaders = String.join(";", canonical.keySet());
        String canonicalRequest = String.join(
                "\n", method, path, canonicalQuery(query), canonicalHeaders(canonical), signedHeaders, sha256Hex(body));
        String xDate = canonical.get("x-date");
        String scope = xDate.substring(0, 8) + "/" + region + "/" + service + "/request";
        String stringToSign = String.join("\n", "HMAC-SHA256", xDate, scope, sha256Hex(utf8(canonicalRequest)));
        byte[] key = signingKey(xDate.substring(0, 8));
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
        String authorization = "HMAC-SHA256 Credential=" + accessKeyId + "/" + scope + ", SignedHeaders="
                + signedHeaders + ", Signature=" + signature;
        return new Signed(canonicalRequest, stringToSign, HexFormat.of().formatHex(key), signature, authorization);
    }

    /**
     * The query string to send and to sign: RFC 3986 percent-encoding (space {@code %20}, {@code +} {@code %2B},
     * {@code :} {@code %3A}), sorted by name (stable for repeated names), joined with {@code &}.
     */
    public static String canonicalQuery(List<Map.Entry<String, String>> query) {
        return query.stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * The canonical URI of a raw path, which is also the path to send: {@code /} for an empty path, otherwise each
     * segment RFC 3986-encoded ({@code /volc-gw} stays {@code /volc-gw}).
     */
    public static String canonicalPath(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return "/";
        }
        String absolute = path.startsWith("/") ? path : "/" + path;
        return java.util.Arrays.stream(absolute.split("/", -1))
                .map(VolcengineSigner::encode)
                .collect(Collectors.joining("/"));
    }

    /** RFC 3986 percent-encoding of UTF-8 bytes: only {@code A-Z a-z 0-9 - _ . ~} stay as they are. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : utf8(value)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private byte[] signingKey(String date) {
        byte[] key = hmac(utf8(secretAccessKey.reveal()), date); // no "AWS4" prefix, unlike SigV4
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "request");
    }

    private static String canonicalHeaders(Map<String, String> canonical) {
        // every entry ends with '\n', so the joined request has an empty line before SignedHeaders
        return canonical.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue() + "\n")
                .collect(Collectors.joining());
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(utf8(message));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The intermediate values of one signature. */
    record Signed(
            String canonicalRequest,
            String stringToSign,
            String signingKeyHex,
            String signature,
            String authorization) {}
}
