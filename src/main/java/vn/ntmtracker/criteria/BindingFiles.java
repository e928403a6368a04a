package vn.ntmtracker.criteria;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads {@code criteria/bindings.yaml}: register bindings for set versions that were published before an indicator
 * could say {@code computedFrom} itself. Their files are immutable (a content hash guards them), and a binding is
 * not content of the legal text but how this system counts a value, so it lives beside them, keyed by set code,
 * versions and indicator code. Every entry is checked against the loaded sets: the version exists, the indicator
 * exists, the rule fits its kind, and the indicator does not already carry a binding of its own.
 */
public final class BindingFiles {

	public static final String FILE = "criteria/bindings.yaml";

	private BindingFiles() {
	}

	/** The shipped file, checked against the shipped sets. */
	public static Map<SetRef, Map<String, RegisterBinding>> loadAll(List<CriteriaSetFiles.LoadedSet> sets) {
		InputStream in = BindingFiles.class.getClassLoader().getResourceAsStream(FILE);
		if (in == null) {
			return Map.of();
		}
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			return load("bindings.yaml", reader, sets.stream().map(CriteriaSetFiles.LoadedSet::definition)
				.collect(Collectors.toMap(CriteriaSetDefinition::ref, Function.identity())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(FILE + ": cannot be read", ex);
		}
	}

	/** One bindings file, checked against the given sets; {@link CriteriaFileException} lists every problem. */
	public static Map<SetRef, Map<String, RegisterBinding>> load(String fileName, Reader reader,
			Map<SetRef, CriteriaSetDefinition> sets) {
		List<ValidationError> errors = new ArrayList<>();
		YamlNode root = YamlNode.root(reader, errors);
		Map<SetRef, Map<String, RegisterBinding>> bindings = new HashMap<>();
		if (root != null) {
			List<Entry> entries = root.list("bindings", true, node -> new Entry(node.path(), node.text("set", true),
					node.integers("versions"), node.text("indicator", true), CriteriaSetYaml.binding(node),
					node.text("note", false)));
			root.rejectUnknownKeys();
			for (Entry entry : entries) {
				check(entry, sets, bindings, errors);
			}
		}
		if (!errors.isEmpty()) {
			throw new CriteriaFileException(fileName, errors);
		}
		Map<SetRef, Map<String, RegisterBinding>> frozen = new HashMap<>();
		bindings.forEach((ref, byIndicator) -> frozen.put(ref, Map.copyOf(byIndicator)));
		return Map.copyOf(frozen);
	}

	private record Entry(String path, String set, List<Integer> versions, String indicator, RegisterBinding binding,
			String note) {
	}

	private static void check(Entry entry, Map<SetRef, CriteriaSetDefinition> sets,
			Map<SetRef, Map<String, RegisterBinding>> bindings, List<ValidationError> errors) {
		if (entry.set() == null || entry.indicator() == null) {
			return;
		}
		if (entry.binding() == null) {
			errors.add(new ValidationError(entry.path() + ".computedFrom", "missing"));
			return;
		}
		if (entry.versions().isEmpty()) {
			// Explicit versions: a later version may change the indicator, and must then carry its own binding.
			errors.add(new ValidationError(entry.path() + ".versions", "list the versions the binding is for"));
		}
		for (Integer version : entry.versions()) {
			SetRef ref = new SetRef(entry.set(), version);
			CriteriaSetDefinition set = sets.get(ref);
			if (set == null) {
				errors.add(new ValidationError(entry.path() + ".versions", "unknown set " + ref));
				continue;
			}
			Indicator indicator = set.indicator(entry.indicator()).orElse(null);
			if (indicator == null) {
				errors.add(new ValidationError(entry.path() + ".indicator", ref + " has no indicator " + entry.indicator()));
				continue;
			}
			for (String problem : entry.binding().problems(indicator.kind())) {
				errors.add(new ValidationError(entry.path() + ".computedFrom", ref + " " + entry.indicator() + ": " + problem));
			}
			if (indicator.computedFrom() != null) {
				errors.add(new ValidationError(entry.path(), ref + " " + entry.indicator() + " already says computedFrom in its set file"));
			}
			if (bindings.computeIfAbsent(ref, r -> new HashMap<>()).putIfAbsent(entry.indicator(), entry.binding()) != null) {
				errors.add(new ValidationError(entry.path(), "a second binding for " + ref + " " + entry.indicator()));
			}
		}
	}
}
