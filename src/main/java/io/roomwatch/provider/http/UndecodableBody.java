package io.roomwatch.provider.http;

/** Internal signal: the body has a Content-Encoding we do not decode. Turned into a VendorUnavailable naming it. */
final class UndecodableBody extends IllegalStateException {

    private final String encoding;

    UndecodableBody(String encoding) {
        super("unsupported Content-Encoding " + encoding, null);
        this.encoding = encoding;
    }

    String encoding() {
        return encoding;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an expected condition, classified at once
    }
}
