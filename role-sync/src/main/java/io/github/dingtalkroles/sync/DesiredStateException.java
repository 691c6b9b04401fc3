package io.github.dingtalkroles.sync;

import java.util.Objects;

/**
 * A desired state breaks one of its own rules: a role group or a role named twice, a role id pinned
 * twice, a user listed twice for one role. Thrown by the constructors of {@link DesiredState},
 * {@link DesiredGroup} and {@link DesiredRole}, before anything is read or planned.
 *
 * <p>{@link #path()} says where, relative to the value being built: {@code roles[2].name} for the
 * third role of a group, {@code groups[0].roles[1].id} for a whole state. The message starts with it.
 */
public final class DesiredStateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Where the problem is, e.g. {@code roles[2].name}. */
    private final String path;
    /** What the problem is, without the path. */
    private final String problem;

    /**
     * @param path where the problem is, relative to the value being built, e.g. {@code roles[2].name}
     * @param problem what the problem is, naming the offending value
     */
    public DesiredStateException(String path, String problem) {
        super(Objects.requireNonNull(path, "path") + ": " + Objects.requireNonNull(problem, "problem"));
        this.path = path;
        this.problem = problem;
    }

    /**
     * Where the problem is: keys and list indices from the value being built, e.g.
     * {@code groups[0].roles[1].id}.
     *
     * @return the path, never null
     */
    public String path() {
        return path;
    }

    /**
     * What the problem is, without the path.
     *
     * @return the problem, naming the offending value
     */
    public String problem() {
        return problem;
    }
}
