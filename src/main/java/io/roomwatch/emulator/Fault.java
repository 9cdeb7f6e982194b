package io.roomwatch.emulator;

import org.jspecify.annotations.Nullable;

/**
 * A fault to inject into matching calls. Immutable; derive variants with the {@code withX} methods.
 *
 * @param vendor product whose calls are affected
 * @param api only this API, or null for every API of the vendor
 * @param app only this app ({@code AppId} or decimal {@code sdkappid}), or null for any app
 * @param kind what goes wrong
 * @param count the next {@code count} matching calls, or {@link #UNTIL_CLEARED}
 * @param delayMillis {@link FaultKind#SLOW} delay on the emulator clock, milliseconds
 * @param page {@link FaultKind#FAIL_PAGE_N}: the 1-based page that fails; {@link FaultKind#STUCK_CURSOR}: the first
 *     page that is stuck
 */
public record Fault(
        Vendor vendor, @Nullable Api api, @Nullable String app, FaultKind kind, int count, long delayMillis, int page) {

    /** {@link #count()} meaning "until the fault is removed". */
    public static final int UNTIL_CLEARED = -1;

    public Fault {
        if (api != null && api.vendor() != vendor) {
            throw new IllegalArgumentException(api + " is not an API of " + vendor.wireName());
        }
        if (count != UNTIL_CLEARED && count < 1) {
            throw new IllegalArgumentException("count must be >= 1 or UNTIL_CLEARED, was " + count);
        }
        if (kind == FaultKind.SLOW && delayMillis < 1) {
            throw new IllegalArgumentException("a SLOW fault needs delayMillis >= 1");
        }
        if ((kind == FaultKind.FAIL_PAGE_N || kind == FaultKind.STUCK_CURSOR) && page < 1) {
            throw new IllegalArgumentException("a " + kind + " fault needs page >= 1");
        }
    }

    /** A fault on the next call to any API of {@code vendor} of any app (SLOW: 5 s; FAIL_PAGE_N, STUCK_CURSOR: 2). */
    public static Fault of(Vendor vendor, FaultKind kind) {
        boolean paged = kind == FaultKind.FAIL_PAGE_N || kind == FaultKind.STUCK_CURSOR;
        return new Fault(vendor, null, null, kind, 1, kind == FaultKind.SLOW ? 5000 : 0, paged ? 2 : 0);
    }

    public Fault withApi(Api api) {
        return new Fault(vendor, api, app, kind, count, delayMillis, page);
    }

    public Fault withApp(String app) {
        return new Fault(vendor, api, app, kind, count, delayMillis, page);
    }

    /** Affect the next {@code count} matching calls. */
    public Fault times(int count) {
        return new Fault(vendor, api, app, kind, count, delayMillis, page);
    }

    /** Affect every matching call until removed. */
    public Fault untilCleared() {
        return new Fault(vendor, api, app, kind, UNTIL_CLEARED, delayMillis, page);
    }

    public Fault withDelayMillis(long delayMillis) {
        return new Fault(vendor, api, app, kind, count, delayMillis, page);
    }

    public Fault onPage(int page) {
        return new Fault(vendor, api, app, kind, count, delayMillis, page);
    }

    /** Whether a call of {@code called} by {@code calledApp} for page {@code calledPage} (0: unpaged) is affected. */
    public boolean matches(Api called, String calledApp, int calledPage) {
        return vendor == called.vendor()
                && (api == null || api == called)
                && (app == null || app.equals(calledApp))
                && (kind != FaultKind.FAIL_PAGE_N || page == calledPage)
                && (kind != FaultKind.STUCK_CURSOR || calledPage >= page); // page 0: an API without pages
    }
}
