package io.github.dingtalkroles.sync.yaml;

import java.util.Objects;

/**
 * A desired-state file cannot be read: it is not well-formed YAML, or it does not describe a desired
 * state (an unknown key, a missing name, a name or id that breaks a rule, a role listed twice, ...).
 * The message is one line, {@code FILE:LINE:COLUMN: PROBLEM}, as compilers write it; nothing was
 * planned or changed.
 */
public final class DesiredStateFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The file's name as given. */
    private final String source;
    /** 1-based line of the problem. */
    private final int line;
    /** 1-based column of the problem. */
    private final int column;
    /** The problem, without the position. */
    private final String problem;

    /**
     * @param source the file's name as given to the reader
     * @param line the 1-based line of the problem
     * @param column the 1-based column of the problem
     * @param problem what is wrong there, in one line
     * @param cause the underlying failure, or null
     */
    public DesiredStateFileException(String source, int line, int column, String problem, Throwable cause) {
        super(Objects.requireNonNull(source, "source") + ":" + line + ":" + column + ": "
                + Objects.requireNonNull(problem, "problem"), cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /**
     * The file's name, as given to the reader.
     *
     * @return the source name
     */
    public String source() {
        return source;
    }

    /**
     * The line of the problem, counted from 1.
     *
     * @return the 1-based line
     */
    public int line() {
        return line;
    }

    /**
     * The column of the problem, counted from 1.
     *
     * @return the 1-based column
     */
    public int column() {
        return column;
    }

    /**
     * What is wrong, without the position.
     *
     * @return the problem, one line
     */
    public String problem() {
        return problem;
    }
}
