/**
 * The HTTP callback receiver (Reactor Netty): verifies each vendor's signature, reads its callbacks into {@link
 * io.roomwatch.model.Pushed} observations, and answers the vendor only once they are committed.
 */
@NullMarked
package io.roomwatch.callback.http;

import org.jspecify.annotations.NullMarked;
