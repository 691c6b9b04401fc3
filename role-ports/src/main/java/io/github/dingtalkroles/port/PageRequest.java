package io.github.dingtalkroles.port;

/**
 * One page of role groups to list, with DingTalk's semantics: {@code offset} counts role groups from
 * 0, {@code size} is 1 to {@value #MAX_SIZE}.
 *
 * @param offset how many role groups to skip, from 0
 * @param size how many role groups at most, 1 to {@value #MAX_SIZE}
 */
public record PageRequest(int offset, int size) {
    /** Largest page DingTalk serves. */
    public static final int MAX_SIZE = 200;
    /** DingTalk's default page size. */
    public static final int DEFAULT_SIZE = 20;

    /**
     * Checks the bounds.
     *
     * @param offset how many role groups to skip; 0 or more
     * @param size how many role groups at most; 1 to {@value #MAX_SIZE}
     * @throws IllegalArgumentException naming the bound if {@code offset} or {@code size} is out of range
     */
    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("page offset must be 0 or more (got " + offset + ")");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "page size must be between 1 and " + MAX_SIZE + " (got " + size + ")");
        }
    }

    /**
     * The first page, of {@value #DEFAULT_SIZE} groups.
     *
     * @return the request for offset 0 and size {@value #DEFAULT_SIZE}
     */
    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    /**
     * The first page, of {@code size} groups.
     *
     * @param size how many role groups at most; 1 to {@value #MAX_SIZE}
     * @return the request for offset 0 and that size
     * @throws IllegalArgumentException if {@code size} is out of range
     */
    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    /**
     * The page of the same size that starts right after this one.
     *
     * @return the request at offset {@code offset + size}, of size {@code size}
     * @throws ArithmeticException if that offset overflows an {@code int}
     */
    public PageRequest next() {
        return new PageRequest(Math.addExact(offset, size), size);
    }
}
