package vn.ntmtracker.registers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.StartupTask;
import vn.ntmtracker.assessment.AssessmentRound;
import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.security.CurrentUser;
import vn.ntmtracker.security.UserAccounts;

/**
 * The registers behind the seeds (profile demo), generated and marked as demo — no real household, no real name:
 * <ul>
 * <li>Cẩm Lĩnh (seed 004): 1.200 households in its six villages reviewed for 2022–2024, poor 27 → 18 → 12
 * (2,25 % → 1,5 % → 1 %), near-poor 42 → 36 → 30, with households leaving poverty, falling back and new;</li>
 * <li>Cẩm Lĩnh's criterion 20: khu dân cư NTM kiểu mẫu recognised in villages 2–5 before 2023 and in village 6 at the
 * end of 2023 (seed 004: "xây dựng khu dân cư NTM kiểu mẫu thôn 6", villages 2–5 "tu sửa, nâng cấp"), and 12 vườn mẫu;</li>
 * <li>Cẩm Quang (seed 002): two OCOP products certified after the notice of 12/3/2024, the cooperative Như Gia's
 * 3-star product it asked for and one 4-star product.</li>
 * </ul>
 * Then Cẩm Lĩnh's 2023 nâng cao round takes its poverty, insurance and criterion 20 indicators from the registers,
 * entered as the commune officer would, keeping the judgements of the demo round: the stored value of indicator 11.1
 * is what computing it from the household register gives, with the computation as its evidence.
 */
