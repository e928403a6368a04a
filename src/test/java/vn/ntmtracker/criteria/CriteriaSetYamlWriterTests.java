package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CriteriaSetYamlWriterTests {

	@Test
	void everyShippedVersionWrittenByTheEditorReadsBackToTheSameContent() {
		for (CriteriaSetFiles.LoadedSet shipped : TestSets.shipped()) {
			String yaml = CriteriaSetYamlWriter.write(shipped.definition());
			CriteriaSetFiles.LoadedSet again = TestSets.load(shipped.fileName(), yaml);
			assertThat(again.definition()).as(shipped.fileName()).isEqualTo(shipped.definition());
			assertThat(again.contentHash()).as(shipped.fileName()).isEqualTo(shipped.contentHash());
		}
	}

	@Test
	void quotesEverythingThatYamlWouldOtherwiseReinterpret() {
		assertThat(CriteriaSetYamlWriter.quote("17.10")).isEqualTo("\"17.10\"");
		assertThat(CriteriaSetYamlWriter.quote("Nước \"sạch\"\\ tập trung\n")).isEqualTo("\"Nước \\\"sạch\\\"\\\\ tập trung\\n\"");
	}
}
