package org.filesync.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read with its line numbers: typed accessors that report a wrong type, an
 * unknown or a repeated key as {@code FILE:LINE: message} instead of throwing, so that one pass
 * finds every error. String values get {@code ${NAME}} expansion.
 */
final class YamlMapping {

    private final String prefix;
    private final int ownerLine;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Problems problems;
    private final EnvironmentExpander expander;

    private YamlMapping(String prefix, int ownerLine, Problems problems, EnvironmentExpander expander) {
        this.prefix = prefix;
        this.ownerLine = ownerLine;
        this.problems = problems;
        this.expander = expander;
    }

    static YamlMapping of(MappingNode node, String prefix, int ownerLine, Set<String> allowedKeys,
                          Problems problems, EnvironmentExpander expander) {
        YamlMapping mapping = new YamlMapping(prefix, ownerLine, problems, expander);
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int line = lineOf(keyNode);
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.add(line, prefix + ": keys must be plain names");
                continue;
            }
            String key = scalarKey.getValue();
            if (!allowedKeys.contains(key)) {
                String hint = KeySuggestion.closest(key, allowedKeys).map(k -> " (did you mean '" + k + "'?)").orElse("");
                problems.add(line, "unknown key '" + prefix + key + "'" + hint);
            } else if (mapping.entries.containsKey(key)) {
                problems.add(line, "duplicate key '" + prefix + key + "' (first at line " + mapping.lineOf(key) + ")");
            } else {
                mapping.entries.put(key, tuple);
            }
        }
        return mapping;
    }

    static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    int lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? ownerLine : lineOf(tuple.getKeyNode());
    }

    void error(String key, String message) {
        problems.add(lineOf(key), prefix + key + ": " + message);
    }

    void missing(String key) {
        problems.add(ownerLine, "missing required key '" + prefix + key + "'");
    }

    Optional<String> string(String key) {
        return scalar(key, "a text").flatMap(node -> expand(key, node.getValue()));
    }

    Optional<Integer> integer(String key) {
        return scalar(key, "a whole number").flatMap(node -> {
            if (node.getTag().equals(Tag.INT)) {
                try {
                    return Optional.of(Integer.parseInt(node.getValue().replace("_", "")));
                } catch (NumberFormatException e) {
                    // fall through to the type error: too large for a count
                }
            }
            error(key, "must be a whole number, not '" + node.getValue() + "'");
            return Optional.empty();
        });
    }

    Optional<Boolean> bool(String key) {
        return scalar(key, "true or false").flatMap(node -> {
            if (node.getTag().equals(Tag.BOOL)) {
                return Optional.of(Boolean.parseBoolean(node.getValue()) || node.getValue().matches("(?i)yes|on|y"));
            }
            error(key, "must be true or false, not '" + node.getValue() + "'");
            return Optional.empty();
        });
    }

    /** A list of texts; a single text counts as a list of one. */
    Optional<List<String>> stringList(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode) {
            return string(key).map(List::of);
        }
        if (!(value instanceof SequenceNode sequence)) {
            error(key, "must be a list of texts");
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
                problems.add(lineOf(item), prefix + key + ": each entry must be a text");
                return Optional.empty();
            }
            Optional<String> expanded = expand(key, scalar.getValue());
            if (expanded.isEmpty()) {
                return Optional.empty();
            }
            items.add(expanded.get());
        }
        return Optional.of(items);
    }

    Optional<YamlMapping> mapping(String key, Set<String> allowedKeys) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        if (!(tuple.getValueNode() instanceof MappingNode node)) {
            error(key, "must be a section of keys (for example 'url: ...' on the next lines, indented)");
            return Optional.empty();
        }
        return Optional.of(of(node, prefix + key + ".", lineOf(key), allowedKeys, problems, expander));
    }

    private Optional<ScalarNode> scalar(String key, String expected) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        if (!(tuple.getValueNode() instanceof ScalarNode node)) {
            error(key, "must be " + expected + ", not a " + (tuple.getValueNode() instanceof SequenceNode ? "list" : "section"));
            return Optional.empty();
        }
        if (node.getTag().equals(Tag.NULL)) {
            error(key, "has no value");
            return Optional.empty();
        }
        return Optional.of(node);
    }

    private Optional<String> expand(String key, String raw) {
        try {
            return Optional.of(expander.expand(raw));
        } catch (EnvironmentExpander.MissingVariableException e) {
            error(key, e.getMessage());
            return Optional.empty();
        }
    }
}
