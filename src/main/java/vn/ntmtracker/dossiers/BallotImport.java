package vn.ntmtracker.dossiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.HeavyWork;
import vn.ntmtracker.units.SearchKey;

/**
 * Imports one village's ballots from the workbook generated for it ({@link BallotWorkbook}): all or nothing — every
 * problem is named by sheet and cell ("Sheet Phiếu, ô D12: …") and nothing changes; an accepted file replaces the
 * village's ballots. At most two heavy parses run at once ({@link HeavyWork}).
 */
@Component
class BallotImport {

	/** What an accepted file did. */
	record Report(String villageCode, String villageName, int ballots) {
	}

	private final Dossiers dossiers;
	private final Surveys surveys;
	private final HeavyWork heavyWork;

	BallotImport(Dossiers dossiers, Surveys surveys, HeavyWork heavyWork) {
		this.dossiers = dossiers;
		this.surveys = surveys;
		this.heavyWork = heavyWork;
	}

	byte[] template(long dossierId, String villageCode) {
		Dossier dossier = dossiers.loadForBallots(dossierId);
		Map<String, String> villages = surveys.villages(dossier);
		if (!villages.containsKey(villageCode)) {
			throw DossierException.field("village", "dossier.ballot.unknownVillage", villageCode);
		}
		surveys.surveyStep(dossier).orElseThrow(() -> new DossierException("dossier.ballot.noSurvey"));
		return BallotWorkbook.template(dossier.id(), villageCode, villages.get(villageCode), dossiers.unitName(dossier), layout(dossier));
	}

	BallotWorkbook.Layout layout(Dossier dossier) {
		return new BallotWorkbook.Layout(dossier.procedure().satisfaction() != null && dossier.procedure().satisfaction().householdNames(),
				surveys.items(dossier));
	}

	/** The file of {@code villageCode}: decided on that village before the file is read; cell B2 must name it. */
	@Transactional
	public Report importFile(long dossierId, String villageCode, byte[] bytes) {
		Dossier dossier = dossiers.loadForBallots(dossierId);
		String village = villageCode == null ? "" : villageCode.strip();
		surveys.requireMayEnter(dossier, village);
		surveys.requireOpenSurvey(dossier);
		BallotWorkbook.Layout layout = layout(dossier);
		BallotWorkbook.Read read;
		try {
			read = heavyWork.run(() -> BallotWorkbook.read(bytes, layout.headers().size()));
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		String sheet = BallotWorkbook.SHEET;
		if (read.unreadableKey() != null) {
			throw new DossierException(List.of(DossierException.Problem.field("file", read.unreadableKey(), sheet, BallotWorkbook.MAX_ROWS)));
		}
		Map<String, String> villages = surveys.villages(dossier);
		List<DossierException.Problem> head = new ArrayList<>();
		if (!Long.toString(dossierId).equals(read.dossierCell().replaceAll("\\.0$", ""))) {
			head.add(DossierException.Problem.cell(sheet, "B1", "dossier.import.otherDossier", read.dossierCell(), dossierId));
		}
		if (!villages.containsKey(village)) {
			head.add(DossierException.Problem.field("village", "dossier.ballot.unknownVillage", village));
		}
		else if (!village.equals(read.villageCell())) {
			head.add(DossierException.Problem.cell(sheet, "B2", "dossier.import.otherVillage", read.villageCell(), villages.get(village)));
		}
		List<String> expected = layout.headers();
		for (int c = 0; c < expected.size(); c++) {
			if (!SearchKey.of(read.headers().get(c)).equals(SearchKey.of(expected.get(c)))) {
				head.add(DossierException.Problem.cell(sheet, BallotWorkbook.Layout.letter(c) + (BallotWorkbook.HEADER_ROW + 1),
						"dossier.import.header", expected.get(c), read.headers().get(c)));
			}
		}
		if (!head.isEmpty()) {
			throw new DossierException(head);
		}
		List<DossierException.Problem> problems = new ArrayList<>();
		List<Surveys.Ballot> ballots = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (BallotWorkbook.SheetRow row : read.rows()) {
			List<Boolean> answers = new ArrayList<>();
			List<DossierException.Problem> rowProblems = new ArrayList<>();
			for (int i = 0; i < layout.items().size(); i++) {
				String text = row.cell(layout.firstItem() + i);
				Boolean answer = BallotWorkbook.answer(text);
				if (answer == null && !text.isEmpty()) {
					rowProblems.add(DossierException.Problem.cell(sheet, BallotWorkbook.Layout.letter(layout.firstItem() + i) + row.number(),
							"dossier.import.answer", text));
				}
				answers.add(answer);
			}
			String overallText = row.cell(layout.overall());
			Boolean overall = BallotWorkbook.answer(overallText);
			if (overall == null && !overallText.isEmpty()) {
				rowProblems.add(DossierException.Problem.cell(sheet, BallotWorkbook.Layout.letter(layout.overall()) + row.number(),
						"dossier.import.answer", overallText));
			}
			Surveys.BallotInput input = new Surveys.BallotInput(village, row.cell(0), layout.names() ? row.cell(1) : null, answers,
					overall, row.cell(layout.proposal()));
			Surveys.Ballot ballot = surveys.ballot(dossier, input, rowProblems, (field, key, args) -> DossierException.Problem.cell(sheet,
					BallotWorkbook.Layout.letter(column(layout, field)) + row.number(), key, args));
			// An unreadable answer was already named by its text; its "missing" twin would say the same twice.
			rowProblems.removeIf(p -> p.key().equals("dossier.ballot.itemMissing") && rowProblems.stream()
				.anyMatch(q -> q.key().equals("dossier.import.answer") && q.cell().equals(p.cell())));
			rowProblems.removeIf(p -> p.key().equals("dossier.ballot.overallMissing") && rowProblems.stream()
				.anyMatch(q -> q.key().equals("dossier.import.answer") && q.cell().equals(p.cell())));
			Integer first = ballot.ref().isEmpty() ? null : seen.putIfAbsent(SearchKey.of(ballot.ref()), row.number());
			if (first != null) {
				rowProblems.add(DossierException.Problem.cell(sheet, "A" + row.number(), "dossier.import.duplicateRef", ballot.ref(), first));
			}
			problems.addAll(rowProblems);
			ballots.add(ballot);
		}
		if (read.rows().isEmpty()) {
			problems.add(DossierException.Problem.cell(sheet, "A" + (BallotWorkbook.FIRST_ROW + 1), "dossier.import.noRows"));
		}
		if (!problems.isEmpty()) {
			throw new DossierException(problems);
		}
		int count = surveys.replaceVillage(dossier, village, ballots);
		return new Report(village, villages.get(village), count);
	}

	/** The column a form field is typed in, for naming the cell of a problem found by the ballot's rules. */
	private static int column(BallotWorkbook.Layout layout, String field) {
		if (field.startsWith("item")) {
			int number = Integer.parseInt(field.substring(4));
			for (int i = 0; i < layout.items().size(); i++) {
				if (layout.items().get(i).number() == number) {
					return layout.firstItem() + i;
				}
			}
		}
		return switch (field) {
			case "householdName" -> layout.names() ? 1 : 0;
			case "overall" -> layout.overall();
			case "proposal" -> layout.proposal();
			default -> 0;
		};
	}
}
