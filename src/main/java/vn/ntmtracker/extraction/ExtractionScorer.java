package vn.ntmtracker.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import vn.ntmtracker.extraction.ExtractionDraft.Directive;

/**
 * Scores the engine against hand-written expectations: accuracy for single-valued fields, precision / recall / F1 for
 * lists matched item by item. Directives are paired by text (an expectation may abbreviate its text as "start …
 * end"); a pair counts as strictly right when deadline and assignee also agree, and the pair's other fields are
 * scored separately. The overall figure is the mean of the draft's ten fields: accuracy of doc_type, number, date,
 * issuer and target, F1 of subject_units, criteria_status, unmet_criteria, funding and strict directives.
 */
public final class ExtractionScorer {

	/** Counts for one field over all documents. */
	public record FieldScore(String field, int truePositives, int falsePositives, int falseNegatives, int correct,
			int total) {

		public double precision() {
			return ratio(truePositives, truePositives + falsePositives);
		}

		public double recall() {
			return ratio(truePositives, truePositives + falseNegatives);
		}

		public double f1() {
			double p = precision();
			double r = recall();
			return p + r == 0 ? 0 : 2 * p * r / (p + r);
		}

		public double accuracy() {
			return ratio(correct, total);
		}

		private static double ratio(int a, int b) {
			return b == 0 ? 1.0 : (double) a / b;
		}
	}

	public record Report(int documents, List<FieldScore> fields, List<String> differences) {

		public FieldScore field(String name) {
			return fields.stream().filter(f -> f.field().equals(name)).findFirst().orElseThrow();
		}

		/** The mean of the ten fields of the draft (see the class comment). */
		public double overall() {
			double sum = 0;
			for (String f : List.of("doc_type", "number", "date", "issuer", "target")) {
				sum += field(f).accuracy();
			}
			for (String f : List.of("subject_units", "criteria_status", "unmet_criteria", "funding",
					"directives (strict)")) {
				sum += field(f).f1();
			}
			return sum / 10;
		}

		public String render() {
			StringBuilder out = new StringBuilder();
			out.append("documents: ").append(documents).append('\n');
			out.append(String.format(Locale.ROOT, "overall: %.3f%n", overall()));
			out.append(String.format(Locale.ROOT, "%-26s %8s %8s %8s %8s   %s%n", "field", "accuracy", "precision",
					"recall", "f1", "tp/fp/fn"));
			for (FieldScore f : fields) {
				out.append(String.format(Locale.ROOT, "%-26s %8.3f %8.3f %8.3f %8.3f   %d/%d/%d%n", f.field(),
						f.accuracy(), f.precision(), f.recall(), f.f1(), f.truePositives(), f.falsePositives(),
						f.falseNegatives()));
			}
			if (!differences.isEmpty()) {
				out.append("\ndifferences:\n");
				differences.stream().limit(400).forEach(d -> out.append("  ").append(d).append('\n'));
			}
			return out.toString();
		}
	}

	private static final List<String> DOCUMENT_EXTENSIONS = List.of(".txt", ".md", ".docx", ".pdf");

	private final Map<String, int[]> counts = new LinkedHashMap<>();

	private final List<String> differences = new ArrayList<>();

	private int documents;

	private ExtractionScorer() {
		for (String f : List.of("doc_type", "number", "date", "issuer", "target", "subject_units", "criteria_status",
				"unmet_criteria", "funding", "directives", "directives (strict)", "directive.deadline",
				"directive.deadline_text", "directive.assignee", "directive.criterion")) {
			counts.put(f, new int[5]);
		}
	}

