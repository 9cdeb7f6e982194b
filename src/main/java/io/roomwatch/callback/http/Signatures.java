package io.roomwatch.callback.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/** The vendors' callback signatures. Pure; comparisons take constant time. */
final class Signatures {

    private Signatures() {}

    /**
     * Volcengine: SHA-256 over the 8 raw strings ({@code EventType, EventData, EventTime, EventId, AppId, Version,
     * Nonce} and the callback key) sorted in byte order and concatenated, hex
     * (https://www.volcengine.com/docs/6348/75124).
     */
    static String volcengine(String... fieldsAndKey) {
        String[] sorted = fieldsAndKey.clone();
        Arrays.sort(sorted); // String order is UTF-16 order, which is byte order for the ASCII and BMP text used here
        return sha256Hex(String.join("", sorted));
    }

    /** TUILiveKit: {@code Sign = sha256(Token + RequestTime)}, hex (https://trtc.io/document/60704). */
    static String tencent(String token, String requestTime) {
        return sha256Hex(token + requestTime);
    }

    /** Whether {@code given} is {@code expected}, hex of either case (the vendors' case is UNCONFIRMED). */
    static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
