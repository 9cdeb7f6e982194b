/**
 * The Volcengine RTC OpenAPI client: {@link io.roomwatch.provider.volcengine.VolcengineSigner} (HMAC-SHA256, V4
 * style) and {@link io.roomwatch.provider.volcengine.VolcengineProvider} ({@code ListRoomInfo}, {@code
 * GetRoomOnlineUsers}). Vendor codes are classified in {@code VolcengineResponses}, nowhere else.
 */
@NullMarked
package io.roomwatch.provider.volcengine;

import org.jspecify.annotations.NullMarked;