@Component
@Profile("demo")
@Order(50)
class RegistersDemoData implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(RegistersDemoData.class);
	static final String COMMUNE = "HT-CAMLINH";
	static final int[] VILLAGE_SIZES = { 180, 210, 195, 230, 200, 185 };
	static final LocalDate ROUND_DATE = LocalDate.of(2023, 6, 30);

	private final HouseholdStore store;
	private final OcopProducts ocop;
	private final ModelAreas modelAreas;
	private final RegisterIndicators indicators;
	private final Assessments assessments;
	private final UserAccounts accounts;
	private final RegisterAudit audit;
	private final JdbcClient jdbc;

	RegistersDemoData(HouseholdStore store, OcopProducts ocop, ModelAreas modelAreas, RegisterIndicators indicators,
			Assessments assessments, UserAccounts accounts, RegisterAudit audit, JdbcClient jdbc) {
		this.store = store;
		this.ocop = ocop;
		this.modelAreas = modelAreas;
		this.indicators = indicators;
		this.assessments = assessments;
		this.accounts = accounts;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@Override
	public void run() {
		if (jdbc.sql("select count(*) from household where demo").query(Long.class).single() > 0) {
			return;
		}
		try {
			actAs("camlinh");
			households();
			modelAreas();
			fillRound();
			actAs("camquang");
			ocop.create("HT-CAMQUANG", "Gạo hữu cơ Như Gia (dữ liệu demo)", "HTX Như Gia", OcopProducts.OwnerKind.COOPERATIVE,
					OcopCategory.THUC_PHAM, "DEMO-OCOP-2024-017", LocalDate.of(2024, 10, 25), 3, true);
			ocop.create("HT-CAMQUANG", "Mật ong hoa keo (dữ liệu demo)", "Cơ sở sản xuất minh họa", OcopProducts.OwnerKind.HOUSEHOLD,
					OcopCategory.THUC_PHAM, "DEMO-OCOP-2024-009", LocalDate.of(2024, 6, 20), 4, true);
			log.info("Demo registers loaded");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** Three yearly reviews of 1.200 generated households, with exact totals and every move the change view shows. */
	private void households() {
		Random random = new Random(2023);
		List<HouseholdIdentity> identities = new ArrayList<>();
		for (int v = 0; v < VILLAGE_SIZES.length; v++) {
			for (int h = 1; h <= VILLAGE_SIZES[v]; h++) {
				String code = "T" + (v + 1) + "-" + String.format("%03d", h);
				identities.add(new HouseholdIdentity(COMMUNE + "-T" + (v + 1), code, "Chủ hộ minh họa " + code, null,
						"Thôn " + (v + 1) + ", xã Cẩm Lĩnh (dữ liệu demo)"));
			}
		}
		int n = identities.size();
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		Collections.shuffle(order, random);
		Map<Integer, PovertyStatus> y22 = new HashMap<>();
		Map<Integer, PovertyStatus> y23 = new HashMap<>();
		Map<Integer, PovertyStatus> y24 = new HashMap<>();
		List<Integer> poor22 = order.subList(0, 27);
		List<Integer> near22 = order.subList(27, 69);
		List<Integer> rest = order.subList(69, n);
		poor22.forEach(i -> y22.put(i, PovertyStatus.NGHEO));
		near22.forEach(i -> y22.put(i, PovertyStatus.CAN_NGHEO));
		// 2023: 13 stay poor, 14 leave; 3 near-poor fall back, 2 new poor (18); 30 stay near-poor, 9 leave, 6 new (36).
		poor22.subList(0, 13).forEach(i -> y23.put(i, PovertyStatus.NGHEO));
		poor22.subList(13, 27).forEach(i -> y23.put(i, PovertyStatus.THOAT_NGHEO));
		near22.subList(0, 3).forEach(i -> y23.put(i, PovertyStatus.NGHEO));
		rest.subList(0, 2).forEach(i -> y23.put(i, PovertyStatus.NGHEO));
		near22.subList(3, 33).forEach(i -> y23.put(i, PovertyStatus.CAN_NGHEO));
		near22.subList(33, 42).forEach(i -> y23.put(i, PovertyStatus.THOAT_NGHEO));
		rest.subList(2, 8).forEach(i -> y23.put(i, PovertyStatus.CAN_NGHEO));
		List<Integer> poor23 = order.stream().filter(i -> y23.get(i) == PovertyStatus.NGHEO).toList();
		List<Integer> near23 = order.stream().filter(i -> y23.get(i) == PovertyStatus.CAN_NGHEO).toList();
		// 2024: 10 stay poor, 8 leave; 2 near-poor fall back (12); 26 stay near-poor, 8 leave, 4 new (30).
		poor23.subList(0, 10).forEach(i -> y24.put(i, PovertyStatus.NGHEO));
		poor23.subList(10, 18).forEach(i -> y24.put(i, PovertyStatus.THOAT_NGHEO));
		near23.subList(0, 2).forEach(i -> y24.put(i, PovertyStatus.NGHEO));
		near23.subList(2, 28).forEach(i -> y24.put(i, PovertyStatus.CAN_NGHEO));
		near23.subList(28, 36).forEach(i -> y24.put(i, PovertyStatus.THOAT_NGHEO));
		rest.subList(8, 12).forEach(i -> y24.put(i, PovertyStatus.CAN_NGHEO));

		Map<String, Long> ids = store.insertAll(identities, true, "camlinh");
		int[] members = new int[n];
		for (int i = 0; i < n; i++) {
			members[i] = 1 + random.nextInt(6);
		}
		String[] cadres = { "Cán bộ minh họa 1", "Cán bộ minh họa 2", "Cán bộ minh họa 3", "Cán bộ minh họa 4" };
		for (int year = 2022; year <= 2024; year++) {
			Map<Integer, PovertyStatus> statuses = year == 2022 ? y22 : year == 2023 ? y23 : y24;
			Map<Long, HouseholdYear> entries = new LinkedHashMap<>();
			for (int i = 0; i < n; i++) {
				PovertyStatus status = statuses.getOrDefault(i, PovertyStatus.KHONG);
				boolean assisted = status == PovertyStatus.NGHEO || status == PovertyStatus.CAN_NGHEO;
				int insured = assisted ? members[i] : Math.max(0, members[i] - (random.nextInt(10) == 0 ? 1 : 0));
				Set<Deprivation> lacking = EnumSet.noneOf(Deprivation.class);
				int lack = status == PovertyStatus.NGHEO ? 3 + random.nextInt(3) : status == PovertyStatus.CAN_NGHEO ? 1 + random.nextInt(2) : 0;
				while (lacking.size() < lack) {
					Deprivation d = Deprivation.values()[random.nextInt(Deprivation.values().length)];
					if (d != Deprivation.BAO_HIEM_Y_TE) {
						lacking.add(d);
					}
				}
				HouseholdIdentity identity = identities.get(i);
				entries.put(ids.get(HouseholdStore.key(identity.villageCode(), identity.code())), new HouseholdYear(year, status,
						members[i], insured, status == PovertyStatus.NGHEO ? random.nextInt(10) < 6 : random.nextInt(100) < 96,
						random.nextInt(100) < 97, lacking, assisted ? cadres[i % cadres.length] : null,
						assisted ? "Dữ liệu demo" : null));
			}
			store.upsertYears(entries, null, "camlinh");
		}
		audit.record(Action.CREATE, "household_import", "demo", COMMUNE, null, Map.of("demo", true, "households", n,
				"years", "2022–2024"));
	}

	private void modelAreas() {
		String[][] areas = { { "2", "2019-12-20" }, { "3", "2020-11-25" }, { "4", "2021-12-15" }, { "5", "2022-10-28" },
				{ "6", "2023-12-22" } };
		for (String[] area : areas) {
			LocalDate on = LocalDate.parse(area[1]);
			modelAreas.create(COMMUNE + "-T" + area[0], ModelAreas.Kind.RESIDENTIAL_AREA, "Khu dân cư NTM kiểu mẫu thôn " + area[0],
					on.getYear() >= 2022 ? "HT-2022-KDC-NTM-KM" : null, "Số QĐ minh họa " + area[0] + "/" + on.getYear() + " (demo)",
					on, "Dữ liệu demo", true);
		}
		String[][] gardens = { { "2", "2019-06-10" }, { "2", "2020-06-12" }, { "3", "2020-09-01" }, { "3", "2021-05-20" },
				{ "4", "2021-08-15" }, { "4", "2021-11-30" }, { "5", "2022-03-18" }, { "5", "2022-07-22" }, { "6", "2022-12-05" },
				{ "1", "2023-04-14" }, { "6", "2023-09-08" }, { "1", "2023-11-17" } };
		for (int g = 0; g < gardens.length; g++) {
			LocalDate on = LocalDate.parse(gardens[g][1]);
			modelAreas.create(COMMUNE + "-T" + gardens[g][0], ModelAreas.Kind.GARDEN,
					"Vườn mẫu minh họa số " + String.format("%02d", g + 1) + " (thôn " + gardens[g][0] + ")", null,
					"Số QĐ minh họa V" + (g + 1) + "/" + on.getYear() + " (demo)", on, "Dữ liệu demo", true);
		}
	}

	/** Cẩm Lĩnh's 2023 nâng cao round (AssessmentsDemoData) takes its register-bound indicators from the registers. */
	private void fillRound() {
		AssessmentRound round = assessments.rounds(COMMUNE).stream()
			.filter(r -> r.setCode().equals("HT-2022-XA-NTM-NC") && r.asOf().equals(ROUND_DATE)).findFirst().orElse(null);
		if (round == null || !round.status().editable()) {
			log.warn("Cẩm Lĩnh's demo round of 30/6/2023 is missing or signed off; its indicators stay typed");
			return;
		}
		for (String indicator : List.of("11.1", "14.1", "20.1", "20.2")) {
			indicators.fill(round.id(), indicator, assessments.round(round.id()).version(), null, null, null);
		}
	}

	private void actAs(String username) {
		CurrentUser user = accounts.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}
}
