package io.roomwatch.callback.http;

/**
 * A callback refused at the door: never an observation, never an event. Classified once, here: {@link #status()} is
 * what the vendor is answered, {@link #outcome()} the {@code roomwatch.callbacks} meter's tag. The message names the
 * app and the field, never a secret or a signature.
 */
final class CallbackRejected extends RuntimeException {

    private final int status;
    private final String outcome;

    private CallbackRejected(int status, String outcome, String message) {
        super(message, null, false, false);
        this.status = status;
        this.outcome = outcome;
    }

    /** A body that is not the vendor's format (HTTP 400). */
    static CallbackRejected malformed(String message) {
        return new CallbackRejected(400, "malformed", message);
    }

    /** A missing or wrong signature, or a Tencent {@code RequestTime} outside the replay window (HTTP 401). */
    static CallbackRejected unauthenticated(String message) {
        return new CallbackRejected(401, "bad-signature", message);
    }

    /** A path or {@code AppId}/{@code SdkAppid} naming no app this instance takes callbacks for (HTTP 404). */
    static CallbackRejected unknownApp(String message) {
        return new CallbackRejected(404, "unknown-app", message);
    }

    /** A body over {@code callbacks.maxBody} (HTTP 413). */
    static CallbackRejected tooLarge(String message) {
        return new CallbackRejected(413, "too-large", message);
    }

    int status() {
        return status;
    }

    String outcome() {
        return outcome;
    }
}
