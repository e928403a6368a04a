package vn.ntmtracker.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.ntmtracker.criteria.CriteriaCatalog;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.criteria.Indicator;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.UserAccounts;
import vn.ntmtracker.StartupTask;

/**
 * The seeds' stories as assessment rounds (profile demo), entered through the same service as users, by the
 * demo accounts that would do it: Cẩm Thạch 16/19 in 2021 and 19/19 in August 2022 (seed 001), Bản Bo 9/19 of the nâng cao set in
 * March 2023 (seed 003), Cẩm Quang 3/20 of Hà Tĩnh's nâng cao set in March 2024 (seed 002), and Cẩm Lương
 * falling back from 19/19 (seed 000).
 */
@Component
@Profile("demo")
@Order(30)
class AssessmentsDemoData implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(AssessmentsDemoData.class);
	private static final String EVIDENCE = "Số liệu minh họa (dữ liệu demo)";

	private final Assessments assessments;
	private final CriteriaCatalog catalog;
	private final UserAccounts accounts;
	private final JdbcClient jdbc;
	private final EvaluationEngine engine = new EvaluationEngine();

	/** Compiled plans follow the criteria cache across nodes ({@link vn.ntmtracker.ClusterEvents}). */
	@org.springframework.context.event.EventListener
	void on(vn.ntmtracker.CacheInvalidated event) {
		engine.forget(event);
	}

	AssessmentsDemoData(Assessments assessments, CriteriaCatalog catalog, UserAccounts accounts, JdbcClient jdbc) {
		this.assessments = assessments;
		this.catalog = catalog;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public void run() {
		if (jdbc.sql("select count(*) from assessment_round").query(Long.class).single() > 0) {
			return;
		}
		try {
			// Seed 001: "đạt 16/19 tiêu chí, tăng 01 tiêu chí so với năm 2020" yet "hoàn thành 05 tiêu chí còn
			// lại: 5, 6, 11, 15, 17". Both hold when 3 are chưa đạt and 2 are đạt but not yet sustainable.
			long camThach2020 = round("camthach", "TH-CAMTHACH", "QD1980-2016-XA-NTM", LocalDate.of(2020, 12, 31),
					RoundKind.YEAR_END, Set.of(5, 6, 17, 18), Map.of());
			signOff(camThach2020, "vpdp-thanhhoa", true);
			long camThach = round("camthach", "TH-CAMTHACH", "QD1980-2016-XA-NTM", LocalDate.of(2021, 12, 31),
					RoundKind.YEAR_END, Set.of(5, 6, 17), Map.of(11, "Tỷ lệ hộ nghèo vừa đạt ngưỡng, còn nhiều hộ cận nghèo (seed 001)",
							15, "Trạm y tế đạt chuẩn nhưng tỷ lệ tham gia BHYT chưa bền vững (seed 001)"));
			signOff(camThach, "vpdp-thanhhoa", true);
			// Seed 001's target reached: 19/19 of the 2021–2025 set by 31/8/2022, verified; Cẩm Thạch's recognition dossier
			// (module dossiers) is opened from it.
			long camThach2022 = round("camthach", "TH-CAMTHACH", "QD318-2022-XA-NTM", LocalDate.of(2022, 8, 31), RoundKind.SELF,
					Set.of(), Map.of());
			signOff(camThach2022, "vpdp-thanhhoa", false);

			// Seed 003: Bản Bo 9/19 of the 2021–2025 nâng cao set; unmet 1, 2, 5, 6, 10, 11, 14, 17, 18, 19.
			long banBo = round("banbo", "LC-BANBO", "QD318-2022-XA-NTM-NC", LocalDate.of(2023, 3, 31),
					RoundKind.VERIFICATION, Set.of(1, 2, 5, 6, 10, 11, 14, 17, 18, 19), Map.of());
			signOff(banBo, "admin", false);

			// Seed 002: Cẩm Quang "mới có 3/20 tiêu chí đạt chuẩn" of Hà Tĩnh's nâng cao set on 12/3/2024.
			// Which three is not said; 4, 8 and 19 are an illustration.
			long camQuang = round("camquang", "HT-CAMQUANG", "HT-2022-XA-NTM-NC", LocalDate.of(2024, 3, 12),
					RoundKind.VERIFICATION, allBut(catalog.current("HT-2022-XA-NTM-NC").orElseThrow(), Set.of(4, 8, 19)), Map.of());
			signOff(camQuang, "vpdp-hatinh", false);
			long camThinh = round("vpdp-hatinh", "HT-CAMTHINH", "HT-2022-XA-NTM-NC", LocalDate.of(2024, 3, 20),
					RoundKind.VERIFICATION, Set.of(2, 5, 6, 10, 14, 17, 18, 20), Map.of());
			signOff(camThinh, "admin", false);
			// Seed 004: villages 2–5 keep their khu dân cư kiểu mẫu, village 6 builds one; village 1 lags.
			for (int village = 1; village <= 6; village++) {
				round("camlinh", "HT-CAMLINH-T" + village, "HT-2022-KDC-NTM-KM", LocalDate.of(2023, 6, 15), RoundKind.SELF,
						village == 1 ? Set.of(4) : Set.of(), Map.of());
			}
			round("camlinh", "HT-CAMLINH", "HT-2022-XA-NTM-NC", LocalDate.of(2023, 6, 30), RoundKind.SELF,
					Set.of(1, 2, 5, 10, 17, 20), Map.of(6, "Nhà văn hóa thôn 4, thôn 5 xuống cấp (ví dụ)"));

			// Seed 000: Cẩm Lương, recognised, "nhiều chỉ tiêu, tiêu chí bị giảm không đạt" by April 2023.
			long camLuong2022 = round("camluong", "TH-CAMLUONG", "QD318-2022-XA-NTM", LocalDate.of(2022, 12, 31),
					RoundKind.YEAR_END, Set.of(), Map.of());
			signOff(camLuong2022, "vpdp-thanhhoa", true);
			long camLuong2023 = round("camluong", "TH-CAMLUONG", "QD318-2022-XA-NTM", LocalDate.of(2023, 4, 15),
					RoundKind.SELF, Set.of(9, 17), Map.of(13, "Hợp tác xã hoạt động cầm chừng (đạt còn non, seed 000)",
							18, "Một số tổ chức chưa hoàn thành tốt nhiệm vụ (đạt còn non, seed 000)"));
			signOff(camLuong2023, "vpdp-thanhhoa", false);
			log.info("Demo assessment rounds loaded");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static Set<Integer> allBut(CriteriaSetDefinition set, Set<Integer> achieved) {
		return set.criteria().stream().map(Criterion::number).filter(n -> !achieved.contains(n))
			.collect(java.util.stream.Collectors.toSet());
	}

	private long round(String username, String unitCode, String setCode, LocalDate asOf, RoundKind kind,
			Set<Integer> unmet, Map<Integer, String> basically) {
		actAs(username);
		CriteriaSetDefinition set = catalog.versionOn(setCode, asOf).orElseThrow();
		long id = assessments.open(unitCode, set.code(), set.version(), asOf, kind, null);
		EvaluationPlan plan = engine.plan(set, assessments.classification(unitCode, asOf), asOf.getYear());
		assessments.saveValues(id, values(set, plan, unmet), assessments.round(id).version());
		for (var flag : basically.entrySet()) {
			assessments.judge(id, flag.getKey(), true, null, flag.getValue(), assessments.round(id).version());
		}
		return id;
	}

	private void signOff(long id, String verifier, boolean appraise) {
		actAs(jdbc.sql("select created_by from assessment_round where id = :id").param("id", id).query(String.class).single());
		assessments.submit(id, assessments.round(id).version());
		actAs(verifier);
		assessments.verify(id, assessments.round(id).version());
		if (appraise) {
			assessments.appraise(id, assessments.round(id).version());
		}
	}

	private void actAs(String username) {
		CurrentUser user = accounts.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	/**
	 * Values for every indicator of the set that meet the thresholds in force, except the first indicator of each
	 * criterion in {@code unmet}, which misses its threshold: the round then achieves exactly the other criteria.
	 */
	static Map<String, ValueInput.Raw> values(CriteriaSetDefinition set, EvaluationPlan plan, Set<Integer> unmet) {
		Map<String, ValueInput.Raw> values = new LinkedHashMap<>();
		for (Criterion criterion : set.criteria()) {
			boolean first = true;
			for (Indicator indicator : criterion.indicators().stream().flatMap(Indicator::withParts).toList()) {
				boolean pass = !(unmet.contains(criterion.number()) && first);
				values.put(indicator.code(), new ValueInput.Raw(text(indicator, plan.threshold(indicator.code()), pass), EVIDENCE));
				first = false;
			}
		}
		return values;
	}

	/** A value that meets the threshold in force for the unit (or misses it), written as a person would type it. */
	static String text(Indicator indicator, ThresholdUsed threshold, boolean pass) {
		BigDecimal t = threshold == null ? null : threshold.value();
		return switch (indicator.kind()) {
			case BOOLEAN, TEXT_EVIDENCE -> pass ? "Đạt" : "Không đạt";
			case COUNT_MUST_BE_ZERO -> pass ? "0" : "3";
			case PERCENT_AT_LEAST -> {
				BigDecimal need = t == null ? BigDecimal.valueOf(100) : t;
				yield pass ? plain(need) : plain(need.subtract(BigDecimal.valueOf(15)).max(BigDecimal.ZERO));
			}
			case PERCENT_AT_MOST -> {
				BigDecimal limit = t == null ? BigDecimal.ZERO : t;
				yield pass ? plain(limit) : plain(limit.add(BigDecimal.valueOf(5)).min(BigDecimal.valueOf(100)));
			}
			case AMOUNT_AT_LEAST, AREA_PER_PERSON_AT_LEAST -> {
				BigDecimal need = t == null ? BigDecimal.ONE : t;
				yield pass ? plain(need.add(BigDecimal.ONE)) : plain(need.multiply(new BigDecimal("0.8")));
			}
		};
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString().replace('.', ',');
	}
}
