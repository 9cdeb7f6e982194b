package io.roomwatch.emulator;

import java.util.function.Supplier;

/**
 * The part every vendor call passes after authentication and parameter checks: the rate limiter, then the fault
 * switchboard, then the business answer. Calls the limiter admits count as served even if a fault then answers them.
 */
final class Gate {

    /** How one vendor says "throttled", "internal error" and "this page failed". */
    interface Answers {
        Reply throttled();

        Reply internalError();

        Reply pageFailure();

        /**
         * The answer shaped by a fault that changes its content ({@link FaultKind#NO_STATUS}, {@link
         * FaultKind#STUCK_CURSOR}, {@link FaultKind#BAD_ITEM}, {@link FaultKind#ODD_TIMES}).
         */
        Reply odd(Fault fault);
    }

    private static final Reply BAD_GATEWAY = Reply.text(
            502,
            "text/html",
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
                    + "</body></html>");

    private final RateLimiter limiter;
    private final Faults faults;

    Gate(RateLimiter limiter, Faults faults) {
        this.limiter = limiter;
        this.faults = faults;
    }

    /** Calls of {@code api} served and throttled by the rate limiter so far. */
    CallCounts counts(Api api) {
        return limiter.counts(api);
    }

    Reply pass(Api api, String app, int page, Answers answers, Supplier<Reply> business) {
        if (!limiter.tryAcquire(api, app)) {
            return answers.throttled();
        }
        Fault fault = faults.take(api, app, page);
        if (fault == null) {
            return business.get();
        }
        return switch (fault.kind()) {
            case THROTTLE -> answers.throttled();
            case HTTP_500 -> answers.internalError();
            case HTTP_502 -> BAD_GATEWAY;
            case FAIL_PAGE_N -> answers.pageFailure();
            case RESET,
                    SLOW,
                    MALFORMED_JSON,
                    TRUNCATED_BODY,
                    GZIP_BODY,
                    DEFLATE_BODY,
                    UNKNOWN_ENCODING -> business.get().withFault(fault);
            case NO_STATUS, STUCK_CURSOR, BAD_ITEM, ODD_TIMES -> answers.odd(fault);
        };
    }
}
