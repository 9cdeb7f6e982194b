package io.roomwatch.provider;

import io.roomwatch.model.AppKey;
import org.jspecify.annotations.Nullable;

/**
 * A transient failure: HTTP 5xx, a vendor "internal error" code, a timeout, a reset connection, a malformed or
 * truncated body, an answer without positive evidence of success. Retry with backoff; if retries run out, the
 * observation is failed (unknown, never empty). No stack trace: expected.
 */
public final class VendorUnavailable extends VendorFailure {

    /** The vendor code of {@link #malformed} answers. */
    public static final String MALFORMED = "MalformedBody";

    public VendorUnavailable(AppKey app, String vendorCode, String message, @Nullable Throwable cause) {
        super(app, vendorCode, message, cause, false);
    }

    /**
     * An answer we cannot use: not JSON, no evidence of success (e.g. an HTTP 200 without {@code ActionStatus} or
     * {@code ErrorCode}), or not the shape the API documents.
     *
     * @param api the vendor API, e.g. {@code get_member_list}
     * @param what what was wrong, one line, never a secret
     */
    public static VendorUnavailable malformed(AppKey app, String api, String what, @Nullable Throwable cause) {
        return new VendorUnavailable(app, MALFORMED, api + ": " + what, cause);
    }

    /** Whether the vendor answered something we cannot use (malformed, or a body we cannot decode), not an outage. */
    public boolean isMalformedAnswer() {
        return MALFORMED.equals(vendorCode())
                || "UnsupportedContentEncoding".equals(vendorCode())
                || "BadContentEncoding".equals(vendorCode());
    }
}
