package io.roomwatch.provider.http;

/** Internal signal: the response body passed the cap. Turned into a {@link io.roomwatch.provider.VendorRejected}. */
final class BodyTooLarge extends IllegalStateException {

    private final long cap;

    BodyTooLarge(long cap) {
        super("response body larger than " + cap + " bytes", null);
        this.cap = cap;
    }

    long cap() {
        return cap;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an expected condition, classified at once
    }
}
