package io.roomwatch.emulator.http;

import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.CallCounts;
import io.roomwatch.emulator.Fault;
import io.roomwatch.emulator.FaultKind;
import io.roomwatch.emulator.RateLimits;
import java.util.function.Supplier;
import reactor.core.scheduler.Scheduler;

/**
 * The part every vendor call passes after authentication and parameter checks: the rate limiter, then the fault
 * switchboard, then the business answer. Calls the limiter admits count as served even if a fault then answers them.
 */
public final class Gate {

    /** How one vendor says "throttled", "internal error" and "this page failed". */
    public interface Answers {
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

    private Gate(RateLimiter limiter, Faults faults) {
        this.limiter = limiter;
        this.faults = faults;
    }

    /** A gate with sliding-second {@code limits} on {@code clock}, in front of {@code faults}. */
    public static Gate create(RateLimits limits, Scheduler clock, Faults faults) {
        return new Gate(new RateLimiter(limits, clock), faults);
    }

    /** Calls of {@code api} served and throttled by the rate limiter so far. */
    public CallCounts counts(Api api) {
        return limiter.counts(api);
    }

    /**
     * The reply to a call of {@code api} by {@code app} for page {@code page} (0 for an API without pages): the
     * vendor's throttle answer, a fault's answer, or {@code business}.
     */
    public Reply pass(Api api, String app, int page, Answers answers, Supplier<Reply> business) {
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
