package io.roomwatch.config;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How one app's vendor callbacks are authenticated (the app's {@code callback} section). Without a secret the app takes
 * no callbacks and is only polled.
 *
 * @param secret Volcengine: the callback key set in the console (the {@code Signature} is SHA-256 over the sorted
 *     fields and this key, https://www.volcengine.com/docs/6348/75124); TUILiveKit: the callback token ({@code Sign =
 *     sha256(Token + RequestTime)}, https://trtc.io/document/60704); TUIRoomKit: the same token scheme, which its
 *     documentation does not spell out (UNCONFIRMED), so its callbacks are accepted only with a token you set
 */
public record AppCallbacks(
        @Setting(
                        value = Setting.OPTIONAL,
                        doc = "Volcengine: the callback key; Tencent: the callback token. Unset: this app takes no"
                                + " callbacks.")
                @Nullable
                Secret secret) {

    public AppCallbacks {
        Settings.check(AppCallbacks.class, secret);
    }

    /** No callbacks. */
    public static AppCallbacks none() {
        return Settings.of(AppCallbacks.class).build(Map.of(), Map.of());
    }

    /** Callbacks authenticated with {@code secret}. */
    public static AppCallbacks with(Secret secret) {
        return new AppCallbacks(secret);
    }

    /** Whether the app takes callbacks. */
    public boolean enabled() {
        return secret != null;
    }
}
