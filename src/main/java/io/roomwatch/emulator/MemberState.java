package io.roomwatch.emulator;

/**
 * A member of a live room.
 *
 * @param userId user id ({@code Member_Account} on Tencent)
 * @param invisible Volcengine invisible user (listed in {@code InvisibleUserList}); always false on Tencent
 * @param joinedAtMillis emulator clock at join, epoch milliseconds
 */
public record MemberState(String userId, boolean invisible, long joinedAtMillis) {}
