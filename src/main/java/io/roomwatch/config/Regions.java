package io.roomwatch.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The region names the configuration accepts. Tencent's names and aliases are those {@code
 * provider.tencent.TencentRegion} maps to REST domains (config cannot depend on the provider packages, which depend on
 * it; {@code RegionsTest} keeps the two lists equal).
 */
final class Regions {

    /** Volcengine signing regions listed in the RTC OpenAPI docs (https://www.volcengine.com/docs/6348/1178322). */
    static final List<String> VOLCENGINE = List.of("cn-north-1", "ap-singapore-1", "us-east-1");

    /** Volcengine regions with a documented RTC endpoint. */
    static final Map<String, URI> VOLCENGINE_ENDPOINTS = Map.of(
            "cn-north-1",
            URI.create("https://rtc.volcengineapi.com"),
            "ap-singapore-1",
            URI.create("https://open-ap-singapore-1.volcengineapi.com"));

    /** Tencent regions, the first name of each is its canonical one. */
    static final List<List<String>> TENCENT = List.of(
            List.of("china", "cn", "mainland"),
            List.of("china-backup"),
            List.of("singapore", "sgp"),
            List.of("seoul", "korea", "kr"),
            List.of("frankfurt", "germany", "ger"),
            List.of("usa", "silicon-valley", "us"),
            List.of("jakarta", "indonesia", "idn"),
            List.of("mumbai", "india", "ind"));

    private Regions() {}

    /** Whether Tencent knows {@code name} (case-insensitive, {@code _} for {@code -}), as TencentRegion does. */
    static boolean isTencent(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return TENCENT.stream().anyMatch(names -> names.contains(wanted));
    }

    /** The canonical Tencent region names, for messages. */
    static List<String> tencentNames() {
        return TENCENT.stream().map(names -> names.get(0)).toList();
    }

    /** The documented endpoint of a Volcengine region, if any. */
    static Optional<URI> volcengineEndpoint(String region) {
        return Optional.ofNullable(VOLCENGINE_ENDPOINTS.get(region));
    }

    /** {@link VolcengineSource#region()}: a signing region the RTC OpenAPI documents. */
    static final class VolcengineName implements Check<String> {
        @Override
        public void check(String region, BiConsumer<String, String> problem) {
            if (!VOLCENGINE.contains(region)) {
                problem.accept(
                        "",
                        "unknown region " + Values.quote(region) + ", expected one of "
                                + String.join(", ", VOLCENGINE));
            }
        }
    }

    /** {@link TencentAccount#region()}: a region name or alias of Tencent's REST APIs. */
    static final class TencentName implements Check<String> {
        @Override
        public void check(String region, BiConsumer<String, String> problem) {
            if (!isTencent(region)) {
                problem.accept(
                        "",
                        "unknown region " + Values.quote(region) + ", expected one of "
                                + String.join(", ", tencentNames()));
            }
        }
    }
}
