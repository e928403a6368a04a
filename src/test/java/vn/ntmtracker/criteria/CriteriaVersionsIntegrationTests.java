package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import org.springframework.test.web.servlet.MockMvc;

import vn.ntmtracker.IntegrationTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Versions by date, sets offered per province, the province's current set, and the publish event. */
@IntegrationTest
@RecordApplicationEvents
class CriteriaVersionsIntegrationTests {

	@Autowired
	CriteriaCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aRoundKeepsTheVersionInForceOnItsDate() {
		assertThat(catalog.versionOn("QD318-2022-XA-NTM", LocalDate.of(2023, 6, 30))).get()
			.extracting(CriteriaSetDefinition::version).isEqualTo(1);
		assertThat(catalog.versionOn("QD318-2022-XA-NTM", LocalDate.of(2024, 6, 30))).get()
			.extracting(CriteriaSetDefinition::version).isEqualTo(2);
		assertThat(catalog.versionOn("QD1980-2016-XA-NTM", LocalDate.of(2016, 11, 15))).isEmpty();
		assertThat(catalog.list()).filteredOn(s -> s.code().equals("QD318-2022-XA-NTM") && s.version() == 1)
			.singleElement().extracting(CriteriaCatalog.SetSummary::appliesUntil).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(catalog.list()).filteredOn(s -> s.code().equals("QD1980-2016-XA-NTM") && s.version() == 1)
			.singleElement().extracting(CriteriaCatalog.SetSummary::neverApplies).isEqualTo(true);
	}

	@Test
	void aProvincesOwnSetIsOfferedOnlyToThatProvinceAndCanBeMadeCurrent(@Autowired MockMvc mvc,
			@Autowired org.springframework.security.core.userdetails.UserDetailsService accounts) throws Exception {
		asAdmin();
		SetRef own = catalog.derive("QD318-2022-XA-NTM-NC", 2, "IT-VS-NC", "ITP1", "Tỉnh thử nghiệm", "Bộ nâng cao của tỉnh (thử)");
		int row = catalog.stored(own.code(), own.version()).orElseThrow().rowVersion();
		assertThat(catalog.publish(own.code(), own.version(), row)).isEmpty();
		LocalDate june2024 = LocalDate.of(2024, 6, 30);

		List<CriteriaCatalog.ApplicableSet> forProvince = catalog.applicableSets("ITP1", Tier.XA_NTM_NANG_CAO, june2024);
		assertThat(forProvince).extracting(a -> a.ref().toString())
			.containsExactly("QD318-2022-XA-NTM-NC v2", "IT-VS-NC v1");
		assertThat(forProvince.get(0).current()).as("national until the province marks its own").isTrue();
		assertThat(catalog.applicableSets("ITP2", Tier.XA_NTM_NANG_CAO, june2024)).extracting(a -> a.ref().code())
			.doesNotContain("IT-VS-NC").doesNotContain("HT-2022-XA-NTM-NC");
		assertThat(catalog.applicableSets("ITP1", Tier.XA_NTM_NANG_CAO, LocalDate.of(2023, 6, 30)))
			.extracting(a -> a.ref().toString()).containsExactly("QD318-2022-XA-NTM-NC v1");

		catalog.chooseProvinceSet("ITP1", Tier.XA_NTM_NANG_CAO, "IT-VS-NC", -1);
		assertThat(catalog.applicableSets("ITP1", Tier.XA_NTM_NANG_CAO, june2024).get(0))
			.satisfies(a -> {
				assertThat(a.ref().code()).isEqualTo("IT-VS-NC");
				assertThat(a.current()).isTrue();
				assertThat(a.provincial()).isTrue();
			});
		assertThatThrownBy(() -> catalog.chooseProvinceSet("ITP1", Tier.XA_NTM_NANG_CAO, null, -1))
			.as("a second first choice is a concurrent edit").isInstanceOf(ConcurrentEditException.class);
		assertThatThrownBy(() -> catalog.chooseProvinceSet("ITP1", Tier.XA_NTM_NANG_CAO, "HT-2022-XA-NTM-NC", 0))
			.isInstanceOf(CriteriaEditException.class).hasMessageContaining("không phải bộ riêng của Tỉnh thử nghiệm");
		catalog.chooseProvinceSet("ITP1", Tier.XA_NTM_NANG_CAO, "", 0);
		assertThat(catalog.applicableSets("ITP1", Tier.XA_NTM_NANG_CAO, june2024).get(0).ref().code())
			.isEqualTo("QD318-2022-XA-NTM-NC");
		assertThat(catalog.applicableSets("42", Tier.KDC_NTM_KIEU_MAU, LocalDate.of(2023, 6, 15))).singleElement()
			.satisfies(a -> assertThat(a.current()).as("no national set of this tier").isTrue());
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'criteria_province_set' and entity_id like 'ITP1%'")
			.query(Long.class).single()).isEqualTo(2);
		// the audit log names the tier in words, in the record's key as in its fields
		String audit = mvc.perform(get("/admin/audit").param("entityType", "criteria_province_set")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(audit).contains("ITP1 Xã NTM nâng cao").doesNotContain("ITP1 XA_NTM_NANG_CAO");
	}

