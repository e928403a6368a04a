package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriteriaSetFilesTests {

	@ParameterizedTest(name = "{0}: {1} criteria, {2} indicators, {3} conditions")
	@CsvSource({ "QD1980-2016-XA-NTM, 19, 49, 0", "QD318-2022-XA-NTM, 19, 57, 0", "QD318-2022-XA-NTM-NC, 19, 22, 0",
			"QD319-2022-XA-NTM-KM, 0, 0, 4", "QD320-2022-HUYEN-NTM, 9, 9, 1", "QD51-2025-XA-NTM, 10, 10, 0",
			"HT-2022-XA-NTM-NC, 20, 24, 0", "HT-2022-KDC-NTM-KM, 7, 7, 0" })
	void shipsEachSetWithItsCounts(String code, int criteria, int indicators, int conditions) {
		CriteriaSetDefinition set = TestSets.set(code);
		assertThat(set.criteriaCount()).isEqualTo(criteria);
		assertThat(set.indicatorCount()).isEqualTo(indicators);
		assertThat(set.conditions()).hasSize(conditions);
	}

	@Test
	void loadsEveryFileOfTheFolderAndTheIndexListsThemAll() throws IOException {
		List<String> onDisk;
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/criteria/sets"))) {
			onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
		}
		assertThat(CriteriaSetFiles.index()).containsExactlyInAnyOrderElementsOf(onDisk);
		assertThat(TestSets.shipped()).extracting(CriteriaSetFiles.LoadedSet::fileName)
			.containsExactlyElementsOf(CriteriaSetFiles.index());
	}

	@Test
	void yTeIsFifteenInTheNtmSetButFourteenInTheNangCaoSet() {
		assertThat(TestSets.set("QD318-2022-XA-NTM").criterion(15).orElseThrow().name()).isEqualTo("Y tế");
		assertThat(TestSets.set("QD318-2022-XA-NTM").criterion(14).orElseThrow().name())
			.isEqualTo("Giáo dục và Đào tạo");
		CriteriaSetDefinition nc = TestSets.set("QD318-2022-XA-NTM-NC");
		assertThat(nc.criterion(14).orElseThrow().name()).isEqualTo("Y tế");
		assertThat(nc.criterion(15).orElseThrow().name()).isEqualTo("Hành chính công");
		assertThat(nc.criterion(16).orElseThrow().name()).isEqualTo("Tiếp cận pháp luật");
		assertThat(nc.criterion(17).orElseThrow().name()).isEqualTo("Môi trường");
		assertThat(nc.criterion(18).orElseThrow().name()).isEqualTo("Chất lượng môi trường sống");
	}

	@Test
	void criterionElevenIsHoNgheoIn2016AndNgheoDaChieuIn2021() {
		assertThat(TestSets.set("QD1980-2016-XA-NTM").criterion(11).orElseThrow().name()).isEqualTo("Hộ nghèo");
		assertThat(TestSets.set("QD318-2022-XA-NTM").criterion(11).orElseThrow().name()).isEqualTo("Nghèo đa chiều");
	}

	@Test
	void banBoUnmetCriteriaOfSeed003ExistUnderTheirNumbersInTheNangCaoSet() {
		CriteriaSetDefinition nc = TestSets.set("QD318-2022-XA-NTM-NC");
		assertThat(Stream.of(1, 2, 5, 6, 10, 11, 14, 17, 18, 19).map(n -> nc.criterion(n).orElseThrow().name()))
			.containsExactly("Quy hoạch", "Giao thông", "Giáo dục", "Văn hóa", "Thu nhập", "Nghèo đa chiều", "Y tế",
					"Môi trường", "Chất lượng môi trường sống", "Quốc phòng và An ninh");
	}

	@Test
	void haTinhNangCaoVariantCountsTwentyCriteriaAndDerivesFromTheNationalSet() {
		CriteriaSetDefinition ht = TestSets.set("HT-2022-XA-NTM-NC");
		assertThat(ht.criteriaCount()).isEqualTo(20);
		assertThat(ht.criterion(20).orElseThrow().name()).isEqualTo("Khu dân cư NTM kiểu mẫu và vườn mẫu");
		assertThat(ht.derivedFrom()).isEqualTo(new SetRef("QD318-2022-XA-NTM-NC", 1));
		assertThat(ht.scope().provinceName()).isEqualTo("Hà Tĩnh");
		assertThat(ht.tier()).isEqualTo(Tier.XA_NTM_NANG_CAO);
	}

	@Test
	void revocationCriticalCriteriaFollowQd18() {
		assertThat(critical("QD318-2022-XA-NTM")).containsExactly("Thu nhập", "Môi trường và an toàn thực phẩm",
				"Quốc phòng và An ninh");
		assertThat(critical("QD318-2022-XA-NTM-NC")).containsExactly("Thu nhập", "Môi trường",
				"Chất lượng môi trường sống", "Quốc phòng và An ninh");
		assertThat(critical("HT-2022-XA-NTM-NC")).isEqualTo(critical("QD318-2022-XA-NTM-NC"));
		assertThat(critical("QD320-2022-HUYEN-NTM")).containsExactly("Kinh tế", "Môi trường",
				"Chất lượng môi trường sống", "Hệ thống chính trị - An ninh, trật tự - Hành chính công");
		assertThat(critical("QD1980-2016-XA-NTM")).isEmpty();
		assertThat(critical("QD51-2025-XA-NTM")).isEmpty();
	}

	private static List<String> critical(String code) {
		return TestSets.set(code).criteria().stream().filter(Criterion::criticalForRevocation)
			.map(Criterion::name).toList();
	}

	@Test
	void the2026SetIsKeyedByCommuneGroupAndDeclaresFortySevenIndicators() {
		CriteriaSetDefinition set = TestSets.set("QD51-2025-XA-NTM");
		assertThat(set.thresholdKeying()).isEqualTo(ThresholdKeying.COMMUNE_GROUP);
		assertThat(set.declaredIndicatorCount()).isEqualTo(47);
		assertThat(set.criterion(8).orElseThrow().name()).isEqualTo("Môi trường và cảnh quan nông thôn");
		assertThat(set.validFrom()).hasToString("2026-02-15");
	}

	@Test
	void kieuMauSetHoldsTheFourConditionsOfQd319() {
		CriteriaSetDefinition km = TestSets.set("QD319-2022-XA-NTM-KM");
		assertThat(km.conditions()).extracting(Condition::code).containsExactly("DK1", "DK2", "DK3", "DK4");
		assertThat(km.conditions().get(1).text()).contains("cao hơn ít nhất 10%");
		assertThat(km.conditions()).allMatch(c -> c.provenance().verified());
	}

	@Test
	void verifiedIncomeOf2020IsLoadedAsVerifiedPerRegion() {
		Indicator income = TestSets.set("QD1980-2016-XA-NTM").indicator("10").orElseThrow();
		assertThat(income.thresholds()).allMatch(t -> t.provenance().verified() && t.year() == 2020);
		assertThat(income.thresholds()).filteredOn(t -> t.region() == Region.DNB)
			.singleElement().extracting(t -> t.value().intValue()).isEqualTo(59);
		assertThat(income.thresholds()).filteredOn(Threshold::generalValue)
			.singleElement().extracting(t -> t.value().intValue()).isEqualTo(45);
	}

	@Test
	void nothingRecalledIsPresentedAsVerified() {
		for (CriteriaSetFiles.LoadedSet loaded : TestSets.shipped()) {
			for (Criterion criterion : loaded.definition().criteria()) {
				for (Indicator indicator : criterion.indicators()) {
					if (indicator.name().contains("(chưa xác minh nội dung)")
							|| indicator.name().contains("(chưa cập nhật nội dung)")) {
						assertThat(indicator.provenance().verified()).as(indicator.code()).isFalse();
						assertThat(indicator.provenance().note()).as(indicator.code()).isNotBlank();
					}
					for (Threshold threshold : indicator.thresholds()) {
						if (threshold.provenance().source().contains("[R]")
								|| threshold.provenance().source().contains("[?]")) {
							assertThat(threshold.provenance().verified()).as(indicator.code()).isFalse();
						}
					}
				}
			}
		}
		long verifiedThresholds = TestSets.shipped().stream()
			.filter(s -> s.definition().version() == 1)
			.flatMap(s -> s.definition().allIndicators().stream())
			.flatMap(i -> i.thresholds().stream())
			.filter(t -> t.provenance().verified())
			.count();
		assertThat(verifiedThresholds).as("in the first versions only the 2020 income values of QĐ 1980 are verified")
			.isEqualTo(8);
	}

	@Test
	void onlyTheKieuMauConditionsAreFullyVerified() {
		assertThat(TestSets.shipped().stream()
			.map(CriteriaSetFiles.LoadedSet::definition)
			.filter(s -> !s.hasProvisionalContent())
			.map(CriteriaSetDefinition::code)).containsExactly("QD319-2022-XA-NTM-KM");
	}

	@Test
	void aFolderWithTwoFilesForTheSameVersionLoadsNothing() {
		assertThatThrownBy(() -> CriteriaSetFiles.loadAll(TestSets.BROKEN.resolve("duplicate-code")))
			.isInstanceOf(CriteriaFileException.class)
			.hasMessage("b.yaml: code: duplicate set code TEST-XA v1 (also in a.yaml)");
	}
}
