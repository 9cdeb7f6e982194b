package io.roomwatch.poll;

import io.roomwatch.model.AppKey;
import io.roomwatch.provider.VendorThrottled;
import io.roomwatch.provider.VendorUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** What the engine does with a vendor failure the provider has already retried as far as it could. */
final class Failures {

    private static final Logger log = LoggerFactory.getLogger(AppPoller.class);

    private Failures() {}

    /** Transient failures make one observation unknown; rejections stop the app and are not matched here. */
    static boolean transientVendor(Throwable e) {
        return e instanceof VendorUnavailable || e instanceof VendorThrottled;
    }

    /** Logs and yields nothing: an unknown observation is never an empty one. */
    static <T> Mono<T> skip(AppKey app, String what, Throwable e) {
        log.warn("{}: {} failed, nothing concluded until the next try: {}", app, what, e.getMessage());
        return Mono.empty();
    }
}
