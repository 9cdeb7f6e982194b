package io.roomwatch.emulator.callback;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** The two callback signatures, as pure functions (test vectors V4 and V5 in CallbackSigningTest). */
final class CallbackSigning {

    private CallbackSigning() {}

    /**
     * Volcengine: lowercase hex SHA-256 of the 8 strings [EventType, EventData, EventTime, EventId, AppId, Version,
     * Nonce, callback key] sorted in byte order and concatenated without separator
     * (https://volcengine.com/docs/6348/69820; the doc's Go sample sorts with {@code sort.Strings}, which compares
     * UTF-8 bytes, so we compare bytes too rather than Java's UTF-16 code units).
     */
    static String volcengine(List<String> fields, String callbackKey) {
        if (fields.size() != 7) {
            throw new IllegalArgumentException("7 envelope fields expected, got " + fields.size());
        }
        List<byte[]> parts = new ArrayList<>();
        fields.forEach(field -> parts.add(field.getBytes(UTF_8)));
        parts.add(callbackKey.getBytes(UTF_8));
        parts.sort(Arrays::compareUnsigned);
        MessageDigest sha256 = sha256();
        parts.forEach(sha256::update);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * TUILiveKit: {@code Sign = sha256(Token + RequestTime)}, lowercase hex (https://trtc.io/document/64412; hex and
     * the seconds unit are inferred).
     */
    static String tencent(String token, long requestTimeSeconds) {
        return HexFormat.of().formatHex(sha256().digest((token + requestTimeSeconds).getBytes(UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
