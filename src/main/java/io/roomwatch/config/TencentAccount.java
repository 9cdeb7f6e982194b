package io.roomwatch.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The credentials and endpoint shared by Tencent's REST APIs (TUILiveKit, TUIRoomKit).
 *
 * @param sdkAppId the {@code SDKAppID}
 * @param administrator the App Administrator account the requests are made as ({@code identifier})
 * @param secretKey the SDK secret key that signs UserSigs; never sent
 * @param region a documented region name ({@code china}, {@code china-backup}, {@code singapore}, {@code seoul},
 *     {@code frankfurt}, {@code usa}, {@code jakarta}, {@code mumbai}); used unless {@code baseUrl} is set
 * @param baseUrl overrides the region's domain (emulator, private gateway), e.g. {@code http://127.0.0.1:8080};
 *     {@code null} for the region's {@code https://} domain
 * @param userSigValidity how long each generated UserSig is valid; it is reused until a tenth of this (at most an
 *     hour) before it expires; default 1 day, 5 min to 180 days
 */
public record TencentAccount(
        long sdkAppId,
        String administrator,
        Secret secretKey,
        String region,
        @Nullable URI baseUrl,
        Duration userSigValidity) {

    public TencentAccount {
        if (sdkAppId <= 0 || sdkAppId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sdkAppId must be a positive 32-bit number, was " + sdkAppId);
        }
        Checks.requireText(administrator, "administrator");
        Objects.requireNonNull(secretKey, "secretKey");
        Checks.requireText(region, "region");
        Checks.requireHttpUrl(baseUrl, "baseUrl");
        Objects.requireNonNull(userSigValidity, "userSigValidity");
        if (userSigValidity.compareTo(Duration.ofMinutes(5)) < 0
                || userSigValidity.compareTo(Duration.ofDays(180)) > 0) {
            throw new IllegalArgumentException("userSigValidity must be in [5 min, 180 days], was " + userSigValidity);
        }
    }

    /** An account in {@code region} with 1-day UserSigs. */
    public static TencentAccount of(long sdkAppId, String administrator, Secret secretKey, String region) {
        return new TencentAccount(sdkAppId, administrator, secretKey, region, null, Duration.ofDays(1));
    }

    public TencentAccount withBaseUrl(@Nullable URI value) {
        return new TencentAccount(sdkAppId, administrator, secretKey, region, value, userSigValidity);
    }

    public TencentAccount withUserSigValidity(Duration value) {
        return new TencentAccount(sdkAppId, administrator, secretKey, region, baseUrl, value);
    }
}
