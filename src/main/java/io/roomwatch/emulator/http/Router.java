package io.roomwatch.emulator.http;

/** Where a received call goes (a vendor endpoint or the control API), chosen from its path. Never blocks. */
@FunctionalInterface
public interface Router {

    /** The reply to {@code call}: a vendor or control answer, or a 404 for a path nothing serves. */
    Reply route(HttpCall call);
}
