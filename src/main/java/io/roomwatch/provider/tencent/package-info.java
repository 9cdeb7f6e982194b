/**
 * The Tencent REST clients: {@link io.roomwatch.provider.tencent.UserSig} (TLSSigAPIv2), {@link
 * io.roomwatch.provider.tencent.TencentLiveProvider} (TUILiveKit) and {@link
 * io.roomwatch.provider.tencent.TencentConferenceProvider} (TUIRoomKit), with the documented regional domains in
 * {@link io.roomwatch.provider.tencent.TencentRegion}. Vendor codes are classified in {@code TencentResponses}.
 */
@NullMarked
package io.roomwatch.provider.tencent;

import org.jspecify.annotations.NullMarked;
