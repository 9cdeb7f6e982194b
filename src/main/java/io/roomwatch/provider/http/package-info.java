/**
 * What every vendor client shares: the Reactor Netty client ({@link io.roomwatch.provider.http.VendorHttp}: bounded
 * connection pool, timeouts, capped bodies, transport failures classified) and the retry policy ({@link
 * io.roomwatch.provider.http.Retries}). Vendor codes are classified in each vendor's package, once.
 */
@NullMarked
package io.roomwatch.provider.http;

import org.jspecify.annotations.NullMarked;
