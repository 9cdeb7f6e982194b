package io.roomwatch.provider.http;

import io.roomwatch.model.AppKey;
import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.VendorUnavailable;
import reactor.core.publisher.Mono;

/**
 * The safety net at the provider boundary: an exception that is not already a {@link VendorFailure} (an answer shape
 * nobody foresaw that a model check refuses, or a bug in the mapping) becomes a {@link VendorUnavailable} naming app
 * and API. The observation is then unknown and the app goes on: one odd answer never stops an app.
 */
public final class Unexpected {

    private Unexpected() {}

    /** {@code result} (a provider method's) with the net applied: wrap every provider method's result in it. */
    public static <T> Mono<T> guard(AppKey app, String api, Mono<? extends T> result) {
        return Mono.<T>from(result)
                .onErrorMap(
                        e -> e instanceof RuntimeException && !(e instanceof VendorFailure),
                        e -> new VendorUnavailable(app, "Unexpected", api + ": the answer could not be used: " + e, e));
    }
}
