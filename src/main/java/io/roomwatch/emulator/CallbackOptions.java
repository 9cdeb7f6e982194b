package io.roomwatch.emulator;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Whether and how the emulator pushes vendor callbacks (webhooks) for every true change of its world, with faults.
 * Immutable: derive variants with the {@code withX} methods. {@link #toString()} prints no secret.
 *
 * <p>Each callback is POSTed to {@code {target}/{provider}/{appId}}: provider {@code volcengine} (AppId), {@code
 * tencent-live} or {@code tencent-conference} (SDKAppID). Volcengine bodies are signed with the app's callback key
 * (https://volcengine.com/docs/6348/69820), Tencent URLs carry {@code Sign = sha256(token + RequestTime)} with the
 * app's callback token (https://trtc.io/document/64412).
 *
 * <p>Faults are drawn from a {@link java.util.SplittableRandom} seeded with {@code seed} and the change's {@code seq},
 * so the same world history loses, duplicates, forges and delays the same callbacks on every run.
 *
 * @param target base URL such as {@code http://127.0.0.1:8091/callbacks} (no trailing slash kept); null = callbacks
 *     off (default)
 * @param volcengineKeys callback key per Volcengine AppId; an app without one signs with {@link
 *     EmulatorConfig#DEMO_VOLCENGINE_CALLBACK_KEY}
 * @param tencentTokens callback token per SDKAppID; an app without one signs with {@link
 *     EmulatorConfig#DEMO_TENCENT_CALLBACK_TOKEN}
 * @param noce spell the Volcengine envelope field {@code Noce} (older docs, BytePlus page) instead of {@code Nonce}
 *     (current Volcengine doc, default)
 * @param volcengineRoomCreate also send Volcengine {@code RoomCreate} for created rooms (UNCONFIRMED: not in the
 *     BytePlus event list https://docs.byteplus.com/byteplus-rtc/docs/75125), default false
 * @param liveMemberCommand TUILiveKit member-change command: {@code Live.CallbackAfterMemberStateChanged} (the doc's
 *     example body, default) or {@code Live.CallbackMemberStateChanged} (its table), https://trtc.io/document/64424
 * @param conferenceSigned whether TUIRoomKit ({@code Room.*}) callbacks carry {@code Sign}/{@code RequestTime} like
 *     TUILiveKit's (UNCONFIRMED: the conference docs do not say), default true
 * @param lossRate share of callbacks never sent at all, in [0, 1], default 0
 * @param duplicateRate share of callbacks sent twice as two independent deliveries (same body and EventId), default 0
 * @param maxDelay each delivery waits a uniform [0, maxDelay] before its first attempt (re-orders), default 0
 * @param forgedRate share of callbacks followed by a forged copy (wrong signature, made-up user) that a correct
 *     receiver rejects, default 0
 * @param seed seed of the fault draws and Volcengine nonces, default 1
 * @param maxInFlight deliveries (with their retries and delays) under way at once; further changes wait in the
 *     world's bounded log, default 256
 */
public record CallbackOptions(
        @Nullable String target,
        Map<String, String> volcengineKeys,
        Map<Long, String> tencentTokens,
        boolean noce,
        boolean volcengineRoomCreate,
        String liveMemberCommand,
        boolean conferenceSigned,
        double lossRate,
        double duplicateRate,
        Duration maxDelay,
        double forgedRate,
        long seed,
        int maxInFlight) {

    /** The TUILiveKit member-change command of the doc's example body. */
    public static final String LIVE_MEMBER_COMMAND = "Live.CallbackAfterMemberStateChanged";
    /** The TUILiveKit member-change command of the doc's table. */
    public static final String LIVE_MEMBER_COMMAND_TABLE = "Live.CallbackMemberStateChanged";

    public CallbackOptions {
        if (target != null) {
            target = validTarget(target);
        }
        volcengineKeys = Map.copyOf(volcengineKeys);
        tencentTokens = Map.copyOf(tencentTokens);
        volcengineKeys.forEach((app, key) -> ArgumentChecks.notBlank(key, "callback key of " + app));
        tencentTokens.forEach((app, token) -> ArgumentChecks.notBlank(token, "callback token of " + app));
        if (!liveMemberCommand.equals(LIVE_MEMBER_COMMAND) && !liveMemberCommand.equals(LIVE_MEMBER_COMMAND_TABLE)) {
            throw new IllegalArgumentException("liveMemberCommand must be " + LIVE_MEMBER_COMMAND + " or "
                    + LIVE_MEMBER_COMMAND_TABLE + ", was " + liveMemberCommand);
        }
        ArgumentChecks.fraction(lossRate, "lossRate");
        ArgumentChecks.fraction(duplicateRate, "duplicateRate");
        ArgumentChecks.fraction(forgedRate, "forgedRate");
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay must be >= 0, was " + maxDelay);
        }
        ArgumentChecks.positive(maxInFlight, "maxInFlight");
    }

    /** Callbacks off; every option at its default. */
    public static CallbackOptions off() {
        return new CallbackOptions(
                null, Map.of(), Map.of(), false, false, LIVE_MEMBER_COMMAND, true, 0, 0, Duration.ZERO, 0, 1, 256);
    }

    /** Callbacks to {@code target} without faults, every app signing with the demo key and token. */
    public static CallbackOptions to(String target) {
        return off().withTarget(target);
    }

    /** Whether callbacks are on (a target is set). */
    public boolean enabled() {
        return target != null;
    }

    /** The callback key of a Volcengine app (the demo key when none is configured). */
    public String volcengineKey(String appId) {
        return volcengineKeys.getOrDefault(appId, EmulatorConfig.DEMO_VOLCENGINE_CALLBACK_KEY);
    }

    /** The callback token of a Tencent app (the demo token when none is configured). */
    public String tencentToken(long sdkAppId) {
        return tencentTokens.getOrDefault(sdkAppId, EmulatorConfig.DEMO_TENCENT_CALLBACK_TOKEN);
    }

    /** A copy sending to {@code target}; null turns callbacks off. */
    public CallbackOptions withTarget(@Nullable String target) {
        return copy(d -> d.target = target);
    }

    /** A copy where Volcengine {@code appId} signs with {@code key}. */
    public CallbackOptions withVolcengineKey(String appId, String key) {
        return copy(d -> {
            d.volcengineKeys = new LinkedHashMap<>(volcengineKeys);
            d.volcengineKeys.put(appId, key);
        });
    }

    /** A copy where Tencent {@code sdkAppId} signs with {@code token}. */
    public CallbackOptions withTencentToken(long sdkAppId, String token) {
        return copy(d -> {
            d.tencentTokens = new LinkedHashMap<>(tencentTokens);
            d.tencentTokens.put(sdkAppId, token);
        });
    }

    /** A copy spelling the Volcengine nonce field {@code Noce} (true) or {@code Nonce} (false). */
    public CallbackOptions withNoce(boolean noce) {
        return copy(d -> d.noce = noce);
    }

    /** A copy that does (true) or does not send the UNCONFIRMED Volcengine {@code RoomCreate}. */
    public CallbackOptions withVolcengineRoomCreate(boolean send) {
        return copy(d -> d.volcengineRoomCreate = send);
    }

    /** A copy using {@code command} for TUILiveKit member changes ({@link #LIVE_MEMBER_COMMAND} or the table's). */
    public CallbackOptions withLiveMemberCommand(String command) {
        return copy(d -> d.liveMemberCommand = command);
    }

    /** A copy whose TUIRoomKit callbacks are (true) or are not signed. */
    public CallbackOptions withConferenceSigned(boolean signed) {
        return copy(d -> d.conferenceSigned = signed);
    }

    /**
     * A copy with these faults.
     *
     * @param lossRate share never sent
     * @param duplicateRate share sent twice
     * @param maxDelay upper bound of each delivery's uniform delay
     * @param forgedRate share followed by a forged copy
     */
    public CallbackOptions withFaults(double lossRate, double duplicateRate, Duration maxDelay, double forgedRate) {
        return copy(d -> {
            d.lossRate = lossRate;
            d.duplicateRate = duplicateRate;
            d.maxDelay = maxDelay;
            d.forgedRate = forgedRate;
        });
    }

    /** A copy drawing faults and nonces from {@code seed}. */
    public CallbackOptions withSeed(long seed) {
        return copy(d -> d.seed = seed);
    }

    /** A copy allowing {@code maxInFlight} deliveries at once. */
    public CallbackOptions withMaxInFlight(int maxInFlight) {
        return copy(d -> d.maxInFlight = maxInFlight);
    }

    /** This record's components, changed by {@code change}, checked again by the canonical constructor. */
    private CallbackOptions copy(java.util.function.Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new CallbackOptions(
                d.target,
                d.volcengineKeys,
                d.tencentTokens,
                d.noce,
                d.volcengineRoomCreate,
                d.liveMemberCommand,
                d.conferenceSigned,
                d.lossRate,
                d.duplicateRate,
                d.maxDelay,
                d.forgedRate,
                d.seed,
                d.maxInFlight);
    }

    /** The components of a copy while one {@code withX} changes some of them. */
    private static final class Draft {
        @Nullable
        String target;

        Map<String, String> volcengineKeys;
        Map<Long, String> tencentTokens;
        boolean noce;
        boolean volcengineRoomCreate;
        String liveMemberCommand;
        boolean conferenceSigned;
        double lossRate;
        double duplicateRate;
        Duration maxDelay;
        double forgedRate;
        long seed;
        int maxInFlight;

        Draft(CallbackOptions o) {
            target = o.target;
            volcengineKeys = o.volcengineKeys;
            tencentTokens = o.tencentTokens;
            noce = o.noce;
            volcengineRoomCreate = o.volcengineRoomCreate;
            liveMemberCommand = o.liveMemberCommand;
            conferenceSigned = o.conferenceSigned;
            lossRate = o.lossRate;
            duplicateRate = o.duplicateRate;
            maxDelay = o.maxDelay;
            forgedRate = o.forgedRate;
            seed = o.seed;
            maxInFlight = o.maxInFlight;
        }
    }

    @Override
    public String toString() {
        return "CallbackOptions[target=" + target
                + ", volcengineKeys=" + new TreeMap<>(volcengineKeys).keySet() + " (keys hidden)"
                + ", tencentTokens=" + new TreeMap<>(tencentTokens).keySet() + " (tokens hidden)"
                + ", noce=" + noce + ", volcengineRoomCreate=" + volcengineRoomCreate
                + ", liveMemberCommand=" + liveMemberCommand + ", conferenceSigned=" + conferenceSigned
                + ", lossRate=" + lossRate + ", duplicateRate=" + duplicateRate + ", maxDelay=" + maxDelay
                + ", forgedRate=" + forgedRate + ", seed=" + seed + ", maxInFlight=" + maxInFlight + "]";
    }

    private static String validTarget(String target) {
        String trimmed = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target is not a URL: " + target, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("target must be an http(s) URL with a host, was " + target);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("target must have no query or fragment, was " + target);
        }
        return trimmed;
    }
}
