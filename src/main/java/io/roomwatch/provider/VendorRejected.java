package io.roomwatch.provider;

import io.roomwatch.model.AppKey;

/**
 * The vendor refused the request for a reason retrying cannot fix: bad key or signature, expired UserSig, clock skew,
 * not an administrator, unknown app, invalid parameter. The app stops with this message; other apps go on.
 */
public final class VendorRejected extends VendorFailure {

    private final String hint;

    public VendorRejected(AppKey app, String vendorCode, String message, String hint) {
        super(app, vendorCode, message + (hint.isEmpty() ? "" : " (" + hint + ")"), null, true);
        this.hint = hint;
    }

    /** What the operator should check, e.g. "check the machine clock" for a clock-skew rejection. */
    public String hint() {
        return hint;
    }
}