	/** Scores every document in {@code documents} that has {@code <name>.json} in {@code expectations}. */
	public static Report score(Path documents, Path expectations) {
		ExtractionScorer scorer = new ExtractionScorer();
		DocumentExtractor extractor = new DocumentExtractor();
		List<Path> files;
		try (Stream<Path> list = Files.list(documents)) {
			files = list.filter(p -> DOCUMENT_EXTENSIONS.stream()
				.anyMatch(e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e))).sorted().toList();
		}
		catch (IOException ex) {
			throw new ExtractionException("cannot list " + documents + ": " + ex.getMessage());
		}
		for (Path file : files) {
			String name = file.getFileName().toString();
			Path json = expectations.resolve(name.substring(0, name.lastIndexOf('.')) + ".json");
			if (!Files.isRegularFile(json)) {
				continue;
			}
			ExtractionDraft expected;
			try {
				expected = DraftJson.read(Files.readString(json, StandardCharsets.UTF_8));
			}
			catch (IOException | RuntimeException ex) {
				throw new ExtractionException("cannot read expectation " + json + ": " + ex.getMessage());
			}
			ExtractionDraft actual;
			try {
				actual = extractor.extract(file);
			}
			catch (ExtractionException ex) {
				actual = new ExtractionDraft(null, null, null, null, null, null, null, null, null, null, "");
				scorer.differences.add(name + ": extraction failed: " + ex.getMessage());
			}
			scorer.compare(name, expected, actual);
		}
		return scorer.report();
	}

	/** Scores pairs already in memory (expected, actual), keyed by a document name for the differences list. */
	public static Report compare(Map<String, ExtractionDraft[]> pairs) {
		ExtractionScorer scorer = new ExtractionScorer();
		pairs.forEach((name, pair) -> scorer.compare(name, pair[0], pair[1]));
		return scorer.report();
	}

	private Report report() {
		List<FieldScore> fields = new ArrayList<>();
		counts.forEach((f, c) -> fields.add(new FieldScore(f, c[0], c[1], c[2], c[3], c[4])));
		return new Report(documents, fields, differences);
	}

	private void compare(String doc, ExtractionDraft expected, ExtractionDraft actual) {
		documents++;
		scalar(doc, "doc_type", expected.docType(), actual.docType(), Objects::equals);
		scalar(doc, "number", expected.number(), actual.number(), Objects::equals);
		scalar(doc, "date", expected.date(), actual.date(), Objects::equals);
		scalar(doc, "issuer", expected.issuer(), actual.issuer(), (a, b) -> loose(a).equals(loose(b)));
		scalar(doc, "target", expected.target(), actual.target(), Objects::equals);
		list(doc, "subject_units", expected.subjectUnits(), actual.subjectUnits(),
				(a, b) -> loose(a).equals(loose(b)));
		list(doc, "criteria_status", expected.criteriaStatus(), actual.criteriaStatus(),
				(a, b) -> loose(a.unit()).equals(loose(b.unit())) && a.achieved() == b.achieved()
						&& a.total() == b.total() && a.level() == b.level());
		list(doc, "unmet_criteria", expected.unmetCriteria(), actual.unmetCriteria(),
				(a, b) -> a.number() != null || b.number() != null ? Objects.equals(a.number(), b.number())
						: loose(a.name()).equals(loose(b.name())));
		list(doc, "funding", expected.funding(), actual.funding(),
				(a, b) -> a.amountVnd() == b.amountVnd() && similarity(a.source(), b.source()) >= 0.5);
		directives(doc, expected.directives(), actual.directives());
	}

	private <T> void scalar(String doc, String field, T expected, T actual, BiPredicate<T, T> same) {
		int[] c = counts.get(field);
		c[4]++;
		boolean equal = expected == null ? actual == null : actual != null && same.test(expected, actual);
		if (equal) {
			c[3]++;
			if (expected != null) {
				c[0]++;
			}
			return;
		}
		if (actual != null) {
			c[1]++;
		}
		if (expected != null) {
			c[2]++;
		}
		differences.add(doc + ": " + field + " expected " + expected + " but was " + actual);
	}

	private <T> void list(String doc, String field, List<T> expected, List<T> actual, BiPredicate<T, T> same) {
		int[] c = counts.get(field);
		c[4]++;
		List<T> unmatched = new ArrayList<>(actual);
		int tp = 0;
		for (T e : expected) {
			T hit = unmatched.stream().filter(a -> same.test(e, a)).findFirst().orElse(null);
			if (hit != null) {
				unmatched.remove(hit);
				tp++;
			}
			else {
				differences.add(doc + ": " + field + " missing " + e);
			}
		}
		unmatched.forEach(a -> differences.add(doc + ": " + field + " unexpected " + a));
		c[0] += tp;
		c[1] += unmatched.size();
		c[2] += expected.size() - tp;
		if (tp == expected.size() && unmatched.isEmpty()) {
			c[3]++;
		}
	}

	private void directives(String doc, List<Directive> expected, List<Directive> actual) {
		int[] aligned = counts.get("directives");
		int[] strict = counts.get("directives (strict)");
		aligned[4]++;
		strict[4]++;
		List<Directive> unmatched = new ArrayList<>(actual);
		int tp = 0;
		int strictTp = 0;
		for (Directive e : expected) {
			Directive best = null;
			double bestScore = 0.5;
			for (Directive a : unmatched) {
				double s = textSimilarity(e.text(), a.text());
				if (s >= bestScore) {
					best = a;
					bestScore = s;
				}
			}
			if (best == null) {
				differences.add(doc + ": directive missing: " + shorten(e.text()));
				continue;
			}
			unmatched.remove(best);
			tp++;
			boolean deadline = sub(doc, "directive.deadline", e, e.deadline(), best.deadline(), Objects::equals);
			sub(doc, "directive.deadline_text", e, e.deadlineText(), best.deadlineText(),
					(a, b) -> loose(a).equals(loose(b)));
			boolean assignee = sub(doc, "directive.assignee", e, e.assignee(), best.assignee(),
					(a, b) -> loose(a).equals(loose(b)));
			sub(doc, "directive.criterion", e, e.criterion(), best.criterion(), Objects::equals);
			if (deadline && assignee) {
				strictTp++;
			}
		}
		unmatched.forEach(a -> differences.add(doc + ": directive unexpected: " + shorten(a.text())));
		aligned[0] += tp;
		aligned[1] += unmatched.size();
		aligned[2] += expected.size() - tp;
		strict[0] += strictTp;
		strict[1] += actual.size() - strictTp;
		strict[2] += expected.size() - strictTp;
		if (tp == expected.size() && unmatched.isEmpty()) {
			aligned[3]++;
		}
		if (strictTp == expected.size() && actual.size() == expected.size()) {
			strict[3]++;
		}
	}

	private <T> boolean sub(String doc, String field, Directive e, T expected, T actual, BiPredicate<T, T> same) {
		int[] c = counts.get(field);
		c[4]++;
		boolean equal = expected == null ? actual == null : actual != null && same.test(expected, actual);
		if (equal) {
			c[3]++;
			if (expected != null) {
				c[0]++;
			}
			return true;
		}
		if (actual != null) {
			c[1]++;
		}
		if (expected != null) {
			c[2]++;
		}
		differences.add(doc + ": " + field + " of \"" + shorten(e.text()) + "\" expected " + expected + " but was "
				+ actual);
		return false;
	}

	private static String shorten(String s) {
		return s == null ? "null" : s.length() <= 70 ? s : s.substring(0, 67) + "...";
	}

	/** Lower case, punctuation and spacing ignored; accents kept. */
	static String loose(Object value) {
		if (value == null) {
			return "";
		}
		return TextNormalizer.normalize(String.valueOf(value))
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.strip();
	}

	/**
	 * Whether an engine text is the passage an expectation means: equal when the expectation is written out, same
	 * start and end when it is abbreviated with "…".
	 */
	static boolean textMatches(String expected, String actual) {
		if (expected == null || actual == null) {
			return expected == actual;
		}
		int ellipsis = expected.indexOf('…');
		if (ellipsis < 0) {
			return loose(expected).equals(loose(actual));
		}
		String head = loose(expected.substring(0, ellipsis));
		String tail = loose(expected.substring(ellipsis + 1));
		String a = loose(actual);
		return a.startsWith(head) && a.endsWith(tail) && a.length() >= head.length() + tail.length();
	}

	static double textSimilarity(String expected, String actual) {
		if (textMatches(expected, actual)) {
			return 1.0;
		}
		Set<String> e = new HashSet<>(Arrays.asList(loose(expected.replace('…', ' ')).split(" ")));
		Set<String> a = new HashSet<>(Arrays.asList(loose(actual).split(" ")));
		Set<String> common = new HashSet<>(e);
		common.retainAll(a);
		if (expected.indexOf('…') >= 0) {
			return 0.9 * common.size() / Math.max(1, e.size());
		}
		return 2.0 * common.size() / Math.max(1, e.size() + a.size());
	}

	private static double similarity(String a, String b) {
		if (a == null || b == null) {
			return 0;
		}
		String x = loose(a);
		String y = loose(b);
		if (x.contains(y) || y.contains(x)) {
			return 1;
		}
		return textSimilarity(a, b);
	}
}
