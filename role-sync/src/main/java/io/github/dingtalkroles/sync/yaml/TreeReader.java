package io.github.dingtalkroles.sync.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.dingtalkroles.sync.yaml.Node.ListNode;
import io.github.dingtalkroles.sync.yaml.Node.MapNode;
import io.github.dingtalkroles.sync.yaml.Node.Position;
import io.github.dingtalkroles.sync.yaml.Node.ScalarNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a {@link Node} tree with positions, through Jackson's streaming YAML
 * parser (SnakeYAML underneath). Refuses what a desired-state file has no use for and would only make
 * it mean something other than it reads as: aliases, repeated keys, binary values, more than one
 * document.
 */
final class TreeReader {
    /** Largest document read, in characters: far above any organisation's roles, far below a heap. */
    static final int MAX_CHARACTERS = 32 << 20;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(limits())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private final String source;

    TreeReader(String source) {
        this.source = source;
    }

    private static LoaderOptions limits() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARACTERS);
        return options;
    }

    Node read(Reader text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw problem(new Position(1, 1), "the file is empty; expected a map with \"groups\"");
            }
            Node root = value(parser, first);
            JsonToken more = parser.nextToken();
            if (more != null) {
                throw problem(position(parser), "only one YAML document is expected; a second one starts here");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntax(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private Node value(JsonParser parser, JsonToken token) throws IOException {
        Position at = position(parser);
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw problem(at, "aliases (*" + parser.getText() + ") are not supported; write the value out");
        }
        switch (token) {
            case START_OBJECT:
                Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    Position keyAt = position(parser);
                    if (entries.containsKey(key)) {
                        throw problem(keyAt, "key \"" + key + "\" appears twice in this map");
                    }
                    entries.put(key, new MapNode.Entry(keyAt, value(parser, parser.nextToken())));
                }
                return new MapNode(at, entries);
            case START_ARRAY:
                List<Node> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(value(parser, t));
                }
                return new ListNode(at, items);
            case VALUE_NULL:
                return new ScalarNode(at, null);
            case VALUE_STRING:
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new ScalarNode(at, parser.getText());
            default:
                throw problem(at, "unexpected " + token + "; only maps, lists and plain values are expected");
        }
    }

    private static Position position(JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    DesiredStateFileException problem(Position at, String problem) {
        return new DesiredStateFileException(source, at.line(), at.column(), problem, null);
    }

    /** Jackson's and SnakeYAML's report of a malformed document, as one line at the problem's position. */
    private DesiredStateFileException syntax(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
            return new DesiredStateFileException(source, marked.getProblemMark().getLine() + 1,
                    marked.getProblemMark().getColumn() + 1, "malformed YAML: " + oneLine(context + marked.getProblem()), e);
        }
        JsonLocation location = e.getLocation();
        int line = location == null ? 1 : Math.max(1, location.getLineNr());
        int column = location == null ? 1 : Math.max(1, location.getColumnNr());
        return new DesiredStateFileException(source, line, column, "malformed YAML: " + oneLine(e.getOriginalMessage()), e);
    }

    private static String oneLine(String text) {
        return text == null ? "unreadable" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
