package io.roomwatch.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.roomwatch.model.AppKey;

/**
 * One watched vendor app: which API, which credentials, and how hard roomwatch may call it. Every QPS field defaults
 * to the vendor's documented limit and is rejected above it; set it lower when the same keys also serve your own
 * backend. In the file, {@code provider} says which one an app is (the records' {@code @JsonTypeName}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "provider")
@JsonSubTypes({
    @JsonSubTypes.Type(VolcengineSource.class),
    @JsonSubTypes.Type(TencentLiveSource.class),
    @JsonSubTypes.Type(TencentConferenceSource.class)
})
public sealed interface SourceConfig permits VolcengineSource, TencentLiveSource, TencentConferenceSource {

    /** The app this source watches. */
    AppKey app();

    /** Transport limits (timeouts, body cap, connections). */
    HttpSettings http();

    /** Retry policy for throttled and transient failures. */
    RetrySettings retry();
}
