package vn.ntmtracker.dossiers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.ntmtracker.assessment.RoundKind;
import vn.ntmtracker.assessment.RoundStatus;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.criteria.ValidationError;

/**
 * Rules about a procedure's content, each problem with its key path: codes unique, every required condition defined,
 * every kind given the parameters its mechanism needs, a recognition ending in one decision, percentages in 0–100.
 */
final class ProcedureValidator {

	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9-]{1,62}");
	private static final java.util.regex.Pattern STEP_CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{1,38}");
	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private ProcedureValidator() {
	}

	static List<ValidationError> validate(Procedure p) {
		List<ValidationError> errors = new ArrayList<>();
		if (p.code() != null && !CODE.matcher(p.code()).matches()) {
			errors.add(new ValidationError("code", "use A-Z, 0-9 and '-' (e.g. QD18-2022-XA), got '" + p.code() + "'"));
		}
		if (p.version() < 1) {
			errors.add(new ValidationError("version", "must be 1 or more"));
		}
		if (p.validFrom() != null && p.validTo() != null && p.validTo().isBefore(p.validFrom())) {
			errors.add(new ValidationError("validTo", "before validFrom"));
		}
		Set<Integer> levels = new HashSet<>();
		p.tiers().forEach(t -> levels.add(t.unitLevel()));
		if (levels.size() > 1) {
			errors.add(new ValidationError("tiers", "all levels of one procedure must judge units of one kind (xã, thôn, huyện)"));
		}
		satisfaction(p, errors);
		Set<String> conditionCodes = new HashSet<>();
		Set<String> documentKinds = new HashSet<>();
		p.steps().forEach(s -> s.documents().forEach(d -> documentKinds.add(d.kind())));
		for (int i = 0; i < p.conditions().size(); i++) {
			Procedure.Condition c = p.conditions().get(i);
			String at = "conditions[" + i + "]";
			if (!conditionCodes.add(c.code())) {
				errors.add(new ValidationError(at + ".code", "duplicate condition '" + c.code() + "'"));
			}
			if (c.check() == CheckKind.DOCUMENT && (c.document() == null || !documentKinds.contains(c.document()))) {
				errors.add(new ValidationError(at + ".document", "a DOCUMENT check names the kind of a document some step attaches"
						+ (c.document() == null ? "" : "; no step has '" + c.document() + "'")));
			}
			if (c.check() == CheckKind.RECOGNITION && c.tier() == null) {
				errors.add(new ValidationError(at + ".tier", "a RECOGNITION check names the level the unit must already hold"));
			}
			if (c.check() == CheckKind.SATISFACTION && p.satisfaction() == null) {
				errors.add(new ValidationError(at + ".check", "SATISFACTION needs the satisfaction section"));
			}
			if (c.check() == CheckKind.REVOCATION_RULE && p.purpose() != Purpose.REVOCATION) {
				errors.add(new ValidationError(at + ".check", "REVOCATION_RULE belongs to a revocation procedure"));
			}
		}
		Set<String> stepCodes = new HashSet<>();
		int decisions = 0;
		boolean submitted = false;
		for (int i = 0; i < p.steps().size(); i++) {
			Procedure.Step s = p.steps().get(i);
			String at = "steps[" + i + "]";
			if (s.code() != null && !STEP_CODE.matcher(s.code()).matches()) {
				errors.add(new ValidationError(at + ".code", "use A-Z, 0-9 and '_' (e.g. PUBLIC_POSTING), got '" + s.code() + "'"));
			}
			if (s.code() != null && !stepCodes.add(s.code())) {
				errors.add(new ValidationError(at + ".code", "duplicate step '" + s.code() + "'"));
			}
			for (int r = 0; r < s.requires().size(); r++) {
				if (!conditionCodes.contains(s.requires().get(r))) {
					errors.add(new ValidationError(at + ".requires[" + r + "]", "unknown condition '" + s.requires().get(r) + "'"));
				}
			}
			Set<String> kinds = new HashSet<>();
			for (int d = 0; d < s.documents().size(); d++) {
				if (!kinds.add(s.documents().get(d).kind())) {
					errors.add(new ValidationError(at + ".documents[" + d + "].kind", "duplicate document kind '" + s.documents().get(d).kind() + "'"));
				}
			}
			if (s.deadline() != null && (s.deadline().days() < 0 || s.deadline().days() > 366)) {
				errors.add(new ValidationError(at + ".deadline.days", "must be 0–366"));
			}
			if (s.kind() == null) {
				continue;
			}
			switch (s.kind()) {
				case POSTING -> {
					if (s.postingDays() == null || s.postingDays() < 1) {
						errors.add(new ValidationError(at + ".postingDays", "a POSTING step says how many days the report stays posted"));
					}
					if (s.minReadings() == null || s.minReadings() < 0) {
						errors.add(new ValidationError(at + ".minReadings", "a POSTING step says how many loudspeaker readings it needs (0 for none)"));
					}
				}
				case MEETING, COUNCIL -> percent(at + ".approvalPercent", s.approvalPercent(), true, errors);
				case SURVEY -> {
					if (p.satisfaction() == null) {
						errors.add(new ValidationError(at + ".kind", "a SURVEY step needs the satisfaction section"));
					}
				}
				case SUBMISSION -> {
					submitted = true;
					if (s.roundKind() != RoundKind.VERIFICATION && s.roundKind() != RoundKind.APPRAISAL) {
						errors.add(new ValidationError(at + ".roundKind", "a SUBMISSION opens the dossier's round: VERIFICATION or APPRAISAL"));
					}
				}
				case APPRAISAL -> {
					if (!submitted) {
						errors.add(new ValidationError(at + ".kind", "an APPRAISAL step comes after a SUBMISSION (it works on the round the submission opens)"));
					}
					if (s.roundStatus() != RoundStatus.VERIFIED && s.roundStatus() != RoundStatus.APPRAISED) {
						errors.add(new ValidationError(at + ".roundStatus", "an APPRAISAL step waits for VERIFIED or APPRAISED"));
					}
				}
				case DECISION -> {
					decisions++;
					if (s.side() != Side.LEVEL_ABOVE) {
						errors.add(new ValidationError(at + ".side", "a decision is taken by the level above"));
					}
				}
				default -> {
				}
			}
		}
		if (p.steps().isEmpty()) {
			errors.add(new ValidationError("steps", "a procedure has at least one step"));
		}
		if (decisions != 1) {
			errors.add(new ValidationError("steps", "exactly one DECISION step (found " + decisions + ")"));
		}
		if (p.purpose() == Purpose.REVOCATION && p.conditions().stream().noneMatch(c -> c.check() == CheckKind.REVOCATION_RULE)) {
			errors.add(new ValidationError("conditions", "a revocation procedure checks the revocation rule (check: REVOCATION_RULE)"));
		}
		if (p.tiers().contains(Tier.HUYEN_NTM) && p.purpose() == Purpose.REVOCATION) {
			errors.add(new ValidationError("tiers", "district revocation (share of communes revoked) is not supported yet"));
		}
		return errors;
	}

	private static void satisfaction(Procedure p, List<ValidationError> errors) {
		if (p.satisfaction() == null) {
			return;
		}
		percent("satisfaction.overallAtLeast", p.satisfaction().overallAtLeast(), false, errors);
		percent("satisfaction.perItemAtLeast", p.satisfaction().perItemAtLeast(), false, errors);
		percent("satisfaction.minParticipation", p.satisfaction().minParticipation(), false, errors);
		if (p.satisfaction().overallAtLeast() == null && p.satisfaction().perItemAtLeast() == null) {
			errors.add(new ValidationError("satisfaction", "give overallAtLeast or perItemAtLeast"));
		}
	}

	private static void percent(String at, BigDecimal value, boolean required, List<ValidationError> errors) {
		if (value == null) {
			if (required) {
				errors.add(new ValidationError(at, "missing: a percentage 0–100"));
			}
			return;
		}
		if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
			errors.add(new ValidationError(at, "a percentage 0–100, got " + value.toPlainString()));
		}
	}
}
