package io.roomwatch.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The credentials and endpoint shared by Tencent's REST APIs (TUILiveKit, TUIRoomKit); their keys are written in the
 * app's section. Each setting is declared on its component ({@link Setting}); {@code docs/configuration.md} lists
 * them.
 */
public record TencentAccount(
        @Setting(min = "1", max = "4294967295", doc = "The `SDKAppID`.") long sdkAppId,
        @Setting(doc = "The App Administrator account the requests are made as (`identifier`).") String administrator,
        @Setting(doc = "The SDK secret key that signs UserSigs; never sent.") Secret secretKey,
        @Setting(
                        value = Setting.OPTIONAL,
                        check = Regions.TencentName.class,
                        doc = "Required unless `baseUrl` is set (then it is not used): `china`, `china-backup`,"
                                + " `singapore`, `seoul`, `frankfurt`, `usa`, `jakarta`, `mumbai`, or an alias such as"
                                + " `sgp`, `us`.")
                String region,
        @Setting(
                        value = Setting.OPTIONAL,
                        doc =
                                "Overrides the region's domain (emulator, gateway), e.g. `http://127.0.0.1:8080`; a path is"
                                        + " kept (`http://gateway:8080/tim-gw` calls `/tim-gw/v4/...`). Unset: the region's"
                                        + " `https://` domain.")
                @Nullable
                URI baseUrl,
        @Setting(
                        value = "1d",
                        min = "5m",
                        max = "180d",
                        doc =
                                "How long each generated UserSig is valid; one is reused until a tenth of this (at most an"
                                        + " hour) before it expires.")
                Duration userSigValidity) {

    /** Tencent's REST APIs need a region or a base URL; with a base URL the region is not used. */
    static final String UNUSED_REGION = "china";

    public TencentAccount {
        Settings.check(TencentAccount.class, sdkAppId, administrator, secretKey, region, baseUrl, userSigValidity);
        if (region == null) {
            if (baseUrl == null) {
                throw new IllegalArgumentException("region: missing (required unless baseUrl is set)");
            }
            region = UNUSED_REGION;
        }
    }

    /** An account in {@code region} with 1-day UserSigs. */
    public static TencentAccount of(long sdkAppId, String administrator, Secret secretKey, String region) {
        return Settings.of(TencentAccount.class)
                .build(
                        Map.of(
                                "sdkAppId",
                                sdkAppId,
                                "administrator",
                                administrator,
                                "secretKey",
                                secretKey,
                                "region",
                                region),
                        Map.of());
    }

    public TencentAccount withBaseUrl(@Nullable URI value) {
        return Settings.with(this, "baseUrl", value);
    }
}
