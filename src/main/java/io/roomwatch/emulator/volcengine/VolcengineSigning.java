package io.roomwatch.emulator.volcengine;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Volcengine "HMAC-SHA256" (V4-style) signature algorithm (https://www.volcengine.com/docs/6469/1126804), written
 * for the emulator's verifier and independent of any client signer. Pinned by BytePlus's published canonical-request
 * hash (https://docs.byteplus.com/byteplus-platform/reference/example) and the vectors of {@code
 * VolcengineSignatureVectorsTest}.
 */
final class VolcengineSigning {

    static final String ALGORITHM = "HMAC-SHA256";

    private static final HexFormat HEX = HexFormat.of();

    private VolcengineSigning() {}

    /**
     * RFC3986 percent-encoding: unreserved {@code A-Z a-z 0-9 - _ . ~} kept, everything else as upper-case
     * {@code %XX} of its UTF-8 bytes (so a space is {@code %20}, never {@code +}).
     */
    static String rfc3986(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isUnreserved(c)) {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Decoded parameters, encoded per RFC3986, sorted by encoded name (equal names keep their order), joined by &. */
    static String canonicalQuery(Map<String, List<String>> params) {
        List<String[]> pairs = new ArrayList<>();
        params.forEach((name, values) -> values.forEach(v -> pairs.add(new String[] {rfc3986(name), rfc3986(v)})));
        pairs.sort(Comparator.comparing((String[] pair) -> pair[0])); // stable; ASCII after encoding = byte order
        StringJoiner out = new StringJoiner("&");
        pairs.forEach(pair -> out.add(pair[0] + "=" + pair[1]));
        return out.toString();
    }

    /** The canonical URI: "/" for an empty path, other paths encoded per segment. */
    static String canonicalUri(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return "/";
        }
        StringJoiner out = new StringJoiner("/");
        for (String segment : path.split("/", -1)) {
            out.add(rfc3986(segment));
        }
        return out.toString();
    }

    /**
     * Step 1. {@code headers} are keyed by lower-case name; they are written in the order of {@code signedHeaders}
     * (the verifier follows the client's order), each as {@code name:trimmed-value\n}.
     */
    static String canonicalRequest(
            String method,
            String path,
            String query,
            List<String> signedHeaders,
            Map<String, String> headers,
            String payloadHash) {
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders) {
            canonicalHeaders
                    .append(name)
                    .append(':')
                    .append(headers.getOrDefault(name, "").trim())
                    .append('\n');
        }
        return String.join(
                "\n",
                method,
                canonicalUri(path),
                query,
                canonicalHeaders.toString(),
                String.join(";", signedHeaders),
                payloadHash);
    }

    /** Step 2. */
    static String stringToSign(String xDate, String scope, String canonicalRequest) {
        return String.join("\n", ALGORITHM, xDate, scope, sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** Step 3: kDate, kRegion, kService, kSigning (no "AWS4" prefix on the secret). */
    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] kDate = hmac(secret.getBytes(StandardCharsets.UTF_8), date);
        return hmac(hmac(hmac(kDate, region), service), "request");
    }

    /** Step 4: lower-case hex. */
    static String signature(byte[] signingKey, String stringToSign) {
        return HEX.formatHex(hmac(signingKey, stringToSign));
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JRE", e);
        }
    }

    static String hex(byte[] data) {
        return HEX.formatHex(data);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
    }
}