	@Test
	void theApiAnswersWhichVersionAppliesOnADateAndWhichSetsAProvinceMayUse(@Autowired MockMvc mvc) throws Exception {
		mvc.perform(get("/api/criteria-sets/QD318-2022-XA-NTM").param("on", "2023-06-30").with(httpBasic("camquang", "ntm-demo")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
		mvc.perform(get("/api/criteria-sets/QD318-2022-XA-NTM").param("on", "2024-06-30").with(httpBasic("camquang", "ntm-demo")))
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.criteria[?(@.number == 17)].indicators[0].parts[0].code").value("17.1b"));
		mvc.perform(get("/api/criteria-sets/QD318-2022-XA-NTM").param("on", "2030-01-01").with(httpBasic("camquang", "ntm-demo")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/criteria-sets/applicable").param("province", "42").param("tier", "XA_NTM_NANG_CAO")
				.param("on", "2023-06-30").with(httpBasic("camquang", "ntm-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].ref.code", org.hamcrest.Matchers.hasItems("QD318-2022-XA-NTM-NC", "HT-2022-XA-NTM-NC")));
		mvc.perform(get("/api/criteria-sets/applicable").param("province", "38").param("tier", "XA_NTM_NANG_CAO")
				.param("on", "2023-06-30").with(httpBasic("camquang", "ntm-demo")))
			.andExpect(jsonPath("$[*].ref.code", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("HT-2022-XA-NTM-NC"))));
	}

	@Test
	void publishingAVersionAnnouncesIt() {
		asAdmin();
		SetRef draft = catalog.derive("QD318-2022-XA-NTM", 2, "IT-EVENT-XA", null, null, null);
		events.clear();
		int row = catalog.stored(draft.code(), draft.version()).orElseThrow().rowVersion();
		assertThat(catalog.publish(draft.code(), draft.version(), row)).isEmpty();
		assertThat(events.stream(CriteriaSetPublished.class)).containsExactly(new CriteriaSetPublished("IT-EVENT-XA", 1));
	}

	@Test
	void aVersionRetiredInTheApplicationStillMatchesItsFileAtTheNextStart() {
		CriteriaSetDefinition file = TestSets.set("HT-2022-KDC-NTM-KM");
		String retiredHash = CriteriaSetJson.contentHash(file.withStatus(SetStatus.RETIRED));
		String[] before = jdbc.sql("select status, content_hash from criteria_set_version where code = 'HT-2022-KDC-NTM-KM' and version = 1")
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		jdbc.sql("update criteria_set_version set status = 'RETIRED', content_hash = :hash where code = 'HT-2022-KDC-NTM-KM' and version = 1")
			.param("hash", retiredHash).update();
		try {
			catalog.loadFiles();
		}
		finally {
			jdbc.sql("update criteria_set_version set status = :status, content_hash = :hash where code = 'HT-2022-KDC-NTM-KM' and version = 1")
				.param("status", before[0]).param("hash", before[1]).update();
		}
	}

	@org.junit.jupiter.api.AfterEach
	void forgetTheUser() {
		SecurityContextHolder.clearContext();
	}

	private static void asAdmin() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
				null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
	}
}
