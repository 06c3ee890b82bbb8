package org.filesync.jobs;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
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
public final class YamlMapping {

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

    public static YamlMapping of(MappingNode node, String prefix, int ownerLine, Set<String> allowedKeys,
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

    /**
     * The top-level mapping of a YAML file; empty, with the reason in {@code problems}, when the
     * file cannot be read, is not YAML, is empty or is not a set of keys.
     *
     * @param what the kind of file, for messages ("job file")
     * @param keysHint a few of its keys, for the message when it is not a set of keys
     */
    public static Optional<MappingNode> readDocument(Path file, Problems problems, String what, String keysHint) {
        Node node;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            node = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            problems.add(line, "YAML syntax: " + e.getProblem());
            return Optional.empty();
        } catch (YAMLException | IOException e) {
            problems.add(1, "cannot read the " + what + ": " + e.getMessage());
            return Optional.empty();
        }
        if (node == null) {
            problems.add(1, "the " + what + " is empty");
            return Optional.empty();
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(lineOf(node), "the " + what + " must be a set of keys (" + keysHint + ")");
            return Optional.empty();
        }
        return Optional.of(mapping);
    }

    static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public int lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? ownerLine : lineOf(tuple.getKeyNode());
    }

    public void error(String key, String message) {
        problems.add(lineOf(key), prefix + key + ": " + message);
    }

    public void missing(String key) {
        problems.add(ownerLine, "missing required key '" + prefix + key + "'");
    }

    public Optional<String> string(String key) {
        return scalar(key, "a text").flatMap(node -> expand(key, node.getValue()));
    }

    public Optional<Integer> integer(String key) {
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

    public Optional<Boolean> bool(String key) {
        return scalar(key, "true or false").flatMap(node -> {
            if (node.getTag().equals(Tag.BOOL)) {
                return Optional.of(Boolean.parseBoolean(node.getValue()) || node.getValue().matches("(?i)yes|on|y"));
            }
            error(key, "must be true or false, not '" + node.getValue() + "'");
            return Optional.empty();
        });
    }

    /** A list of texts; a single text counts as a list of one. */
    public Optional<List<String>> stringList(String key) {
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

    public Optional<YamlMapping> mapping(String key, Set<String> allowedKeys) {
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

    /** A list of sections with the same keys, such as the settings' {@code users:}; each named {@code key[i]} in messages. */
    public Optional<List<YamlMapping>> mappingList(String key, Set<String> allowedKeys) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            error(key, "must be a list of sections (each entry on a line of its own starting with '- ')");
            return Optional.empty();
        }
        List<YamlMapping> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            String name = prefix + key + "[" + i + "]";
            if (item instanceof MappingNode node) {
                items.add(of(node, name + ".", lineOf(item), allowedKeys, problems, expander));
            } else {
                problems.add(lineOf(item), name + ": must be a section of keys");
            }
        }
        return Optional.of(items);
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
