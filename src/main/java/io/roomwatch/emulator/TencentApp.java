package io.roomwatch.emulator;

import java.util.Set;

/**
 * A Tencent SDKAppID, serving both TUILiveKit and TUIRoomKit. {@link #toString()} hides the key.
 *
 * @param sdkAppId the {@code sdkappid} query parameter
 * @param secretKey the key UserSigs are signed with (HMAC-SHA256, TLSSigAPIv2)
 * @param administrators the App Administrator accounts allowed as {@code identifier}
 */
public record TencentApp(long sdkAppId, String secretKey, Set<String> administrators) {

    public TencentApp {
        if (sdkAppId <= 0) {
            throw new IllegalArgumentException("sdkAppId must be positive, was " + sdkAppId);
        }
        ArgumentChecks.notBlank(secretKey, "secretKey");
        administrators = Set.copyOf(administrators);
        if (administrators.isEmpty()) {
            throw new IllegalArgumentException("app " + sdkAppId + " needs at least one administrator");
        }
    }

    /** An app with one administrator. */
    public static TencentApp of(long sdkAppId, String secretKey, String administrator) {
        return new TencentApp(sdkAppId, secretKey, Set.of(administrator));
    }

    @Override
    public String toString() {
        return "TencentApp[sdkAppId=" + sdkAppId + ", secretKey=***, administrators=" + administrators + "]";
    }
}
