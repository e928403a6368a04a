package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class CrosswalkFilesTests {

	@Test
	void loadsEveryCrosswalkAndTheIndexListsThemAll() throws IOException {
		List<String> onDisk;
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/criteria/crosswalks"))) {
			onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).toList();
		}
		assertThat(CrosswalkFiles.index()).containsExactlyInAnyOrderElementsOf(onDisk);
		assertThat(CrosswalkFiles.loadAll(TestSets.shipped())).hasSize(onDisk.size());
	}

	@Test
	void environmentOf2021To2025ContinuesAsCriterionEightOf2026() {
		Crosswalk crosswalk = crosswalk("QD318-2022-XA-NTM", "QD51-2025-XA-NTM");
		assertThat(crosswalk.entries()).contains(new Crosswalk.Entry(17, "Môi trường và an toàn thực phẩm", 8,
				"Môi trường và cảnh quan nông thôn", Crosswalk.Relation.PARTIAL,
				"Environment continues in no. 8; where food safety went is not known."));
	}

	@Test
	void yTeMovesFromFifteenToFourteenBetweenNtmAndNangCao() {
		assertThat(crosswalk("QD318-2022-XA-NTM", "QD318-2022-XA-NTM-NC").oneToOne(15)).isEqualTo(14);
		assertThat(crosswalk("QD1980-2016-XA-NTM", "QD318-2022-XA-NTM").oneToOne(11)).isEqualTo(11);
	}

	@Test
	void rejectsANameThatDoesNotMatchTheSet() {
		Map<SetRef, CriteriaSetDefinition> sets = TestSets.shipped().stream()
			.map(CriteriaSetFiles.LoadedSet::definition)
			.collect(Collectors.toMap(CriteriaSetDefinition::ref, Function.identity()));
		String yaml = """
				from: {code: QD318-2022-XA-NTM, version: 1}
				to: {code: QD318-2022-XA-NTM-NC, version: 1}
				provenance: {source: test, verified: false}
				entries:
				  - {from: 14, fromName: "Y tế", to: 14, toName: "Y tế", relation: SAME}
				""";
		assertThatThrownBy(() -> CrosswalkFiles.load("bad.yaml", new StringReader(yaml), sets))
			.hasMessage("bad.yaml: entries[0].from: criterion 14 of QD318-2022-XA-NTM v1 is 'Giáo dục và Đào tạo', not 'Y tế'");
	}

	private static Crosswalk crosswalk(String from, String to) {
		return CrosswalkFiles.loadAll(TestSets.shipped()).stream()
			.filter(c -> c.from().code().equals(from) && c.to().code().equals(to))
			.findFirst()
			.orElseThrow();
	}
}
