package io.roomwatch.provider.tencent;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The documented REST domains by region (https://www.tencentcloud.com/document/product/1047/34620, TUILiveKit:
 * https://www.tencentcloud.com/document/product/1071/76832). TUIRoomKit pages list only Singapore (e.g.
 * https://trtc.io/document/60704).
 */
public enum TencentRegion {
    CHINA("console.tim.qq.com", "china", "cn", "mainland"),
    CHINA_BACKUP("adminapi.my-imcloud.com", "china-backup"),
    SINGAPORE("adminapisgp.im.qcloud.com", "singapore", "sgp"),
    SEOUL("adminapikr.im.qcloud.com", "seoul", "korea", "kr"),
    FRANKFURT("adminapiger.im.qcloud.com", "frankfurt", "germany", "ger"),
    USA("adminapiusa.im.qcloud.com", "usa", "silicon-valley", "us"),
    JAKARTA("adminapiidn.im.qcloud.com", "jakarta", "indonesia", "idn"),
    MUMBAI("adminapiind.im.qcloud.com", "mumbai", "india", "ind");

    private final String domain;
    private final List<String> names;

    TencentRegion(String domain, String... names) {
        this.domain = domain;
        this.names = List.of(names);
    }

    /** The REST domain, e.g. {@code adminapisgp.im.qcloud.com}. */
    public String domain() {
        return domain;
    }

    /** {@code https://} and the domain. */
    public URI baseUrl() {
        return URI.create("https://" + domain);
    }

    /**
     * The region with this name or alias, case-insensitive ({@code china}, {@code singapore}, {@code usa}, ...).
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static TencentRegion fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(region -> region.names.contains(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Tencent region '" + name
                        + "', expected one of "
                        + Arrays.stream(values()).map(r -> r.names.get(0)).collect(Collectors.joining(", "))));
    }
}
