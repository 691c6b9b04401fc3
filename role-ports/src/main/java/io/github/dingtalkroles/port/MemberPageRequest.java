package io.github.dingtalkroles.port;

/**
 * One page of a role's members to list, with DingTalk's {@code simplelist} semantics: {@code offset}
 * counts members from 0, {@code size} is 1 to {@value #MAX_SIZE}.
 *
 * @param offset how many members to skip, from 0
 * @param size how many members at most, 1 to {@value #MAX_SIZE}
 */
public record MemberPageRequest(int offset, int size) {
    /** Largest page of members DingTalk serves. */
    public static final int MAX_SIZE = 100;
    /** DingTalk's default page size. */
    public static final int DEFAULT_SIZE = 20;

    /**
     * Checks the bounds.
     *
     * @param offset how many members to skip; 0 or more
     * @param size how many members at most; 1 to {@value #MAX_SIZE}
     * @throws IllegalArgumentException naming the bound if {@code offset} or {@code size} is out of range
     */
    public MemberPageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("member page offset must be 0 or more (got " + offset + ")");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "member page size must be between 1 and " + MAX_SIZE + " (got " + size + ")");
        }
    }

    /**
     * The first page, of {@value #DEFAULT_SIZE} members.
     *
     * @return the request for offset 0 and size {@value #DEFAULT_SIZE}
     */
    public static MemberPageRequest first() {
        return new MemberPageRequest(0, DEFAULT_SIZE);
    }

    /**
     * The page of the same size that starts right after this one.
     *
     * @return the request at offset {@code offset + size}, of size {@code size}
     * @throws ArithmeticException if that offset overflows an {@code int}
     */
    public MemberPageRequest next() {
        return new MemberPageRequest(Math.addExact(offset, size), size);
    }
}
