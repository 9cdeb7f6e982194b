package io.roomwatch.provider.vendors;

import io.roomwatch.config.SourceConfig;
import io.roomwatch.config.TencentConferenceSource;
import io.roomwatch.config.TencentLiveSource;
import io.roomwatch.config.VolcengineSource;
import io.roomwatch.provider.RtcProvider;
import io.roomwatch.provider.http.VendorHttp;
import io.roomwatch.provider.tencent.TencentConferenceProvider;
import io.roomwatch.provider.tencent.TencentLiveProvider;
import io.roomwatch.provider.volcengine.VolcengineProvider;
import java.util.List;
import reactor.core.scheduler.Scheduler;

/**
 * Picks the provider implementation for a configured source: the one place that knows every vendor. Used by both
 * composition roots, the standalone service ({@code io.roomwatch.app}) and the Kafka Connect task ({@code
 * io.roomwatch.connect}).
 */
public final class Providers {

    private Providers() {}

    /**
     * A provider with its own HTTP client, which is added to {@code resources} for the caller to close.
     *
     * @param timer all time of the provider (budgets, retries, timeouts) comes from here
     */
    public static RtcProvider create(SourceConfig source, Scheduler timer, List<AutoCloseable> resources) {
        VendorHttp http = VendorHttp.create(source.app().toString(), source.http(), timer);
        resources.add(http);
        if (source instanceof VolcengineSource volcengine) {
            return VolcengineProvider.create(volcengine, http, timer);
        }
        if (source instanceof TencentLiveSource live) {
            return TencentLiveProvider.create(live, http, timer);
        }
        return TencentConferenceProvider.create((TencentConferenceSource) source, http, timer);
    }
}
