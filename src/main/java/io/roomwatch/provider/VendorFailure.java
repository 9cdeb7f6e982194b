package io.roomwatch.provider;

import io.roomwatch.model.AppKey;
import org.jspecify.annotations.Nullable;

/**
 * Everything an {@link RtcProvider} may signal. The subtype decides what happens next; nobody downstream looks at
 * HTTP statuses or vendor codes. Messages name the app and the vendor code, and never contain a secret.
 */
public abstract sealed class VendorFailure extends RuntimeException
        permits VendorThrottled, VendorUnavailable, VendorRejected {

    private final AppKey app;
    private final String vendorCode;

    VendorFailure(AppKey app, String vendorCode, String message, @Nullable Throwable cause, boolean stackTrace) {
        super(app + ": " + message + (vendorCode.isEmpty() ? "" : " [" + vendorCode + "]"), cause, false, stackTrace);
        this.app = app;
        this.vendorCode = vendorCode;
    }

    /** The app whose call failed. */
    public AppKey app() {
        return app;
    }

    /** The vendor's error code (e.g. {@code FlowLimitExceeded.QPSOverLimit}, {@code 60007}, {@code HTTP 502}). */
    public String vendorCode() {
        return vendorCode;
    }
}
