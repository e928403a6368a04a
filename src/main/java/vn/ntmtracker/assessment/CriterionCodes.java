package vn.ntmtracker.assessment;

import java.util.ArrayList;
import java.util.List;

import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.criteria.SetRef;

/**
 * A round's criterion results as one letter each, in set order, stored on the round ({@code statuses}): lists and
 * the overview read one column instead of a row per criterion, and a result can be rebuilt from it with the set.
 * Đạt: D plain, B cơ bản đạt, O by a person's override, P tạm tính. Chưa đạt: C plain, M values missing,
 * X by a person's override, Q tạm tính.
 */
final class CriterionCodes {

	private CriterionCodes() {
	}

	static String encode(Evaluation evaluation) {
		StringBuilder codes = new StringBuilder(evaluation.criteria().size());
		for (CriterionResult c : evaluation.criteria()) {
			codes.append(code(c));
		}
		return codes.toString();
	}

	static char code(CriterionResult c) {
		if (c.achieved()) {
			return c.overridden() ? 'O' : c.basicallyAchieved() ? 'B' : c.provisional() ? 'P' : 'D';
		}
		return c.overridden() ? 'X' : c.incomplete() ? 'M' : c.provisional() ? 'Q' : 'C';
	}

	static boolean achieved(char code) {
		return code == 'D' || code == 'B' || code == 'O' || code == 'P';
	}

	/**
	 * The evaluation the codes stand for, without indicator detail: enough to compare rounds and judge revocation. A
	 * string shorter than the set (a round stored before a criterion existed) counts the rest as chưa đạt.
	 */
	static Evaluation decode(CriteriaSetDefinition set, String codes, int year) {
		List<CriterionResult> results = new ArrayList<>(set.criteria().size());
		int achieved = 0;
		boolean incomplete = false;
		for (int i = 0; i < set.criteria().size(); i++) {
			Criterion criterion = set.criteria().get(i);
			char code = codes != null && i < codes.length() ? codes.charAt(i) : 'M';
			boolean ok = achieved(code);
			achieved += ok ? 1 : 0;
			incomplete |= code == 'M';
			CriterionStatus status = ok ? CriterionStatus.DAT : CriterionStatus.CHUA_DAT;
			results.add(new CriterionResult(criterion.number(), criterion.name(), criterion.criticalForRevocation(), status, status, code == 'M',
					code == 'O' || code == 'X', null, code == 'B', null, List.of(), code == 'P' || code == 'Q'));
		}
		return new Evaluation(new SetRef(set.code(), set.version()), null, year, results, List.of(), achieved, results.size(),
				incomplete, List.of());
	}
}
