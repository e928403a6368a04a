package vn.ntmtracker.dossiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.assessment.TestRounds;
import vn.ntmtracker.criteria.Tier;

/**
 * Dossiers a test owns, driven through the same services as the pages, as the accounts that would act: a signed-off
 * round, a dossier opened from it, and each step done with the documents and records it needs.
 */
@Component
public class TestDossiers {

	public static final String SET = "QD318-2022-XA-NTM";

	private final Dossiers dossiers;
	private final Surveys surveys;
	private final Assessments assessments;
	private final TestRounds rounds;
	private final RecognitionHistory history;
	private final DossierStore store;

	TestDossiers(Dossiers dossiers, Surveys surveys, Assessments assessments, TestRounds rounds, RecognitionHistory history,
			DossierStore store) {
		this.store = store;
		this.dossiers = dossiers;
		this.surveys = surveys;
		this.assessments = assessments;
		this.rounds = rounds;
		this.history = history;
	}

	/** A round of {@code set} on {@code asOf} missing {@code unmet}, submitted by the officer and verified by the office. */
	public long signedRound(String officer, String office, String unit, String set, LocalDate asOf, Set<Integer> unmet) {
		long id = rounds.draft(officer, unit, set, asOf, unmet);
		rounds.as(officer, () -> run(() -> assessments.submit(id, assessments.round(id).version())));
		rounds.as(office, () -> run(() -> assessments.verify(id, assessments.round(id).version())));
		return id;
	}

	public long open(String user, String unit, long round, LocalDate on) {
		return rounds.as(user, () -> dossiers.open(new Dossiers.OpenRequest(unit, Purpose.RECOGNITION, null, round, on.getYear(), on)));
	}

	public int version(long id) {
		return store.load(id).version();
	}

	public String currentStep(String user, long id) {
		return store.load(id).current().map(Dossier.Step::code).orElse(null);
	}

	/** Attaches a placeholder PDF to every required document of the step. */
	public void attachAll(String user, long id, String step, LocalDate on) {
		rounds.as(user, () -> {
			Procedure.Step template = dossiers.load(id).template(step);
			for (Procedure.Document document : template.documents()) {
				if (document.required()) {
					dossiers.addDocument(id, step, document.kind(), "1/TEST", on, document.kind() + ".pdf",
							DossiersDemoData.placeholderPdf(document.kind(), "1/TEST"));
				}
			}
			return null;
		});
	}

	public Dossiers.Outcome complete(String user, long id, String step, LocalDate on, Dossiers.Completion extra) {
		return rounds.as(user, () -> dossiers.complete(id, step, version(id), extra == null
				? new Dossiers.Completion(on, null, null, null, null) : extra));
	}

	/** The public posting done by the book: posted 15 days, read 5 times, one comment answered. */
	public void posting(String user, long id, LocalDate from) {
		rounds.as(user, () -> {
			dossiers.savePosting(id, version(id), "Trụ sở UBND xã và nhà văn hóa các thôn", from, from.plusDays(14));
			for (int i = 0; i < 5; i++) {
				dossiers.addReading(id, from.plusDays(i * 3), "Bản tin sáng");
			}
			long comment = dossiers.addComment(id, from.plusDays(2), "Hội Nông dân xã", "Đồng ý với báo cáo");
			dossiers.answerComment(id, comment, 0, "Tiếp thu", from.plusDays(3));
			return null;
		});
	}

	/** One ballot per household of each village, the first {@code unhappy} households not satisfied overall. */
	public void ballots(String user, long id, int perVillage, int unhappy) {
		rounds.as(user, () -> {
			Dossier dossier = dossiers.load(id);
			int items = surveys.items(dossier).size();
			Map<String, Integer> households = new LinkedHashMap<>();
			int counted = 0;
			for (String village : surveys.villages(dossier).keySet()) {
				households.put(village, perVillage);
				for (int h = 1; h <= perVillage; h++) {
					List<Boolean> answers = new ArrayList<>();
					for (int i = 0; i < items; i++) {
						answers.add(true);
					}
					boolean satisfied = counted++ >= unhappy;
					dossiers.addBallot(id, new Surveys.BallotInput(village, "H" + h, null, answers, satisfied, null));
				}
			}
			dossiers.saveHouseholds(id, households);
			return null;
		});
	}

	public Recognition earlier(String user, String unit, Tier tier, LocalDate since) {
		long id = rounds.as(user, () -> history.recordEarlier(unit, tier, SET, since, "1/QĐ-UBND", since, "Chủ tịch UBND tỉnh", null));
		return rounds.as(user, () -> history.get(id));
	}

	public List<Recognition> history(String user, String unit) {
		return rounds.as(user, () -> history.of(unit));
	}

	private static Object run(Runnable work) {
		work.run();
		return null;
	}
}
