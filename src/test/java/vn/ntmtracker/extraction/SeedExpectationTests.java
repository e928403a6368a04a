package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.ntmtracker.extraction.ExtractionDraft.Directive;

/**
 * The "done when": for every seed (and every case written for generalisation) the engine's draft equals the
 * hand-written expectation on every field. Directive texts may be abbreviated in an expectation as "start … end"
 * ({@link ExpectedText}, the tests' own comparison, not the production scorer's); everything else is compared exactly.
 */
class SeedExpectationTests {

	private static final Path SEEDS = Path.of("src/test/resources/seeds");

	private static final Path EXPECTED = Path.of("src/test/resources/extraction/expected");

	private static final Path CASES = Path.of("src/test/resources/extraction/cases");

	private final DocumentExtractor extractor = new DocumentExtractor();

	static Stream<Arguments> documents() throws IOException {
		Stream<Arguments> seeds;
		try (Stream<Path> files = Files.list(SEEDS)) {
			seeds = files.filter(p -> p.toString().endsWith(".txt"))
				.sorted()
				.map(p -> Arguments.of(p, EXPECTED.resolve(base(p) + ".json")))
				.toList()
				.stream();
		}
		Stream<Arguments> cases;
		try (Stream<Path> files = Files.list(CASES)) {
			cases = files.filter(p -> p.toString().endsWith(".txt"))
				.sorted()
				.map(p -> Arguments.of(p, CASES.resolve(base(p) + ".json")))
				.toList()
				.stream();
		}
		return Stream.concat(seeds, cases);
	}

	private static String base(Path p) {
		String name = p.getFileName().toString();
		return name.substring(0, name.lastIndexOf('.'));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documents")
	void draftMatchesTheHandWrittenExpectation(Path document, Path expectation) throws IOException {
		assertThat(expectation).exists();
		ExtractionDraft expected = DraftJson.read(Files.readString(expectation, StandardCharsets.UTF_8));
		ExtractionDraft actual = extractor.extract(document);
		SoftAssertions soft = new SoftAssertions();
		soft.assertThat(actual.docType()).as("doc_type").isEqualTo(expected.docType());
		soft.assertThat(actual.number()).as("number").isEqualTo(expected.number());
		soft.assertThat(actual.date()).as("date").isEqualTo(expected.date());
		soft.assertThat(actual.issuer()).as("issuer").isEqualTo(expected.issuer());
		soft.assertThat(actual.subjectUnits()).as("subject_units").isEqualTo(expected.subjectUnits());
		soft.assertThat(actual.criteriaStatus()).as("criteria_status").isEqualTo(expected.criteriaStatus());
		soft.assertThat(actual.unmetCriteria()).as("unmet_criteria").isEqualTo(expected.unmetCriteria());
		soft.assertThat(actual.target()).as("target").isEqualTo(expected.target());
		soft.assertThat(actual.funding()).as("funding").isEqualTo(expected.funding());
		soft.assertThat(actual.directives()).as("number of directives").hasSameSizeAs(expected.directives());
		int n = Math.min(actual.directives().size(), expected.directives().size());
		for (int i = 0; i < n; i++) {
			Directive e = expected.directives().get(i);
			Directive a = actual.directives().get(i);
			String at = "directive " + i + " (" + e.text() + ")";
			soft.assertThat(ExpectedText.matches(e.text(), a.text()))
				.as(at + " text was: " + a.text())
				.isTrue();
			soft.assertThat(a.assignee()).as(at + " assignee").isEqualTo(e.assignee());
			soft.assertThat(a.deadline()).as(at + " deadline").isEqualTo(e.deadline());
			soft.assertThat(a.deadlineText()).as(at + " deadline_text").isEqualTo(e.deadlineText());
			soft.assertThat(a.criterion()).as(at + " criterion").isEqualTo(e.criterion());
		}
		soft.assertAll();
	}
}
