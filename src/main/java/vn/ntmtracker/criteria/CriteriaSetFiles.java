package vn.ntmtracker.criteria;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the set files shipped under {@code criteria/sets/} on the classpath. The folder's {@code index.txt} lists the
 * files because a classpath folder cannot be listed portably inside a jar; a test keeps the index complete.
 */
public final class CriteriaSetFiles {

	public static final String FOLDER = "criteria/sets/";

	/** One loaded file: its name, the validated definition and its content hash. */
	public record LoadedSet(String fileName, CriteriaSetDefinition definition, String contentHash) {
	}

	private CriteriaSetFiles() {
	}

	/**
	 * Every shipped set, validated. Throws {@link CriteriaFileException} for the first broken file (others attached
	 * as suppressed); nothing is returned then, because a half-loaded catalog would be silently wrong.
	 */
	public static List<LoadedSet> loadAll() {
		List<String> names = index();
		List<Source> sources = new ArrayList<>();
		for (String name : names) {
			sources.add(new Source(name, () -> open(FOLDER + name)));
		}
		return loadSources(sources);
	}

	/** Every {@code *.yaml} file of a folder, validated together like {@link #loadAll()}. */
	public static List<LoadedSet> loadAll(Path folder) {
		List<Source> sources = new ArrayList<>();
		try (Stream<Path> files = Files.list(folder)) {
			files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
				.sorted()
				.forEach(p -> sources.add(new Source(p.getFileName().toString(), () -> Files.newInputStream(p))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return loadSources(sources);
	}

	/** One file, parsed and validated on its own. */
	public static LoadedSet load(String fileName, Reader reader) {
		CriteriaSetDefinition set = CriteriaSetYaml.parse(fileName, reader);
		List<ValidationError> errors = CriteriaSetValidator.validate(set);
		if (!errors.isEmpty()) {
			throw new CriteriaFileException(fileName, errors);
		}
		return new LoadedSet(fileName, set, CriteriaSetJson.contentHash(set));
	}

	/** The names listed in {@code criteria/sets/index.txt}. */
	public static List<String> index() {
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

	private interface Opener {
		InputStream open() throws IOException;
	}

	private record Source(String name, Opener opener) {
	}

	private static List<LoadedSet> loadSources(List<Source> sources) {
		List<LoadedSet> loaded = new ArrayList<>();
		List<CriteriaFileException> failures = new ArrayList<>();
		for (Source source : sources) {
			try (Reader reader = new InputStreamReader(source.opener().open(), StandardCharsets.UTF_8)) {
				loaded.add(load(source.name(), reader));
			}
			catch (CriteriaFileException ex) {
				failures.add(ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(source.name() + ": cannot be read", ex);
			}
		}
		crossFileChecks(loaded, failures);
		if (!failures.isEmpty()) {
			CriteriaFileException first = failures.get(0);
			failures.stream().skip(1).forEach(first::addSuppressed);
			throw first;
		}
		return List.copyOf(loaded);
	}

	private static void crossFileChecks(List<LoadedSet> loaded, List<CriteriaFileException> failures) {
		Map<SetRef, String> files = new HashMap<>();
		List<LoadedSet> duplicates = new ArrayList<>();
		for (LoadedSet set : loaded) {
			String other = files.putIfAbsent(set.definition().ref(), set.fileName());
			if (other != null) {
				failures.add(new CriteriaFileException(set.fileName(), List.of(new ValidationError("code",
						"duplicate set code " + set.definition().ref() + " (also in " + other + ")"))));
				duplicates.add(set);
			}
		}
		for (LoadedSet set : loaded) {
			SetRef parent = set.definition().derivedFrom();
			if (parent != null && !files.containsKey(parent)) {
				failures.add(new CriteriaFileException(set.fileName(),
						List.of(new ValidationError("derivedFrom", "unknown set " + parent))));
				duplicates.add(set);
			}
		}
		loaded.removeAll(duplicates);
	}

	private static InputStream open(String resource) throws IOException {
		InputStream in = CriteriaSetFiles.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IOException("classpath resource " + resource + " not found");
		}
		return in;
	}
}
