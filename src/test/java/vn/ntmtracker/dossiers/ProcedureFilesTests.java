package vn.ntmtracker.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.criteria.Tier;

/**
 * Procedure templates load from YAML like the criteria sets: every shipped file validates, the index lists them all,
 * and a broken file is refused with one line per problem naming the file and the key path.
 */
class ProcedureFilesTests {

	static final Path FOLDER = Path.of("src/main/resources/dossiers/procedures");

	@Test
	void everyShippedFileLoadsAndTheIndexListsThemAll() throws IOException {
		List<ProcedureFiles.Loaded> loaded = ProcedureFiles.loadAll();
		try (Stream<Path> files = Files.list(FOLDER)) {
			assertThat(ProcedureFiles.index()).containsExactlyInAnyOrderElementsOf(
					files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).toList());
		}
		assertThat(loaded).extracting(l -> l.procedure().code())
			.contains("QD18-2022-XA", "QD18-2025-XA-TINH", "HT-2022-KDC-KM", "QD18-2022-THU-HOI-XA");
		Procedure xa = loaded.stream().filter(l -> l.procedure().code().equals("QD18-2022-XA")).findFirst().orElseThrow().procedure();
		assertThat(xa.tiers()).containsExactly(Tier.XA_NTM, Tier.XA_NTM_NANG_CAO, Tier.XA_NTM_KIEU_MAU);
		assertThat(xa.step("PUBLIC_POSTING").orElseThrow().postingDays()).isEqualTo(15);
		assertThat(xa.step("PUBLIC_POSTING").orElseThrow().minReadings()).isEqualTo(5);
		assertThat(xa.step("PUBLIC_POSTING").orElseThrow().verified()).as("QĐ 18/2022 Điều 5 was read").isTrue();
		assertThat(xa.step("COUNCIL_VOTE").orElseThrow().verified()).as("the council's threshold is practice").isFalse();
		assertThat(xa.satisfaction().provenance().verified()).as("the xã threshold is not verified").isFalse();
		assertThat(xa.condition("ALREADY_NANG_CAO").orElseThrow().appliesTo(Tier.XA_NTM)).isFalse();
		assertThat(xa.condition("ALREADY_NANG_CAO").orElseThrow().appliesTo(Tier.XA_NTM_KIEU_MAU)).isTrue();
	}

	@Test
	void theTemplateInForceDependsOnTheDay() {
		Procedure before = ProcedureFiles.loadAll().stream().map(ProcedureFiles.Loaded::procedure)
			.filter(p -> p.appliesTo(Purpose.RECOGNITION, Tier.XA_NTM, "38", java.time.LocalDate.of(2025, 6, 30))).findFirst().orElseThrow();
		Procedure after = ProcedureFiles.loadAll().stream().map(ProcedureFiles.Loaded::procedure)
			.filter(p -> p.appliesTo(Purpose.RECOGNITION, Tier.XA_NTM, "38", java.time.LocalDate.of(2025, 7, 1))).findFirst().orElseThrow();
		assertThat(before.code()).isEqualTo("QD18-2022-XA");
		assertThat(after.code()).isEqualTo("QD18-2025-XA-TINH");
		assertThat(after.steps()).extracting(Procedure.Step::actorName).noneMatch(actor -> actor.contains("huyện"));
	}

	@Test
	void aBrokenFileIsRefusedNamingTheFileAndTheKeyPath() {
		String yaml = ProcedureFiles.read(ProcedureFiles.FOLDER + "qd18-2022-xa.yaml")
			.replaceFirst("(?s)(- code: DISTRICT_VERIFICATION.*?deadline:\\s*\\n\\s*days: )15", "$1mười lăm")
			.replace("requires: [ALL_CRITERIA_MET, SATISFACTION, NO_CONSTRUCTION_DEBT, SECURITY, ALREADY_NANG_CAO]",
					"requires: [ALL_CRITERIA_MET, SATISFACTON]")
			.replace("    postingDays: 15\n", "    postingDays: 15\n    postingDayz: 15\n");
		assertThatThrownBy(() -> ProcedureFiles.load("broken.yaml", yaml)).isInstanceOf(ProcedureFileException.class)
			.hasMessageContaining("broken.yaml: steps[7].deadline.days: expected an integer, got 'mười lăm'")
			.hasMessageContaining("broken.yaml: steps[2]: unknown key 'postingDayz'");
		String semantic = ProcedureFiles.read(ProcedureFiles.FOLDER + "qd18-2022-xa.yaml")
			.replace("requires: [ALL_CRITERIA_MET, SATISFACTION, NO_CONSTRUCTION_DEBT, SECURITY, ALREADY_NANG_CAO]",
					"requires: [ALL_CRITERIA_MET, SATISFACTON]")
			.replace("approvalPercent: 90\n    documents:\n      - {kind: BIEN_BAN_HOP,", "approvalPercent: 190\n    documents:\n      - {kind: BIEN_BAN_HOP,");
		assertThatThrownBy(() -> ProcedureFiles.load("semantic.yaml", semantic)).isInstanceOf(ProcedureFileException.class)
			.hasMessageContaining("semantic.yaml: steps[6].requires[1]: unknown condition 'SATISFACTON'")
			.hasMessageContaining("semantic.yaml: steps[5].approvalPercent: a percentage 0–100, got 190");
	}

	@Test
	void aMissingKeyAndAnUnknownKindAreNamed() {
		String yaml = """
				code: X-1
				version: 1
				title: Thử
				purpose: RECOGNITION
				tiers: [XA_NTM, XA_MOI]
				scope: NATIONAL
				validFrom: 2022-08-02
				legalBasis: Thử
				provenance: {source: thử, verified: false}
				steps:
				  - code: A
				    kind: REPORTING
				    name: Báo cáo
				    actor: UBND_XA
				    side: UNIT
				    provenance: {source: thử, verified: false}
				""";
		assertThatThrownBy(() -> ProcedureFiles.load("x.yaml", yaml)).isInstanceOf(ProcedureFileException.class)
			.hasMessageContaining("x.yaml: tiers[1]: unknown tier 'XA_MOI'")
			.hasMessageContaining("x.yaml: steps[0].kind: unknown step kind 'REPORTING'")
			.hasMessageContaining("x.yaml: steps[0]: missing key 'actorName'");
	}

	@Test
	void theHolidayFileIsCheckedTheSameWay() {
		HolidayCalendar.shipped();
		String broken = """
				title: Ngày nghỉ
				legalBasis: Bộ luật Lao động 2019
				provenance: {source: thử, verified: false}
				years:
				  - year: 2022
				    holidays:
				      - {date: 2022-01-03, name: Tết Dương lịch}
				      - {date: 2023-01-02, name: Sai năm}
				    workingSaturdays: [2022-05-02]
				""";
		assertThatThrownBy(() -> HolidayCalendar.parse("holidays.yaml", broken)).isInstanceOf(ProcedureFileException.class)
			.hasMessageContaining("holidays.yaml: years[0].holidays[1].date: 2023-01-02 is not in 2022")
			.hasMessageContaining("holidays.yaml: years[0].workingSaturdays[0]: 2022-05-02 is not a Saturday");
	}
}
