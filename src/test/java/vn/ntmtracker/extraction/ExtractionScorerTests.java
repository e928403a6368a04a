package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.DocType;
import vn.ntmtracker.extraction.ExtractionDraft.Directive;

class ExtractionScorerTests {

	private static Directive directive(String text, String assignee, LocalDate deadline) {
		return new Directive(text, assignee, deadline, null, null, null);
	}

	private static ExtractionDraft draft(List<Directive> directives) {
		return new ExtractionDraft(DocType.KE_HOACH, "1/KH-UBND", null, "Ủy ban nhân dân xã A", List.of("xã A"),
				List.of(), List.of(), null, directives, List.of(), "");
	}

	private final Directive first = directive("Giao Phòng Nội vụ rà soát biên chế trước ngày 30/4/2024",
			"Phòng Nội vụ", LocalDate.of(2024, 4, 30));

	private final Directive second = directive("Hội Nông dân vận động hội viên cải tạo vườn hộ", "Hội Nông dân", null);

	@Test
	void identicalDraftsScorePerfectly() {
		ExtractionScorer.Report report = ExtractionScorer
			.compare(Map.of("doc", new ExtractionDraft[] { draft(List.of(first, second)), draft(List.of(first, second)) }));
		assertThat(report.fields()).allSatisfy(f -> assertThat(f.f1()).isEqualTo(1.0));
	}

	@Test
	void missedDirectiveLowersRecallNotPrecision() {
		ExtractionScorer.Report report = ExtractionScorer
			.compare(Map.of("doc", new ExtractionDraft[] { draft(List.of(first, second)), draft(List.of(first)) }));
		assertThat(report.field("directives").recall()).isEqualTo(0.5);
		assertThat(report.field("directives").precision()).isEqualTo(1.0);
	}

	@Test
	void wrongDeadlineCountsAgainstStrictMatching() {
		Directive late = directive(first.text(), first.assignee(), LocalDate.of(2024, 5, 30));
		ExtractionScorer.Report report = ExtractionScorer
			.compare(Map.of("doc", new ExtractionDraft[] { draft(List.of(first, second)), draft(List.of(late, second)) }));
		assertThat(report.field("directives").f1()).isEqualTo(1.0);
		assertThat(report.field("directives (strict)").f1()).isEqualTo(0.5);
		assertThat(report.field("directive.deadline").accuracy()).isEqualTo(0.5);
	}

	@Test
	void overallIsTheMeanOfTheTenFieldsOfTheDraft() {
		ExtractionDraft expected = draft(List.of(first, second));
		ExtractionDraft wrongNumber = new ExtractionDraft(DocType.KE_HOACH, "2/KH-UBND", null, "Ủy ban nhân dân xã A",
				List.of("xã A"), List.of(), List.of(), null, List.of(first, second), List.of(), "");
		ExtractionScorer.Report report = ExtractionScorer
			.compare(Map.of("doc", new ExtractionDraft[] { expected, wrongNumber }));
		assertThat(report.overall()).isEqualTo(0.9);
		assertThat(report.render()).contains("overall");
	}

	@Test
	void abbreviatedExpectationMatchesOnStartAndEnd() {
		assertThat(ExtractionScorer.textMatches("Giao Phòng Nội vụ … trước ngày 30/4/2024", first.text())).isTrue();
		assertThat(ExtractionScorer.textMatches("Giao Phòng Nội vụ … trước ngày 30/5/2024", first.text())).isFalse();
		assertThat(ExtractionScorer.textMatches("giao phòng nội vụ rà soát biên chế trước ngày 30/4/2024.", first.text()))
			.isTrue();
	}
}
