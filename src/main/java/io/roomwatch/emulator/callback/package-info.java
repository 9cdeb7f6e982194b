/**
 * Vendor callbacks (webhooks) pushed by the emulator: {@link io.roomwatch.emulator.callback.CallbackSender} follows
 * the world's change log on the emulator clock and POSTs each change as Volcengine RTC
 * (https://volcengine.com/docs/6348/69820), TUILiveKit (https://trtc.io/document/64412) or TUIRoomKit
 * (https://trtc.io/document/60735) would, signed, retried as each vendor documents, with the loss, duplicate, delay and
 * forgery faults of {@link io.roomwatch.emulator.CallbackOptions}. Builds on the world and the JSON helpers only;
 * shares no code with the vendor endpoints (it signs on its own, as the vendor's callback service would).
 */
@NullMarked
package io.roomwatch.emulator.callback;

import org.jspecify.annotations.NullMarked;
