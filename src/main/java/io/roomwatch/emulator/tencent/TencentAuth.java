package io.roomwatch.emulator.tencent;

import static java.util.concurrent.TimeUnit.SECONDS;

import io.roomwatch.emulator.TencentApp;
import io.roomwatch.emulator.http.HttpCall;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/**
 * Checks the query part every Tencent REST call carries ({@code sdkappid}, {@code identifier}, {@code usersig}), in
 * this order and with these codes (https://www.tencentcloud.com/document/product/1047/34348):
 * <ol>
 *   <li>no {@code sdkappid}: 60012; not a number: 60006 "SDKAppID invalid";</li>
 *   <li>unknown {@code sdkappid}: 70020 "SDKAppID not found" (chosen over 60006 because the app may well exist in
 *       another data centre, which is what 70020 tells the caller to check);</li>
 *   <li>no {@code identifier} or {@code usersig}: 60004;</li>
 *   <li>UserSig: 70003 / 70014 / 70013 / 70001 / 70009 ({@link UserSigVerifier});</li>
 *   <li>valid signature but {@code identifier} not an App Administrator: 60010 "App administrator permission
 *       required", the documented code for exactly this.</li>
 * </ol>
 * Thread-safe (immutable).
 */
final class TencentAuth {

    /** The authenticated app, or null with the error to answer. */
    record Verdict(@Nullable TencentApp app, int errorCode, String message) {
        static Verdict failed(int errorCode, String message) {
            return new Verdict(null, errorCode, message);
        }
    }

    private final List<TencentApp> apps;
    private final Scheduler clock;

    TencentAuth(List<TencentApp> apps, Scheduler clock) {
        this.apps = apps;
        this.clock = clock;
    }

    Verdict check(HttpCall call) {
        String sdkAppId = call.param("sdkappid");
        if (sdkAppId == null || sdkAppId.isEmpty()) {
            return Verdict.failed(60012, "SDKAppID is missing in the URL");
        }
        Optional<TencentApp> app = parse(sdkAppId).flatMap(this::app);
        if (parse(sdkAppId).isEmpty()) {
            return Verdict.failed(60006, "SDKAppID " + sdkAppId + " is invalid");
        }
        if (app.isEmpty()) {
            return Verdict.failed(70020, "SDKAppID " + sdkAppId + " not found; check the data centre");
        }
        return checkSignature(call, app.get());
    }

    private Verdict checkSignature(HttpCall call, TencentApp app) {
        String identifier = call.param("identifier");
        String userSig = call.param("usersig");
        if (identifier == null || identifier.isEmpty() || userSig == null || userSig.isEmpty()) {
            return Verdict.failed(60004, "identifier and usersig are required in the URL");
        }
        UserSigVerifier.Verdict sig =
                UserSigVerifier.verify(userSig, app.sdkAppId(), identifier, app.secretKey(), clock.now(SECONDS));
        if (sig.errorCode() != 0) {
            return Verdict.failed(sig.errorCode(), sig.message());
        }
        if (!app.administrators().contains(identifier)) {
            return Verdict.failed(60010, identifier + " is not an App Administrator");
        }
        return new Verdict(app, 0, "");
    }

    private Optional<TencentApp> app(long sdkAppId) {
        return apps.stream().filter(a -> a.sdkAppId() == sdkAppId).findFirst();
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
