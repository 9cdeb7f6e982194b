/**
 * Vendor callbacks as a source of observations: the seam between the callback receiver ({@code callback.http}) and
 * the engine ({@code io.roomwatch.poll}). A {@link io.roomwatch.callback.Delivery} is one verified callback, turned
 * into {@link io.roomwatch.model.Pushed} observations; the engine diffs them like poll answers and completes the
 * delivery once what they caused is committed, and only then is the vendor answered with success.
 */
@NullMarked
package io.roomwatch.callback;

import org.jspecify.annotations.NullMarked;
