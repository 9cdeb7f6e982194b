/**
 * Volcengine RTC OpenAPI, as its gateway and its room APIs answer: {@link
 * io.roomwatch.emulator.volcengine.VolcengineEndpoint} checks {@code Action}/{@code Version}, verifies the
 * HMAC-SHA256 signature (written independently of roomwatch's signer), checks app ownership and serves {@code
 * ListRoomInfo} and {@code GetRoomOnlineUsers}.
 */
@NullMarked
package io.roomwatch.emulator.volcengine;

import org.jspecify.annotations.NullMarked;
