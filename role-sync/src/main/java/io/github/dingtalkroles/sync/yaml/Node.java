package io.github.dingtalkroles.sync.yaml;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as a small tree that remembers where each value starts, so that every problem found
 * while reading a desired state can name its line and column. Built by {@link TreeReader}.
 */
sealed interface Node {
    /** Where the value starts: 1-based line and column. */
    record Position(int line, int column) {
    }

    Position at();

    /** What the node is, for error messages: "a map", "a list", "a value". */
    String kind();

    /** A mapping, keys in file order, each key's own position kept. */
    record MapNode(Position at, Map<String, Entry> entries) implements Node {
        record Entry(Position keyAt, Node value) {
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    /** A sequence. */
    record ListNode(Position at, List<Node> items) implements Node {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar, as written (YAML's type guesses ignored: {@code 007} stays "007"); null for an empty value or {@code null}. */
    record ScalarNode(Position at, String text) implements Node {
        @Override
        public String kind() {
            return text == null || text.isEmpty() ? "an empty value" : "a value";
        }
    }
}
