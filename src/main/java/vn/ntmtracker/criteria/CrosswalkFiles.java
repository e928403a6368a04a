package vn.ntmtracker.criteria;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the crosswalks under {@code criteria/crosswalks/} (listed in its {@code index.txt}) and checks them against
 * the loaded sets: both set versions exist, and every number and name matches the set it claims to be from.
 */
public final class CrosswalkFiles {

	public static final String FOLDER = "criteria/crosswalks/";

	private CrosswalkFiles() {
	}

	public static List<Crosswalk> loadAll(List<CriteriaSetFiles.LoadedSet> sets) {
		Map<SetRef, CriteriaSetDefinition> byRef = sets.stream()
			.map(CriteriaSetFiles.LoadedSet::definition)
			.collect(Collectors.toMap(CriteriaSetDefinition::ref, Function.identity()));
		List<Crosswalk> crosswalks = new ArrayList<>();
		for (String name : index()) {
			try (Reader reader = new InputStreamReader(open(FOLDER + name), StandardCharsets.UTF_8)) {
				crosswalks.add(load(name, reader, byRef));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(name + ": cannot be read", ex);
			}
		}
		return List.copyOf(crosswalks);
	}

	/** One crosswalk file, checked against the given sets. */
	public static Crosswalk load(String fileName, Reader reader, Map<SetRef, CriteriaSetDefinition> sets) {
		List<ValidationError> errors = new ArrayList<>();
		YamlNode root = YamlNode.root(reader, errors);
		Crosswalk crosswalk = null;
		if (root != null) {
			SetRef from = ref(root.child("from", true));
			SetRef to = ref(root.child("to", true));
			YamlNode provenanceNode = root.child("provenance", true);
			Provenance provenance = null;
			if (provenanceNode != null) {
				boolean verified = provenanceNode.flag("verified");
				provenance = new Provenance(provenanceNode.text("source", true),
						verified ? Verification.VERIFIED : Verification.PROVISIONAL, provenanceNode.text("note", false));
				provenanceNode.rejectUnknownKeys();
			}
			List<Crosswalk.Entry> entries = root.list("entries", true, e -> {
				Integer fromNumber = e.integer("from", true);
				Integer toNumber = e.integer("to", true);
				Crosswalk.Relation relation = e.enumValue("relation", true, Crosswalk.Relation.class, "relation");
				Crosswalk.Entry entry = new Crosswalk.Entry(fromNumber == null ? 0 : fromNumber,
						e.text("fromName", true), toNumber == null ? 0 : toNumber, e.text("toName", true), relation,
						e.text("note", false));
				return entry;
			});
			root.rejectUnknownKeys();
			crosswalk = new Crosswalk(fileName, from, to, provenance, entries);
			if (errors.isEmpty()) {
				check(crosswalk, sets, errors);
			}
		}
		if (!errors.isEmpty()) {
			throw new CriteriaFileException(fileName, errors);
		}
		return crosswalk;
	}

	private static SetRef ref(YamlNode node) {
		if (node == null) {
			return null;
		}
		String code = node.text("code", true);
		Integer version = node.integer("version", true);
		node.rejectUnknownKeys();
		return version == null ? null : new SetRef(code, version);
	}

	private static void check(Crosswalk crosswalk, Map<SetRef, CriteriaSetDefinition> sets,
			List<ValidationError> errors) {
		CriteriaSetDefinition from = sets.get(crosswalk.from());
		CriteriaSetDefinition to = sets.get(crosswalk.to());
		if (from == null) {
			errors.add(new ValidationError("from", "unknown set " + crosswalk.from()));
		}
		if (to == null) {
			errors.add(new ValidationError("to", "unknown set " + crosswalk.to()));
		}
		if (from == null || to == null) {
			return;
		}
		for (int i = 0; i < crosswalk.entries().size(); i++) {
			Crosswalk.Entry entry = crosswalk.entries().get(i);
			name(errors, "entries[" + i + "].from", from, entry.fromNumber(), entry.fromName());
			name(errors, "entries[" + i + "].to", to, entry.toNumber(), entry.toName());
		}
	}

	private static void name(List<ValidationError> errors, String path, CriteriaSetDefinition set, int number,
			String name) {
		Optional<Criterion> criterion = set.criterion(number);
		if (criterion.isEmpty()) {
			errors.add(new ValidationError(path, set.ref() + " has no criterion " + number));
		}
		else if (!criterion.get().name().equals(name)) {
			errors.add(new ValidationError(path, "criterion " + number + " of " + set.ref() + " is '"
					+ criterion.get().name() + "', not '" + name + "'"));
		}
	}

	static List<String> index() {
		try (InputStream in = open(FOLDER + "index.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream open(String resource) throws IOException {
		InputStream in = CrosswalkFiles.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IOException("classpath resource " + resource + " not found");
		}
		return in;
	}
}
