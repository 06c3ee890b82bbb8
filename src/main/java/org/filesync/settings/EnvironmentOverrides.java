package org.filesync.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Single settings given by environment variables, the way Spring Boot maps them: {@code mail.host}
 * is {@code FILESYNC_MAIL_HOST}, {@code notify.remindEvery} is {@code FILESYNC_NOTIFY_REMIND_EVERY}.
 * They replace the file's value (or add the key) in the YAML tree before it is validated, so a
 * value from the environment is checked exactly like one from the file; a list is written with commas.
 */
final class EnvironmentOverrides {

    /** Each key that may be overridden, with whether it holds a list. */
    static final Map<String, Boolean> KEYS = Map.ofEntries(
            Map.entry("mail.host", false), Map.entry("mail.port", false), Map.entry("mail.starttls", false),
            Map.entry("mail.username", false), Map.entry("mail.password", false), Map.entry("mail.passwordFile", false),
            Map.entry("mail.from", false), Map.entry("mail.certificate", false), Map.entry("notify.on", true), Map.entry("notify.webhook", false),
            Map.entry("notify.webhookSecret", false), Map.entry("notify.email", true),
            Map.entry("notify.remindEvery", false), Map.entry("notify.deadline", false), Map.entry("retention", false),
            Map.entry("web.port", false), Map.entry("web.bind", false));

    private static final Resolver RESOLVER = new Resolver();

    private final Function<String, String> environment;

    EnvironmentOverrides(Function<String, String> environment) {
        this.environment = environment;
    }

    /** {@code notify.remindEvery} → {@code FILESYNC_NOTIFY_REMIND_EVERY}. */
    static String variable(String key) {
        return "FILESYNC_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The file's tree with the overrides applied; a fresh tree when there is no file. */
    MappingNode apply(Optional<MappingNode> file) {
        MappingNode root = file.orElseGet(() -> mapping(new ArrayList<>(), mark(1)));
        KEYS.keySet().stream().sorted().forEach(key -> {
            String value = environment.apply(variable(key));
            if (value != null) {
                String[] path = key.split("\\.");
                MappingNode section = path.length == 1 ? root : section(root, path[0]);
                String name = path[path.length - 1];
                put(section, name, KEYS.get(key) ? list(value, section) : scalar(value, section));
            }
        });
        return root;
    }

    private static MappingNode section(MappingNode root, String name) {
        for (NodeTuple tuple : root.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name)
                    && tuple.getValueNode() instanceof MappingNode section) {
                return section;
            }
        }
        MappingNode section = mapping(new ArrayList<>(), root.getStartMark());
        List<NodeTuple> tuples = new ArrayList<>(root.getValue());
        tuples.add(new NodeTuple(scalar(name, root), section));
        root.setValue(tuples);
        return section;
    }

    private static void put(MappingNode section, String key, Node value) {
        List<NodeTuple> tuples = new ArrayList<>(section.getValue());
        Node keyNode = tuples.stream().map(NodeTuple::getKeyNode)
                .filter(node -> node instanceof ScalarNode scalar && scalar.getValue().equals(key)).findFirst()
                .orElse(scalar(key, section));
        tuples.removeIf(tuple -> tuple.getKeyNode() == keyNode);
        tuples.add(new NodeTuple(keyNode, value));
        section.setValue(tuples);
    }

    private static Node list(String value, Node near) {
        List<Node> items = Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty())
                .map(item -> (Node) scalar(item, near)).toList();
        return new SequenceNode(Tag.SEQ, true, new ArrayList<>(items), near.getStartMark(), near.getStartMark(),
                DumperOptions.FlowStyle.FLOW);
    }

    /** Typed as YAML would type the text (a number, a boolean), reported at the line of {@code near}. */
    private static ScalarNode scalar(String value, Node near) {
        Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
        return new ScalarNode(tag, value, near.getStartMark(), near.getStartMark(), DumperOptions.ScalarStyle.PLAIN);
    }

    private static MappingNode mapping(List<NodeTuple> tuples, Mark mark) {
        return new MappingNode(Tag.MAP, true, tuples, mark, mark, DumperOptions.FlowStyle.BLOCK);
    }

    private static Mark mark(int line) {
        return new Mark("environment", 0, line - 1, 0, new int[0], 0);
    }
}
