package io.roomwatch.provider.http;

import io.roomwatch.model.AppKey;
import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.VendorThrottled;
import io.roomwatch.provider.VendorUnavailable;

/**
 * What a non-200 HTTP status means when the answer carries nothing a vendor's classifier reads (a gateway's error
 * page, an answer without a vendor code): the one fallback both vendors' classifiers share. 429 is throttled, 5xx
 * transient, any other status a rejection, whose hint names what to check for that vendor.
 */
public final class StatusFailures {

    private StatusFailures() {}

    /**
     * The failure of {@code api} (e.g. {@code get_member_list}) answered with {@code reply}'s status.
     *
     * @param hint for rejections: what the operator should check, e.g. {@code check baseUrl}
     */
    public static VendorFailure byStatus(AppKey app, String api, HttpReply reply, String hint) {
        int status = reply.status();
        String code = "HTTP " + status;
        if (status == 429) {
            return new VendorThrottled(app, code, api + ": throttled");
        }
        if (status >= 500) {
            return new VendorUnavailable(app, code, api + ": vendor unavailable", null);
        }
        return new VendorRejected(app, code, api + ": rejected: " + reply.excerpt(200), hint);
    }
}
