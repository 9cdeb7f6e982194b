package io.roomwatch.emulator.volcengine;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.roomwatch.emulator.AccessKey;
import io.roomwatch.emulator.Tolerance;
import io.roomwatch.emulator.VolcengineApp;
import io.roomwatch.emulator.http.HttpCall;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/**
 * Verifies a Volcengine header-signed request as the gateway does (https://www.volcengine.com/docs/6469/1126804):
 * re-parses {@code Authorization}, rebuilds the canonical headers in the order {@code SignedHeaders} gives (requiring
 * {@code x-date}, not {@code host}), recomputes with the access key's secret and compares in constant time. Thread-safe
 * (immutable after construction).
 */
final class VolcengineVerifier {

    private static final DateTimeFormatter X_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT);

    private final Map<String, AccessKey> keys = new HashMap<>();
    private final Tolerance tolerance;
    private final Scheduler clock;

    VolcengineVerifier(List<VolcengineApp> apps, Tolerance tolerance, Scheduler clock) {
        apps.forEach(app -> app.accessKeys().forEach(key -> keys.put(key.accessKeyId(), key)));
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** The parsed {@code Authorization} header. */
    record Authorization(
            String accessKeyId,
            String date,
            String region,
            String service,
            String terminator,
            List<String> signedHeaders,
            String signature) {

        /** Parses {@code HMAC-SHA256 Credential=AK/date/region/service/request, SignedHeaders=a;b, Signature=hex}. */
        static @Nullable Authorization parse(String header) {
            if (!header.startsWith(VolcengineSigning.ALGORITHM + " ")) {
                return null;
            }
            Map<String, String> parts = new HashMap<>();
            for (String part :
                    header.substring(VolcengineSigning.ALGORITHM.length() + 1).split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    parts.put(
                            part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
            String[] scope = parts.getOrDefault("Credential", "").split("/", -1);
            String signed = parts.getOrDefault("SignedHeaders", "");
            if (scope.length != 5 || scope[0].isEmpty() || signed.isEmpty()) {
                return null;
            }
            return new Authorization(
                    scope[0],
                    scope[1],
                    scope[2],
                    scope[3],
                    scope[4],
                    List.of(signed.split(";")),
                    parts.getOrDefault("Signature", ""));
        }

        String scope() {
            return String.join("/", date, region, service, terminator);
        }
    }

    /** The verified access key, or null with the error to answer. */
    record Verdict(@Nullable AccessKey key, @Nullable VolcengineError error) {}

    Verdict verify(HttpCall call) {
        String header = call.header("authorization");
        if (header.isBlank()) {
            return failed(VolcengineError.missingAuthenticationToken());
        }
        Authorization auth = Authorization.parse(header);
        if (auth == null) {
            return failed(VolcengineError.missingRequestInfo("malformed Authorization header: " + header));
        }
        if (auth.signature().isEmpty()) {
            return failed(VolcengineError.missingSignature());
        }
        AccessKey key = keys.get(auth.accessKeyId());
        if (key == null) {
            return failed(VolcengineError.invalidAccessKey(auth.accessKeyId()));
        }
        VolcengineError error = checkDate(call.header("x-date"));
        error = error != null ? error : checkScope(auth, call.header("x-date"));
        error = error != null ? error : checkSignature(call, auth, key);
        return error != null ? failed(error) : new Verdict(key, null);
    }

    private @Nullable VolcengineError checkDate(String xDate) {
        long signedAt;
        try {
            signedAt =
                    LocalDateTime.parse(xDate, X_DATE).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return VolcengineError.missingRequestInfo("X-Date is missing or not YYYYMMDD'T'HHMMSS'Z': '" + xDate + "'");
        }
        long skewMillis = Math.abs(clock.now(MILLISECONDS) - signedAt);
        if (skewMillis > tolerance.clockSkewSeconds() * 1000) {
            return VolcengineError.invalidTimestamp(
                    tolerance.invalidTimestampStatus(),
                    "X-Date " + xDate + " is " + skewMillis / 1000 + " s from the server time; the signature expired "
                            + "or is in the future");
        }
        return null;
    }

    private @Nullable VolcengineError checkScope(Authorization auth, String xDate) {
        if (!auth.terminator().equals("request") || auth.region().isEmpty()) {
            return VolcengineError.missingRequestInfo("credential scope must be date/region/service/request");
        }
        if (!auth.service().equals(tolerance.service())) {
            return VolcengineError.serviceNotFound(auth.service());
        }
        if (!xDate.startsWith(auth.date()) || auth.date().length() != 8) {
            return VolcengineError.signatureDoesNotMatch("credential scope date " + auth.date() + " is not X-Date's");
        }
        if (!tolerance.regions().contains(auth.region())) {
            return VolcengineError.signatureDoesNotMatch("region " + auth.region() + " is not served here");
        }
        if (!auth.signedHeaders().contains("x-date")) {
            return VolcengineError.signatureDoesNotMatch("x-date must be among SignedHeaders");
        }
        return null;
    }

    private @Nullable VolcengineError checkSignature(HttpCall call, Authorization auth, AccessKey key) {
        String canonical = canonicalRequest(call, auth.signedHeaders());
        String toSign = VolcengineSigning.stringToSign(call.header("x-date"), auth.scope(), canonical);
        byte[] signingKey =
                VolcengineSigning.signingKey(key.secretAccessKey(), auth.date(), auth.region(), auth.service());
        String expected = VolcengineSigning.signature(signingKey, toSign);
        boolean same = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        return same
                ? null
                : VolcengineError.signatureDoesNotMatch(
                        "the request signature we calculated does not " + "match the signature you provided");
    }

    static String canonicalRequest(HttpCall call, List<String> signedHeaders) {
        Map<String, String> headers = new HashMap<>();
        signedHeaders.forEach(name -> headers.put(name, call.header(name.toLowerCase(Locale.ROOT))));
        return VolcengineSigning.canonicalRequest(
                call.method(),
                call.path(),
                VolcengineSigning.canonicalQuery(call.query()),
                signedHeaders,
                headers,
                VolcengineSigning.sha256Hex(call.body()));
    }

    private static Verdict failed(VolcengineError error) {
        return new Verdict(null, error);
    }
}
