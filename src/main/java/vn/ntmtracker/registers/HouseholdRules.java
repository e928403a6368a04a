package vn.ntmtracker.registers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import vn.ntmtracker.units.SearchKey;

/**
 * What a household entry must satisfy, whether typed in a form or read from a sheet. Pure: the same problems, with
 * field names, for both; the import maps the fields to its columns.
 * <ul>
 * <li>Multidimensional standard (Nghị định 07/2021/NĐ-CP, Điều 3, criteria-facts §11 [R]): among households under the
 * income line, a poor household lacks 3 or more of the 12 service indicators and a near-poor one fewer than 3. Income
 * is not kept here, so the rule applies only when deprivations are recorded.</li>
 * <li>Practice of the yearly review: "thoát nghèo" is recorded for a household that was poor or near-poor the year
 * before; it cannot follow a year recorded as not poor.</li>
 * <li>Insured members cannot exceed members; a household has 1–50 members (a larger figure is a typing error).</li>
 * <li>Identity numbers are 12 digits (căn cước) or 9 (old identity card); text is NFC with length limits.</li>
 * </ul>
 */
final class HouseholdRules {

	static final int MAX_MEMBERS = 50;
	static final int CODE_LENGTH = 40;
	static final int NAME_LENGTH = 120;
	static final int ADDRESS_LENGTH = 200;
	static final int CADRE_LENGTH = 120;
	static final int NOTE_LENGTH = 500;

	private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._/-]+");
	private static final Pattern ID_NUMBER = Pattern.compile("\\d{9}|\\d{12}");

	private HouseholdRules() {
	}

	/** The identity as it will be stored (NFC, collapsed spaces, blanks as null) or the problems found. */
	static HouseholdIdentity clean(HouseholdIdentity raw, List<Problem> problems) {
		String code = SearchKey.clean(raw.code());
		if (code == null || code.isEmpty()) {
			problems.add(Problem.field("code", "household.error.codeMissing"));
		}
		else if (code.length() > CODE_LENGTH || !CODE.matcher(code).matches()) {
			problems.add(Problem.field("code", "household.error.code", code, CODE_LENGTH));
		}
		String name = limited("headName", raw.headName(), NAME_LENGTH, problems);
		String idNumber = blankToNull(SearchKey.clean(raw.idNumber()));
		if (idNumber != null) {
			idNumber = idNumber.replace(" ", "");
			if (!ID_NUMBER.matcher(idNumber).matches()) {
				problems.add(Problem.field("idNumber", "household.error.idNumber"));
			}
		}
		String address = limited("address", raw.address(), ADDRESS_LENGTH, problems);
		return new HouseholdIdentity(raw.villageCode(), code, name, idNumber, address);
	}

	/**
	 * The problems of one year's entry. {@code previous} is the household's status the year before, null when that year
	 * was not recorded.
	 */
	static List<Problem> check(HouseholdYear entry, PovertyStatus previous, int latestYear) {
		List<Problem> problems = new ArrayList<>();
		if (entry.year() < 2000 || entry.year() > latestYear) {
			problems.add(Problem.field("year", "household.error.year", entry.year(), latestYear));
		}
		if (entry.status() == null) {
			problems.add(Problem.field("status", "household.error.statusMissing"));
		}
		if (entry.members() < 1 || entry.members() > MAX_MEMBERS) {
			problems.add(Problem.field("members", "household.error.members", entry.members(), MAX_MEMBERS));
		}
		if (entry.insuredMembers() < 0) {
			problems.add(Problem.field("insuredMembers", "household.error.insuredNegative", entry.insuredMembers()));
		}
		else if (entry.insuredMembers() > entry.members() && entry.members() >= 1) {
			problems.add(Problem.field("insuredMembers", "household.error.insuredAboveMembers", entry.insuredMembers(), entry.members()));
		}
		int lacking = entry.deprivations().size();
		if (lacking > 0 && entry.status() == PovertyStatus.NGHEO && lacking < 3) {
			problems.add(Problem.field("deprivations", "household.error.poorNeedsThree", lacking));
		}
		if (entry.status() == PovertyStatus.CAN_NGHEO && lacking >= 3) {
			problems.add(Problem.field("deprivations", "household.error.nearPoorBelowThree", lacking));
		}
		if (entry.status() == PovertyStatus.THOAT_NGHEO && previous != null && previous != PovertyStatus.NGHEO
				&& previous != PovertyStatus.CAN_NGHEO) {
			problems.add(Problem.field("status", "household.error.leftWithoutBeingPoor", entry.year() - 1));
		}
		if (entry.cadre() != null && entry.cadre().length() > CADRE_LENGTH) {
			problems.add(Problem.field("cadre", "register.error.tooLong", CADRE_LENGTH));
		}
		if (entry.note() != null && entry.note().length() > NOTE_LENGTH) {
			problems.add(Problem.field("note", "register.error.tooLong", NOTE_LENGTH));
		}
		return problems;
	}

	/** The entry with its free text cleaned (NFC, collapsed spaces, blank as null). */
	static HouseholdYear clean(HouseholdYear entry) {
		return new HouseholdYear(entry.year(), entry.status(), entry.members(), entry.insuredMembers(),
				entry.housingStandard(), entry.cleanWater(), entry.deprivations(), blankToNull(SearchKey.clean(entry.cadre())),
				blankToNull(SearchKey.clean(entry.note())));
	}

	private static String limited(String field, String text, int max, List<Problem> problems) {
		String clean = blankToNull(SearchKey.clean(text));
		if (clean != null && clean.length() > max) {
			problems.add(Problem.field(field, "register.error.tooLong", max));
		}
		return clean;
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
