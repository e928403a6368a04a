package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectiveTests {

	static final LocalDate DOC = LocalDate.of(2024, 3, 12);

	static Directive directive(String deadline, boolean evidenceRequired) {
		return Directive.assign(1, Directive.Kind.DIRECTIVE, new Directive.Wording("1.2", "Rà soát khung kế hoạch", null, null, null),
				10, Set.of(11L), Set.of("HT-CAMQUANG"), null, null, DOC, DOC, Deadline.read(deadline, 2024).orElseThrow(),
				evidenceRequired);
	}

	static String key(Runnable action) {
		try {
			action.run();
			return null;
		}
		catch (DirectiveRuleException ex) {
			return ex.messageKey();
		}
	}

	@Test
	void refusesADeadlineBeforeTheDocumentDate() {
		assertThat(key(() -> directive("trước ngày 1/3/2024", false))).isEqualTo("directive.error.deadlineBeforeDocument");
	}

	@Test
	void refusesALeadBodyThatAlsoCooperatesAndACriterionWithoutItsSet() {
		assertThat(key(() -> Directive.assign(1, Directive.Kind.DIRECTIVE, new Directive.Wording(null, "x", null, null, null), 10,
				Set.of(10L), Set.of("U"), null, null, DOC, DOC, Deadline.none(), false))).isEqualTo("directive.error.leadCooperates");
		assertThat(key(() -> Directive.assign(1, Directive.Kind.DIRECTIVE, new Directive.Wording(null, "x", null, null, null), 10,
				Set.of(), Set.of("U"), null, "17", DOC, DOC, Deadline.none(), false))).isEqualTo("directive.error.criterionNeedsSet");
	}

	@Test
	void extensionNeedsAReasonAndALaterDeadlineAndKeepsTheOldOne() {
		Directive d = directive("trước ngày 31/3/2024", false);
		LocalDate granted = LocalDate.of(2024, 3, 28);
		assertThat(key(() -> d.extend(Deadline.on(LocalDate.of(2024, 4, 15), "x"), granted, " "))).isEqualTo("directive.error.extensionReason");
		assertThat(key(() -> d.extend(Deadline.on(LocalDate.of(2024, 3, 30), "x"), granted, "r"))).isEqualTo("directive.error.extensionNotLater");
		assertThat(key(() -> d.extend(Deadline.none(), granted, "r"))).isEqualTo("directive.error.extensionUndated");
		d.extend(Deadline.on(LocalDate.of(2024, 4, 15), "trước ngày 15/4/2024"), granted, "thôn chưa thống nhất");
		assertThat(d.deadlines()).hasSize(2);
		assertThat(d.deadlines().get(0).deadline().wording()).isEqualTo("trước ngày 31/3/2024");
		assertThat(d.currentDeadline().due()).isEqualTo(LocalDate.of(2024, 4, 15));
	}

	@Test
	void completionWithoutRequiredEvidenceIsRefusedAndChangesNothing() {
		Directive d = directive("trước ngày 31/3/2024", true);
		assertThat(key(() -> d.complete(LocalDate.of(2024, 3, 30), "  ", false))).isEqualTo("directive.error.evidenceRequired");
		assertThat(d.status()).isEqualTo(Directive.Status.OPEN);
		assertThat(d.completedOn()).isNull();
		d.complete(LocalDate.of(2024, 3, 30), null, true);
		assertThat(d.status()).isEqualTo(Directive.Status.COMPLETED);
	}

	@Test
	void acceptanceAndReturnOnlyAfterCompletionAndReturnReopens() {
		Directive d = directive("trước ngày 31/3/2024", false);
		assertThat(key(() -> d.accept(LocalDate.of(2024, 4, 1)))).isEqualTo("directive.error.notCompleted");
		d.complete(LocalDate.of(2024, 3, 30), "xong", false);
		assertThat(key(() -> d.reportProgress(LocalDate.of(2024, 3, 31), "thêm", null))).isEqualTo("directive.error.notOpen");
		assertThat(key(() -> d.returnForRework(LocalDate.of(2024, 4, 1), ""))).isEqualTo("directive.error.returnReason");
		d.returnForRework(LocalDate.of(2024, 4, 1), "thiếu biên bản");
		assertThat(d.status()).isEqualTo(Directive.Status.OPEN);
		assertThat(d.bucket(LocalDate.of(2024, 4, 1))).isEqualTo(Bucket.OVERDUE);
		d.complete(LocalDate.of(2024, 4, 3), "bổ sung biên bản", false);
		d.accept(LocalDate.of(2024, 4, 4));
		assertThat(d.status()).isEqualTo(Directive.Status.ACCEPTED);
		assertThat(d.bucket(LocalDate.of(2024, 5, 1))).isEqualTo(Bucket.COMPLETED_LATE);
	}

	@Test
	void nothingHappensBeforeTheDirectiveWasAssigned() {
		Directive d = directive("trước ngày 31/3/2024", false);
		assertThat(key(() -> d.reportProgress(DOC.minusDays(1), "sớm", null))).isEqualTo("directive.error.beforeAssigned");
	}
}
