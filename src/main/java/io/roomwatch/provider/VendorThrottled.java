package io.roomwatch.provider;

import io.roomwatch.model.AppKey;

/** The vendor said "too many requests". Retry after waiting; the rate budget backs off. No stack trace: expected. */
public final class VendorThrottled extends VendorFailure {

    public VendorThrottled(AppKey app, String vendorCode, String message) {
        super(app, vendorCode, message, null, false);
    }
}
