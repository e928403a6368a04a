package vn.ntmtracker.criteria;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read key by key, recording every problem with its key path. Works on SnakeYAML's node tree rather
 * than on loaded objects so that "17.10" stays the text "17.10" (not the float 17.1) and nothing is converted behind
 * our back (YAML 1.1 turns "no" into false and dates into java.util.Date). Public because other data files with the same
 * "file: key path: problem" errors use it too (the dossiers module's procedure templates).
 */
public final class YamlNode {

	private final String path;

	private final Map<String, Node> entries;

	private final Set<String> read = new HashSet<>();

	private final List<ValidationError> errors;

	private YamlNode(String path, Map<String, Node> entries, List<ValidationError> errors) {
		this.path = path;
		this.entries = entries;
		this.errors = errors;
	}

	/** The document's root mapping, or null (with an error recorded) when it is not a mapping. */
	public static YamlNode root(Reader reader, List<ValidationError> errors) {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(5_000);
		options.setAllowRecursiveKeys(false);
		Node node;
		try {
			node = new Yaml(options).compose(reader);
		}
		catch (YAMLException ex) {
			errors.add(new ValidationError("", "not valid YAML: " + ex.getMessage().replace('\n', ' ')));
			return null;
		}
		if (node == null) {
			errors.add(new ValidationError("", "empty file"));
			return null;
		}
		return mapping("", node, errors);
	}

	private static YamlNode mapping(String path, Node node, List<ValidationError> errors) {
		if (!(node instanceof MappingNode mappingNode)) {
			errors.add(new ValidationError(path, "expected a mapping"));
			return null;
		}
		Map<String, Node> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mappingNode.getValue()) {
			String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
			if (key == null) {
				errors.add(new ValidationError(path, "keys must be plain text"));
			}
			else if (entries.putIfAbsent(key, tuple.getValueNode()) != null) {
				errors.add(new ValidationError(path, "duplicate key '" + key + "'"));
			}
		}
		return new YamlNode(path, entries, errors);
	}

	public String path() {
		return path;
	}

	public boolean has(String key) {
		Node node = entries.get(key);
		return node != null && !isNull(node);
	}

	private String childPath(String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

	private void error(String key, String message) {
		errors.add(new ValidationError(childPath(key), message));
	}

	private Node take(String key, boolean required) {
		read.add(key);
		Node node = entries.get(key);
		if (node == null || isNull(node)) {
			if (required) {
				errors.add(new ValidationError(path, "missing key '" + key + "'"));
			}
			return null;
		}
		return node;
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
	}

	private String scalar(String key, boolean required, String expected) {
		Node node = take(key, required);
		if (node == null) {
			return null;
		}
		if (!(node instanceof ScalarNode scalar)) {
			error(key, "expected " + expected);
			return null;
		}
		return scalar.getValue().strip();
	}

	public String text(String key, boolean required) {
		String value = scalar(key, required, "text");
		if (value != null && value.isEmpty() && required) {
			error(key, "must not be empty");
		}
		return value;
	}

	public Integer integer(String key, boolean required) {
		String value = scalar(key, required, "an integer");
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			error(key, "expected an integer, got '" + value + "'");
			return null;
		}
	}

	public BigDecimal decimal(String key, boolean required) {
		String value = scalar(key, required, "a number");
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			error(key, "expected a number, got '" + value + "'");
			return null;
		}
	}

	public boolean flag(String key) {
		String value = scalar(key, false, "true or false");
		if (value == null) {
			return false;
		}
		if (!value.equals("true") && !value.equals("false")) {
			error(key, "expected true or false, got '" + value + "'");
			return false;
		}
		return Boolean.parseBoolean(value);
	}

	public LocalDate date(String key, boolean required) {
		String value = scalar(key, required, "a date (yyyy-mm-dd)");
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			error(key, "expected a date (yyyy-mm-dd), got '" + value + "'");
			return null;
		}
	}

	public <E extends Enum<E>> E enumValue(String key, boolean required, Class<E> type, String what) {
		String value = scalar(key, required, what);
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			error(key, "unknown " + what + " '" + value + "'");
			return null;
		}
	}

	/** A nested mapping, or null when absent or not a mapping. */
	public YamlNode child(String key, boolean required) {
		Node node = take(key, required);
		return node == null ? null : mapping(childPath(key), node, errors);
	}

	/** The raw node, for keys that take either a scalar or a mapping. */
	public Node raw(String key) {
		return take(key, false);
	}

	public YamlNode asMapping(String key, Node node) {
		return mapping(childPath(key), node, errors);
	}

	public void errorAt(String key, String message) {
		error(key, message);
	}

	/** A sequence of mappings, each converted; elements that fail conversion are skipped (their errors recorded). */
	public <T> List<T> list(String key, boolean required, Function<YamlNode, T> converter) {
		Node node = take(key, required);
		List<T> result = new ArrayList<>();
		if (node == null) {
			return result;
		}
		if (!(node instanceof SequenceNode sequence)) {
			error(key, "expected a list");
			return result;
		}
		List<Node> items = sequence.getValue();
		for (int i = 0; i < items.size(); i++) {
			YamlNode item = mapping(childPath(key) + "[" + i + "]", items.get(i), errors);
			if (item != null) {
				T value = converter.apply(item);
				item.rejectUnknownKeys();
				if (value != null) {
					result.add(value);
				}
			}
		}
		return result;
	}

	/** A sequence of integers (e.g. {@code corrects: [1]}); empty when absent. */
	public List<Integer> integers(String key) {
		Node node = take(key, false);
		List<Integer> result = new ArrayList<>();
		if (node == null) {
			return result;
		}
		if (!(node instanceof SequenceNode sequence)) {
			error(key, "expected a list of integers");
			return result;
		}
		List<Node> items = sequence.getValue();
		for (int i = 0; i < items.size(); i++) {
			String at = key + "[" + i + "]";
			if (items.get(i) instanceof ScalarNode scalar) {
				try {
					result.add(Integer.valueOf(scalar.getValue().strip()));
					continue;
				}
				catch (NumberFormatException ex) {
					// reported below
				}
			}
			error(at, "expected an integer");
		}
		return result;
	}

	/** A sequence of plain texts (e.g. {@code requires: [SATISFACTION]}); empty when absent. */
	public List<String> texts(String key) {
		Node node = take(key, false);
		List<String> result = new ArrayList<>();
		if (node == null) {
			return result;
		}
		if (!(node instanceof SequenceNode sequence)) {
			error(key, "expected a list");
			return result;
		}
		List<Node> items = sequence.getValue();
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i) instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
				result.add(scalar.getValue().strip());
			}
			else {
				error(key + "[" + i + "]", "expected a text");
			}
		}
		return result;
	}

	/** Records every key that no reader asked for: typos must not be silently ignored. */
	public void rejectUnknownKeys() {
		for (String key : entries.keySet()) {
			if (!read.contains(key)) {
				errors.add(new ValidationError(path, "unknown key '" + key + "'"));
			}
		}
	}
}
