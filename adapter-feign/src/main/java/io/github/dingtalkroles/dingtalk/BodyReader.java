package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Decodes the success body of one endpoint during the single streaming pass over the body that
 * {@link Reply#of(int, byte[], BodyReader)} makes, which also reads the envelope: the pass hands each top-level field that is not part of the
 * envelope to {@link #read}, and {@link DingTalkErrors#success} asks for the {@link #result} once the
 * envelope says the reply is a success. So a reply is parsed once, whether it turns out to be a success
 * or an error.
 *
 * <p>If {@link #read} throws an unchecked exception (a wrong type, data the domain refuses), the pass
 * keeps the first one as the body's problem, stops feeding this reader, and goes on reading the envelope
 * (an error reply may carry odd fields); {@link #result} then decides what the problem means for the
 * endpoint. One instance per reply: not thread-safe, not reusable.
 *
 * @param <T> what the endpoint's success body means
 */
abstract class BodyReader<T> {
    private boolean fed;
    private RuntimeException problem;

    /**
     * Reads the value of the top-level field {@code field} if it is one of this endpoint's fields.
     *
     * @param p the parser, at the value's first token; if the field is read, left at the value's last token
     * @return whether the value was read (if not, the pass skips it)
     * @throws IOException if the body is not JSON after all
     */
    protected abstract boolean read(String field, JsonParser p) throws IOException;

    /**
     * What the body means, once the whole body was read and the envelope says success.
     *
     * @param body the success body (for its masked request id)
     * @param problem the first exception {@link #read} threw, or {@code null}
     * @throws io.github.dingtalkroles.port.RoleDirectoryException if the body is unusable for the endpoint
     */
    protected abstract T result(SuccessBody body, RuntimeException problem);

    /** Called by {@link Reply#of(int, byte[], BodyReader)} before the pass. */
    final void start() {
        if (fed) {
            throw new IllegalStateException("a BodyReader reads one reply only");
        }
        fed = true;
    }

    /** Whether no field has failed yet (the pass feeds a reader only until its first problem). */
    final boolean isHealthy() {
        return problem == null;
    }

    /** Keeps the first problem. */
    final void failed(RuntimeException e) {
        if (problem == null) {
            problem = e;
        }
    }

    final T finish(SuccessBody body) {
        return result(body, problem);
    }

    /** A reader for endpoints whose success body carries nothing (update_role): reads no field, means nothing. */
    static BodyReader<Void> nothing() {
        return new BodyReader<>() {
            @Override
            protected boolean read(String field, JsonParser p) {
                return false;
            }

            @Override
            protected Void result(SuccessBody body, RuntimeException problem) {
                return null;
            }
        };
    }
}
