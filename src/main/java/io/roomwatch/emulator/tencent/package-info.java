/**
 * Tencent TUILiveKit and TUIRoomKit REST, as the Chat REST platform answers: {@link
 * io.roomwatch.emulator.tencent.TencentEndpoint} checks the method, the app, the UserSig (verified independently of
 * roomwatch's generator) and the administrator, then serves {@code live_engine_http_srv} ({@code get_room_list},
 * {@code get_room_info}, {@code get_member_list}) and {@code room_engine_http_srv} ({@code get_room_info}, {@code
 * get_room_member_list}).
 */
@NullMarked
package io.roomwatch.emulator.tencent;

import org.jspecify.annotations.NullMarked;
