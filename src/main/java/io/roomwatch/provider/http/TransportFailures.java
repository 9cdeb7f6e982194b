package io.roomwatch.provider.http;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.roomwatch.model.AppKey;
import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.VendorUnavailable;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import reactor.netty.http.client.PrematureCloseException;

/** The one place that turns transport exceptions into {@link VendorFailure}s. */
final class TransportFailures {

    private TransportFailures() {}

    static VendorFailure classify(AppKey app, Throwable error) {
        if (error instanceof VendorFailure failure) {
            return failure;
        }
        if (error instanceof BodyTooLarge tooLarge) {
            // retrying would download the same body again: only the operator can fix the cap or the URL
            return new VendorRejected(
                    app,
                    "BodyTooLarge",
                    "response body larger than " + tooLarge.cap() + " bytes",
                    "raise http.maxBodyBytes or check the base URL");
        }
        if (error instanceof UndecodableBody undecodable) {
            return new VendorUnavailable(
                    app,
                    "UnsupportedContentEncoding",
                    "the body has Content-Encoding " + undecodable.encoding()
                            + ", which roomwatch cannot decode (it reads gzip and deflate)",
                    null);
        }
        if (error instanceof DecompressionException) {
            return new VendorUnavailable(
                    app, "BadContentEncoding", "the compressed body does not decode: " + error.getMessage(), error);
        }
        if (error instanceof TimeoutException
                || error instanceof ReadTimeoutException
                || error instanceof ConnectTimeoutException) {
            return new VendorUnavailable(app, "Timeout", "no complete response in time", error);
        }
        if (error instanceof PrematureCloseException) {
            return new VendorUnavailable(
                    app, "ConnectionClosed", "connection closed before the response was complete", error);
        }
        if (error instanceof IOException) {
            return new VendorUnavailable(
                    app, "IOError", "transport error: " + error.getClass().getSimpleName(), error);
        }
        return new VendorUnavailable(
                app, "Unexpected", "unexpected " + error.getClass().getSimpleName(), error);
    }
}
