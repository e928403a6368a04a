package vn.ntmtracker.dossiers;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import vn.ntmtracker.criteria.ValidationError;

/**
 * The procedure templates shipped under {@code dossiers/procedures/} on the classpath, listed in that folder's
 * {@code index.txt} (a classpath folder cannot be listed portably inside a jar; a test keeps the index complete). Like
 * the criteria files: every file validated, a broken one stops start-up naming the file and the key path.
 */
final class ProcedureFiles {

	static final String FOLDER = "dossiers/procedures/";

	/** One loaded file: its name, the validated procedure, its text and the text's hash. */
	record Loaded(String fileName, Procedure procedure, String yaml, String hash) {
	}

	private ProcedureFiles() {
	}

	/** Every shipped file; the first broken one is thrown with the others attached as suppressed. */
	static List<Loaded> loadAll() {
		List<Loaded> loaded = new ArrayList<>();
		List<ProcedureFileException> failures = new ArrayList<>();
		Map<String, String> seen = new HashMap<>();
		for (String name : index()) {
			try {
				Loaded file = load(name, read(FOLDER + name));
				String other = seen.putIfAbsent(file.procedure().ref(), name);
				if (other != null) {
					failures.add(new ProcedureFileException(name, List.of(new ValidationError("code",
							"duplicate procedure " + file.procedure().ref() + " (also in " + other + ")"))));
				}
				else {
					loaded.add(file);
				}
			}
			catch (ProcedureFileException ex) {
				failures.add(ex);
			}
		}
		if (!failures.isEmpty()) {
			ProcedureFileException first = failures.get(0);
			failures.stream().skip(1).forEach(first::addSuppressed);
			throw first;
		}
		return List.copyOf(loaded);
	}

	/** One file, parsed and validated; the text is normalised to NFC first. */
	static Loaded load(String fileName, String yaml) {
		String text = Normalizer.normalize(yaml, Normalizer.Form.NFC);
		return new Loaded(fileName, ProcedureYaml.parse(fileName, new StringReader(text)), text, hash(text));
	}

	static List<String> index() {
		return read(FOLDER + "index.txt").lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
	}

	static String read(String resource) {
		try (InputStream in = ProcedureFiles.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new UncheckedIOException(new IOException("classpath resource " + resource + " not found"));
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String hash(String text) {
		return hash(text.getBytes(StandardCharsets.UTF_8));
	}

	static String hash(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
