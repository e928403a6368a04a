package vn.ntmtracker.extraction;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;

/**
 * Batch command line: {@code extract FILE...} prints a JSON array with one object per file, in argument order; a file
 * that cannot be read yields {@code {"file": …, "error": …}} and the batch goes on. {@code extract --score DOCS
 * [EXPECTED]} prints per-field scores of the engine against hand-written expectations. Exit code 0 whenever the
 * command itself could run; no stack traces.
 */
public final class ExtractCli {

	private ExtractCli() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0) {
			err.println("usage: extract FILE...   |   extract --score DOCS_DIR [EXPECTED_DIR]");
			return 2;
		}
		if (args[0].equals("--score")) {
			if (args.length < 2) {
				err.println("usage: extract --score DOCS_DIR [EXPECTED_DIR]");
				return 2;
			}
			Path docs = Path.of(args[1]);
			Path expected = args.length > 2 ? Path.of(args[2]) : docs;
			try {
				out.print(ExtractionScorer.score(docs, expected).render());
				return 0;
			}
			catch (RuntimeException ex) {
				err.println("score failed: " + ex.getMessage());
				return 1;
			}
		}
		DocumentExtractor extractor = new DocumentExtractor();
		ArrayNode results = DraftJson.mapper().createArrayNode();
		for (String arg : Arrays.asList(args)) {
			results.add(one(extractor, arg));
		}
		out.println(DraftJson.write(results));
		return 0;
	}

	private static tools.jackson.databind.JsonNode one(DocumentExtractor extractor, String file) {
		try {
			return DraftJson.tree(extractor.extract(Path.of(file)));
		}
		catch (ExtractionException ex) {
			return error(file, ex.getMessage());
		}
		catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
			// A bug in a rule must not cost the rest of the batch; the user gets a message, not a trace.
			return error(file, "could not extract: " + ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : " (" + ex.getMessage() + ")"));
		}
	}

	private static tools.jackson.databind.JsonNode error(String file, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("file", file);
		error.put("error", message);
		return DraftJson.tree(error);
	}
}
