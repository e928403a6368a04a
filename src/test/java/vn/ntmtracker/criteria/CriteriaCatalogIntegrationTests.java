package vn.ntmtracker.criteria;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.ntmtracker.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CriteriaCatalogIntegrationTests {

	@Autowired
	CriteriaCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void shipsEverySetWithItsCounts() {
		Map<String, CriteriaCatalog.SetSummary> sets = catalog.list().stream()
			.collect(Collectors.toMap(CriteriaCatalog.SetSummary::code, s -> s, (a, b) -> a));
		assertThat(sets).containsKeys("QD1980-2016-XA-NTM", "QD318-2022-XA-NTM", "QD318-2022-XA-NTM-NC",
				"QD319-2022-XA-NTM-KM", "QD320-2022-HUYEN-NTM", "QD51-2025-XA-NTM");
		assertThat(sets.get("QD1980-2016-XA-NTM")).extracting(CriteriaCatalog.SetSummary::criteriaCount,
				CriteriaCatalog.SetSummary::indicatorCount).containsExactly(19, 49);
		assertThat(sets.get("QD318-2022-XA-NTM")).extracting(CriteriaCatalog.SetSummary::criteriaCount,
				CriteriaCatalog.SetSummary::indicatorCount).containsExactly(19, 57);
		assertThat(sets.get("QD318-2022-XA-NTM-NC").criteriaCount()).isEqualTo(19);
		assertThat(sets.get("QD320-2022-HUYEN-NTM").criteriaCount()).isEqualTo(9);
		assertThat(sets.get("QD51-2025-XA-NTM").criteriaCount()).isEqualTo(10);
		assertThat(sets.values()).anySatisfy(s -> assertThat(s.criteriaCount()).isEqualTo(20));
		assertThat(sets.values()).anySatisfy(s -> assertThat(s.tier()).isIn(Tier.THON_NTM, Tier.KDC_NTM_KIEU_MAU));
	}

	@Test
	void loadingTheFilesAgainChangesNothing() {
		long before = jdbc.sql("select count(*) from criteria_set_version").query(Long.class).single();
		catalog.loadFiles();
		assertThat(jdbc.sql("select count(*) from criteria_set_version").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aPublishedVersionWhoseFileChangedStopsTheLoad() {
		String hash = jdbc.sql("select content_hash from criteria_set_version where code = 'QD318-2022-XA-NTM' and version = 1")
			.query(String.class).single();
		jdbc.sql("update criteria_set_version set content_hash = 'sha256:tampered' where code = 'QD318-2022-XA-NTM' and version = 1").update();
		try {
			assertThatThrownBy(catalog::loadFiles).isInstanceOf(CriteriaFileException.class)
				.hasMessageContaining("qd318-2022-xa-ntm.yaml")
				.hasMessageContaining("new version");
		}
		finally {
			jdbc.sql("update criteria_set_version set content_hash = :hash where code = 'QD318-2022-XA-NTM' and version = 1")
				.param("hash", hash).update();
		}
	}

	@Test
	void apiKeepsCriterionNumbersPinnedToTheirSet() throws Exception {
		mvc.perform(get("/api/criteria-sets").with(httpBasic("camquang", "ntm-demo"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'QD318-2022-XA-NTM' && @.version == 1)].criteriaCount").value(19))
			.andExpect(jsonPath("$[?(@.code == 'QD318-2022-XA-NTM' && @.version == 2)].indicatorCount").value(57));
		mvc.perform(get("/api/criteria-sets/QD318-2022-XA-NTM").with(httpBasic("camquang", "ntm-demo")))
			.andExpect(jsonPath("$.criteria[?(@.number == 15)].name").value("Y tế"));
		mvc.perform(get("/api/criteria-sets/QD318-2022-XA-NTM-NC").with(httpBasic("camquang", "ntm-demo")))
			.andExpect(jsonPath("$.criteria[?(@.number == 14)].name").value("Y tế"))
			.andExpect(jsonPath("$.criteria[?(@.number == 17)].name").value("Môi trường"));
		mvc.perform(get("/api/criteria-sets/NOPE").with(httpBasic("camquang", "ntm-demo"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/criteria-sets")).andExpect(status().isUnauthorized());
	}

	@Test
	void draftsAreValidatedLockedOptimisticallyAndFrozenOncePublished() {
		SetRef draft = catalog.derive("QD318-2022-XA-NTM-NC", 1, "IT-NC-DRAFT", "38", "Thanh Hóa", "Thử nghiệm");
		CriteriaCatalog.StoredVersion stored = catalog.stored(draft.code(), draft.version()).orElseThrow();
		assertThat(stored.status()).isEqualTo(SetStatus.DRAFT);
		assertThat(stored.definition().derivedFrom()).isEqualTo(new SetRef("QD318-2022-XA-NTM-NC", 1));
		assertThat(stored.definition().scope().provinceName()).isEqualTo("Thanh Hóa");
		assertThat(stored.sourceYaml()).contains("validFrom: 2022").doesNotContain("T00:00:00");

		String renamed = stored.sourceYaml().replaceFirst("name: Y tế", "name: Y tế và dân số");
		assertThat(renamed).isNotEqualTo(stored.sourceYaml());
		assertThat(catalog.saveDraft(draft.code(), draft.version(), renamed, stored.rowVersion())).isEmpty();
		assertThatThrownBy(() -> catalog.saveDraft(draft.code(), draft.version(), renamed, stored.rowVersion()))
			.isInstanceOf(ConcurrentEditException.class);

		int rowVersion = catalog.stored(draft.code(), draft.version()).orElseThrow().rowVersion();
		List<ValidationError> errors = catalog.saveDraft(draft.code(), draft.version(),
				renamed.replaceFirst("kind: TEXT_EVIDENCE", "kind: PERCENT_SOMETIMES"), rowVersion);
		assertThat(errors).isNotEmpty();
		assertThat(errors.get(0).message()).contains("PERCENT_SOMETIMES");
		assertThat(catalog.definition(draft.code(), draft.version()).criterion(14)).get()
			.extracting(Criterion::name).isEqualTo("Y tế và dân số");

		assertThat(catalog.publish(draft.code(), draft.version(), rowVersion)).isEmpty();
		assertThat(catalog.stored(draft.code(), draft.version()).orElseThrow().status()).isEqualTo(SetStatus.PUBLISHED);
		assertThatThrownBy(() -> catalog.saveDraft(draft.code(), draft.version(), renamed, rowVersion + 1))
			.isInstanceOf(CriteriaEditException.class);
		assertThat(catalog.diff("QD318-2022-XA-NTM-NC", 1, draft.code(), draft.version()))
			.anySatisfy(change -> assertThat(change.after()).contains("Y tế và dân số"));
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'criteria_set' and entity_id like 'IT-NC-DRAFT%'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(3);
	}

	@Autowired
	vn.ntmtracker.security.UserAccounts accounts;

	@Test
	void onlyAdministratorsEditTheCatalog() throws Exception {
		mvc.perform(post("/criteria/QD318-2022-XA-NTM/derive").param("version", "1").with(csrf())
			.with(user(accounts.loadUserByUsername("vpdp-hatinh"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/criteria")).andExpect(status().is3xxRedirection());
	}
}
