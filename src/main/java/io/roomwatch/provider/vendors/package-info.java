/**
 * Which vendor client serves a configured source ({@link io.roomwatch.provider.vendors.Providers}), shared by the
 * standalone service and the Kafka Connect task.
 */
@NullMarked
package io.roomwatch.provider.vendors;

import org.jspecify.annotations.NullMarked;
