/**
 * The vendor SPI: {@link io.roomwatch.provider.RtcProvider} and the closed set of failures it may signal
 * ({@link io.roomwatch.provider.VendorFailure}). Implementations live in one subpackage per vendor; only {@code app}
 * picks them.
 */
@NullMarked
package io.roomwatch.provider;

import org.jspecify.annotations.NullMarked;
