package vn.ntmtracker.units;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ntmtracker.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class UnitTreeIntegrationTests {

	static final LocalDate BEFORE_REFORM = LocalDate.of(2024, 3, 1);
	static final LocalDate AFTER_REFORM = LocalDate.of(2025, 8, 1);

	@Autowired
	Units units;

	@Autowired
	UnitWriter writer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void communeHangsUnderItsDistrictBeforeTheReformAndUnderTheProvinceAfter() {
		assertThat(units.get("HT-CAMQUANG", BEFORE_REFORM).parentCode()).isEqualTo("HT-CAMXUYEN");
		assertThat(units.get("HT-CAMQUANG", AFTER_REFORM).parentCode()).isEqualTo("42");
		assertThat(units.children("HT-CAMXUYEN", BEFORE_REFORM)).extracting(Unit::code)
			.containsExactly("HT-CAMLINH", "HT-CAMQUANG", "HT-CAMTHINH");
		assertThat(units.children("HT-CAMXUYEN", AFTER_REFORM)).isEmpty();
		assertThat(units.children("42", AFTER_REFORM)).extracting(Unit::code).contains("HT-CAMQUANG", "HT-CAMLINH")
			.doesNotContain("HT-CAMXUYEN");
	}

	@Test
	void subtreeAsOfADateIsAPrefixMatchThatSkipsDecoyBranches() {
		List<String> before = units.subtree("HT-CAMXUYEN", BEFORE_REFORM).stream().map(Unit::code).toList();
		assertThat(before).contains("HT-CAMXUYEN", "HT-CAMQUANG", "HT-CAMQUANG-T1", "HT-CAMLINH-T6")
			.doesNotContain("42", "TH-CAMTHUY", "TH-CAMTHACH", "LC-BANBO", "TH-CAMTHACH-TRAY");
		List<String> camQuang = units.subtree("HT-CAMQUANG", AFTER_REFORM).stream().map(Unit::code).toList();
		assertThat(camQuang).containsExactlyInAnyOrder("HT-CAMQUANG", "HT-CAMQUANG-T1", "HT-CAMQUANG-T2",
				"HT-CAMQUANG-T3", "HT-CAMQUANG-T4", "HT-CAMQUANG-T5");
		assertThat(units.subtreeCodes("HT-CAMQUANG", AFTER_REFORM)).containsExactlyInAnyOrderElementsOf(camQuang);
	}

	@Test
	void mergedCommunesPointToTheirSuccessorAndTheirVillagesMove() {
		UnitHistory history = units.history("TH-CAMBINH");
		assertThat(history.unit().validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(history.events()).singleElement().satisfies(event -> {
			assertThat(event.kind()).isEqualTo("MERGE");
			assertThat(event.successors()).extracting(UnitHistory.UnitRef::code).containsExactly("TH-CAMTU-2025");
			assertThat(event.predecessors()).extracting(UnitHistory.UnitRef::code)
				.containsExactlyInAnyOrder("TH-CAMBINH", "TH-CAMTU");
		});
		assertThat(units.get("TH-CAMBINH-BINHTAN", BEFORE_REFORM).parentCode()).isEqualTo("TH-CAMBINH");
		assertThat(units.get("TH-CAMBINH-BINHTAN", AFTER_REFORM).parentCode()).isEqualTo("TH-CAMTU-2025");
		assertThat(units.subtree("TH-CAMTU-2025", AFTER_REFORM)).extracting(Unit::code)
			.contains("TH-CAMBINH-BINHTAN", "TH-CAMTU-TUQUANG");
	}

	@Test
	void historyListsNamesParentsAndClassifications() {
		UnitHistory history = units.history("LC-BANBO");
		assertThat(history.parents()).extracting(UnitHistory.ParentPeriod::parentCode).containsExactly("LC-TAMDUONG", "12");
		assertThat(history.names()).as("one name across the change of parent").singleElement()
			.satisfies(name -> assertThat(name.validTo()).isNull());
		assertThat(history.classifications()).extracting(UnitHistory.ClassificationPeriod::region)
			.containsOnly(Region.TDMNPB);
		assertThat(units.classification("LC-BANBO", AFTER_REFORM).communeGroup()).isEqualTo(3);
		assertThat(units.classification("LC-BANBO", BEFORE_REFORM).especiallyDisadvantaged()).isTrue();
	}

	@Test
	void searchIgnoresDiacriticsCaseAndFindsFormerNames() {
		assertThat(units.search("cam quang", null, null, UnitScope.ALL, 0, 10).content()).extracting(Unit::code)
			.containsExactly("HT-CAMQUANG");
		assertThat(units.search("CẨM LĨNH", UnitKind.XA, null, UnitScope.ALL, 0, 10).content()).extracting(Unit::code)
			.containsExactly("HT-CAMLINH");
		assertThat(units.search("xa ban bo", null, null, UnitScope.ALL, 0, 10).content()).extracting(Unit::code)
			.containsExactly("LC-BANBO");
		assertThat(units.search("cam", UnitKind.HUYEN, LocalDate.of(2025, 7, 2), UnitScope.ALL, 0, 10).content()).isEmpty();
	}

	@Test
	void searchStaysInsideTheScope() {
		UnitScope camQuang = UnitScope.of(java.util.Set.of("HT-CAMQUANG"));
		assertThat(units.search("cam", null, null, camQuang, 0, 50).content()).extracting(Unit::code)
			.containsExactly("HT-CAMQUANG");
		assertThat(units.search("quang", null, null, camQuang, 0, 50).content()).extracting(Unit::code)
			.contains("HT-CAMQUANG-T1").doesNotContain("TH-CAMTHACH");
		assertThat(units.isWithin("HT-CAMQUANG-T3", camQuang)).isTrue();
		assertThat(units.isWithin("HT-CAMLINH", camQuang)).isFalse();
		assertThat(units.isWithin("42", camQuang)).isFalse();
	}

	@Test
	void failedImportWritesNothing() throws Exception {
		long before = jdbc.sql("select count(*) from unit").query(Long.class).single();
		long auditBefore = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
		var report = writer.importCsv(new StringReader("""
				code,name,kind,parent_code,valid_from,valid_to
				T-OK,Xã Tốt,xã,42,2000-01-01,
				T-BAD,Xã Lỗi,xã,NOWHERE,2000-01-01,
				"""));
		assertThat(report.ok()).isFalse();
		assertThat(report.errors()).singleElement().satisfies(error -> assertThat(error.row()).isEqualTo(3));
		assertThat(jdbc.sql("select count(*) from unit").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isEqualTo(auditBefore);
		assertThat(units.exists("T-OK")).isFalse();
	}

	@Test
	void successfulImportBuildsPathsAndAuditsEveryUnit() throws Exception {
		var report = writer.importCsv(new StringReader("""
				code,name,kind,parent_code,valid_from,valid_to
				IT-XA,Xã Kiểm Thử,xã,42,2025-07-01,
				IT-XA-T1,Thôn Một,thôn,IT-XA,2025-07-01,
				"""));
		assertThat(report.errors()).isEmpty();
		assertThat(report.created()).isEqualTo(2);
		assertThat(units.get("IT-XA-T1", LocalDate.of(2026, 1, 1)).path()).isEqualTo("/42/IT-XA/IT-XA-T1/");
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'unit' and entity_id in ('IT-XA', 'IT-XA-T1') and action = 'CREATE'")
			.query(Long.class).single()).isEqualTo(2);
	}

	/** A district abolished in 2025 keeps its former communes; a merged commune carries its predecessors as history. */
	@Test
	void aSubtreeAcrossTimeFollowsTheReformAndMergers(@Autowired vn.ntmtracker.Fixtures fixtures) {
		String[] district = fixtures.districtWithCommune("42");
		assertThat(units.subtreeCodes(district[0], LocalDate.of(2026, 1, 1))).isEmpty();
		assertThat(units.subtreeWithHistory(district[0], LocalDate.of(2026, 1, 1))).contains(district[0], district[1]);
		assertThat(units.lastKnown(district[0], LocalDate.of(2026, 1, 1))).get()
			.satisfies(u -> assertThat(u.validTo()).isEqualTo(LocalDate.of(2025, 6, 30)));

		String a = fixtures.commune("42", "BTB", 1);
		String b = fixtures.commune("42", "BTB", 1);
		String c = fixtures.commune("42", "BTB", 0);
		writer.merge(List.of(a, b), b, LocalDate.of(2026, 1, 1), "NQ kiểm thử", null);
		writer.merge(List.of(b, c), c, LocalDate.of(2026, 6, 1), "NQ kiểm thử", null);
		assertThat(units.predecessors(c)).containsExactly(b, a);
		assertThat(units.subtreeWithHistory(c, LocalDate.of(2026, 7, 1))).contains(c, a, b, a + "-T1", b + "-T1");
		assertThat(units.subtreeWithHistory(a, LocalDate.of(2026, 7, 1))).as("a predecessor on a later day: its last subtree")
			.contains(a).doesNotContain(c);
	}

	/**
	 * The tree's revision (part of the overview's ETag) moves with every committed write, an update of an existing row
	 * included (a name given an end date: no new id, so the former sum of max(ids) stayed put), and not with one rolled
	 * back.
	 */
	@Test
	void theRevisionMovesWithEveryCommittedWriteAndNotWithARollback(@Autowired vn.ntmtracker.Fixtures fixtures,
			@Autowired javax.sql.DataSource dataSource) throws Exception {
		String commune = fixtures.commune("38", "BTB", 0);
		long before = units.revision();
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.createStatement().executeUpdate("update unit_name set valid_to = date '2030-12-31' where unit_id = "
					+ "(select id from unit where code = '" + commune + "')");
			connection.rollback();
			assertThat(units.revision()).as("rolled back").isEqualTo(before);
			connection.createStatement().executeUpdate("update unit_name set valid_to = date '2030-12-31' where unit_id = "
					+ "(select id from unit where code = '" + commune + "')");
			connection.createStatement().executeUpdate("update unit_name set valid_to = null where unit_id = "
					+ "(select id from unit where code = '" + commune + "')");
			connection.commit();
		}
		assertThat(units.revision()).as("an update of an existing name, committed").isGreaterThan(before);
	}
}
