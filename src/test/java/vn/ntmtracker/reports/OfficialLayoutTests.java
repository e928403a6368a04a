package vn.ntmtracker.reports;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderers on hand-built documents: the PDF measured against NĐ 30 and HD 36, the DOCX read back with POI. */
class OfficialLayoutTests {

	@Test
	void aLongStateDocumentKeepsTheOfficialMarginsHeaderAndPageNumbers() throws Exception {
		byte[] pdf = PdfRenderer.render(SampleDocuments.notice(false, 30));
		save("sample-notice.pdf", pdf);
		PdfProbe.Probe probe = PdfProbe.read(pdf);
		assertThat(probe.pages()).isGreaterThanOrEqualTo(3);
		LayoutAssertions.Margins margins = LayoutAssertions.assertStateLayout(probe, Pattern.compile("Số: 06/TB-BCĐ"));
		System.out.println("sample notice margins (mm): " + margins);
		assertThat(probe.text().replaceAll("\\s+", " ")).contains(SampleDocuments.ALL_VIETNAMESE).doesNotContain("DỰ THẢO");
		PdfProbe.Line recipients = probe.find("Nơi nhận:");
		assertThat(recipients.font()).containsIgnoringCase("bolditalic");
		assertThat(recipients.size()).isEqualTo(12f);
		assertThat(probe.find("Lưu: VT, NTM.").size()).isEqualTo(11f);
		assertThat(probe.find("PHÓ TRƯỞNG BAN").left()).isGreaterThan(105);
	}

	@Test
	void aDraftCarriesTheWatermarkOnEveryPage() throws Exception {
		PdfProbe.Probe probe = PdfProbe.read(PdfRenderer.render(SampleDocuments.notice(true, 30)));
		for (int page = 1; page <= probe.pages(); page++) {
			assertThat(probe.page(page).stream().map(PdfProbe.Line::text)).as("page " + page).anyMatch(t -> t.contains("DỰ THẢO"));
		}
	}

	@Test
	void aPartyDocumentHasThePartyHeaderAndNumberWithoutColon() throws Exception {
		byte[] pdf = PdfRenderer.render(SampleDocuments.resolution());
		save("sample-resolution.pdf", pdf);
		PdfProbe.Probe probe = PdfProbe.read(pdf);
		assertThat(probe.missingGlyphs()).isEmpty();
		PdfProbe.Line party = probe.find("ĐẢNG CỘNG SẢN VIỆT NAM");
		assertThat(party.font()).containsIgnoringCase("bold");
		assertThat(party.size()).isEqualTo(15f);
		assertThat(party.left()).isGreaterThan(LayoutAssertions.PARTY_HEADER_SPLIT_MM);
		assertThat(probe.text()).doesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
		PdfProbe.Line number = probe.find("Số 07-NQ/ĐU");
		assertThat(number.right()).isLessThan(LayoutAssertions.PARTY_HEADER_SPLIT_MM);
		assertThat(probe.lines().stream().anyMatch(l -> l.text().strip().equals("*") && l.centre() < LayoutAssertions.PARTY_HEADER_SPLIT_MM)).isTrue();
		assertThat(probe.find("NGHỊ QUYẾT").size()).isEqualTo(15f);
	}

	@Test
	void theWordFileNamesTimesNewRomanAndHasTheOfficialPageSetup() throws Exception {
		byte[] docx = DocxRenderer.render(SampleDocuments.notice(true, 5));
		save("sample-notice.docx", docx);
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			var section = document.getDocument().getBody().getSectPr();
			assertThat(section.getPgSz().getW()).hasToString("11906");
			assertThat(Long.parseLong(section.getPgMar().getLeft().toString())).isEqualTo(1701);
			assertThat(Long.parseLong(section.getPgMar().getRight().toString())).isEqualTo(850);
			assertThat(Long.parseLong(section.getPgMar().getTop().toString())).isEqualTo(1134);
			assertThat(section.isSetTitlePg()).as("first page without number").isTrue();
			assertThat(document.getHeaderList()).isNotEmpty();
			assertThat(document.getHeaderList().stream().map(h -> h._getHdrFtr().xmlText())).anyMatch(x -> x.contains("PAGE"))
				.anyMatch(x -> x.contains("DỰ THẢO"));
			String text = document.getTables().get(0).getText();
			assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Số: 06/TB-BCĐ");
			for (XWPFParagraph paragraph : document.getParagraphs()) {
				for (XWPFRun run : paragraph.getRuns()) {
					if (!run.text().isBlank()) {
						assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
					}
				}
			}
			assertThat(document.getParagraphs().stream().map(XWPFParagraph::getText)).contains(SampleDocuments.ALL_VIETNAMESE);
		}
	}

	static void save(String name, byte[] bytes) throws java.io.IOException {
		Path dir = Path.of("target", "reports");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name), bytes);
	}
}
