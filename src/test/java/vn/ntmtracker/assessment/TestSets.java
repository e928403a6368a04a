package vn.ntmtracker.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.ntmtracker.criteria.CommuneGroup;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.CriteriaSetFiles;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.criteria.Indicator;
import vn.ntmtracker.criteria.LegalBasis;
import vn.ntmtracker.criteria.Provenance;
import vn.ntmtracker.criteria.Region;
import vn.ntmtracker.criteria.Scope;
import vn.ntmtracker.criteria.SetStatus;
import vn.ntmtracker.criteria.Threshold;
import vn.ntmtracker.criteria.ThresholdKeying;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.criteria.ValueKind;

/** Small sets built in code, one indicator of each kind, and the shipped sets. */
final class TestSets {

	static final Provenance P = new Provenance("test", vn.ntmtracker.criteria.Verification.PROVISIONAL, null);

	private static List<CriteriaSetFiles.LoadedSet> shipped;

	private TestSets() {
	}

	static synchronized CriteriaSetDefinition shipped(String code) {
		if (shipped == null) {
			shipped = CriteriaSetFiles.loadAll();
		}
		return shipped.stream().map(CriteriaSetFiles.LoadedSet::definition).filter(s -> s.code().equals(code))
			.findFirst().orElseThrow();
	}

	static Threshold t(Region region, Integer year, String value) {
		return new Threshold(region, null, year, new BigDecimal(value), P);
	}

	static Threshold g(CommuneGroup group, String value) {
		return new Threshold(null, group, null, new BigDecimal(value), P);
	}

	static Indicator indicator(String code, ValueKind kind, boolean notApplicable, Threshold... thresholds) {
		return new Indicator(code, "Chỉ tiêu " + code, kind, kind.needsUnit() ? "đơn vị" : null, notApplicable, null, P,
				List.of(thresholds));
	}

	static Criterion criterion(int number, boolean critical, Indicator... indicators) {
		return new Criterion(number, "Tiêu chí " + number, null, critical, critical ? "QĐ 18/2022 (test)" : null, P,
				List.of(indicators));
	}

	static CriteriaSetDefinition set(ThresholdKeying keying, Criterion... criteria) {
		return new CriteriaSetDefinition("TEST-XA", 1, "Thử nghiệm", new LegalBasis("1/TEST", null, "test", null),
				Tier.XA_NTM, Scope.NATIONAL, null, LocalDate.of(2021, 1, 1), null, SetStatus.DRAFT, keying, null, null,
				List.of(), List.of(criteria), List.of());
	}

	/**
	 * 1: 1.1 yes/no, 1.2 percent ≥ 70 (TN 50). 2 (critical): income by region and year, 2021: 40 (DNB 60), 2022: 45
	 * (DNB 65). 3: 3.1 percent ≤ 5, 3.2 count must be zero, 3.3 area ≥ 2, 3.4 text evidence, 3.5 yes/no "(nếu có)".
	 */
	static CriteriaSetDefinition everyKind() {
		return set(ThresholdKeying.REGION,
				criterion(1, false, indicator("1.1", ValueKind.BOOLEAN, false),
						indicator("1.2", ValueKind.PERCENT_AT_LEAST, false, t(null, null, "70"), t(Region.TN, null, "50"))),
				criterion(2, true, indicator("2", ValueKind.AMOUNT_AT_LEAST, false, t(null, 2021, "40"),
						t(Region.DNB, 2021, "60"), t(null, 2022, "45"), t(Region.DNB, 2022, "65"))),
				criterion(3, false, indicator("3.1", ValueKind.PERCENT_AT_MOST, false, t(null, null, "5")),
						indicator("3.2", ValueKind.COUNT_MUST_BE_ZERO, false),
						indicator("3.3", ValueKind.AREA_PER_PERSON_AT_LEAST, false, t(null, null, "2")),
						indicator("3.4", ValueKind.TEXT_EVIDENCE, false),
						indicator("3.5", ValueKind.BOOLEAN, true)));
	}

	/** A set of {@code size} one-indicator yes/no criteria; criterion 1 is critical. */
	static CriteriaSetDefinition yesNo(int size) {
		List<Criterion> criteria = new ArrayList<>();
		for (int n = 1; n <= size; n++) {
			criteria.add(criterion(n, n == 1, indicator(String.valueOf(n), ValueKind.BOOLEAN, false)));
		}
		return set(ThresholdKeying.NONE, criteria.toArray(Criterion[]::new));
	}

}
