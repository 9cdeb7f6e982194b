package io.roomwatch.provider;

import io.roomwatch.model.AppKey;
import org.jspecify.annotations.Nullable;

/**
 * A transient failure: HTTP 5xx, a vendor "internal error" code, a timeout, a reset connection, a malformed or
 * truncated body. Retry with backoff; if retries run out, the observation is failed (unknown, never empty). No stack
 * trace: expected.
 */
public final class VendorUnavailable extends VendorFailure {

    public VendorUnavailable(AppKey app, String vendorCode, String message, @Nullable Throwable cause) {
        super(app, vendorCode, message, cause, false);
    }
}
