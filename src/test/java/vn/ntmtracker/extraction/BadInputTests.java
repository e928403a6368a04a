package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ntmtracker.extraction.ExtractionDraft.DocType;

class BadInputTests {

	private static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

	@TempDir
	Path dir;

	private final DocumentExtractor extractor = new DocumentExtractor();

	@Test
	void emptyFileIsRefused() throws IOException {
		Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
		assertThatThrownBy(() -> extractor.extract(empty)).isInstanceOf(ExtractionException.class)
			.hasMessage("tệp trống");
		Path blank = Files.writeString(dir.resolve("blank.txt"), " \n\n \t\n");
		assertThatThrownBy(() -> extractor.extract(blank)).isInstanceOf(ExtractionException.class)
			.hasMessageContaining("không có chữ");
	}

	@Test
	void binaryGarbageIsRefused() throws IOException {
		byte[] garbage = new byte[4096];
		new Random(7).nextBytes(garbage);
		garbage[10] = 0;
		Path file = Files.write(dir.resolve("garbage.txt"), garbage);
		assertThatThrownBy(() -> extractor.extract(file)).isInstanceOf(ExtractionException.class)
			.hasMessageContaining("không phải văn bản chữ");
	}

	@Test
	void oversizeFileIsRefusedBeforeReading() throws IOException {
		Path big = dir.resolve("big.txt");
		try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
			raf.setLength(50L * 1024 * 1024);
		}
		assertThatThrownBy(() -> extractor.extract(big)).isInstanceOf(ExtractionException.class)
			.hasMessageContaining("tệp quá lớn")
			.hasMessageContaining("tối đa 20 MB");
	}

	@Test
	void missingFileIsReported() {
		assertThatThrownBy(() -> extractor.extract(dir.resolve("nope.txt"))).isInstanceOf(ExtractionException.class)
			.hasMessage("không tìm thấy tệp");
	}

	@Test
	void pdfWithoutTextLayerIsReportedAsScanned() throws IOException {
		Path pdf = dir.resolve("scan.pdf");
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
				content.addRect(50, 50, 200, 200);
				content.fill();
			}
			doc.save(pdf.toFile());
		}
		assertThatThrownBy(() -> extractor.extract(pdf)).isInstanceOf(ExtractionException.class)
			.hasMessageContaining("không có lớp chữ");
	}

	@Test
	void encryptedPdfIsReported() throws IOException {
		Path pdf = dir.resolve("locked.pdf");
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage());
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
			doc.protect(policy);
			doc.save(pdf.toFile());
		}
		assertThatThrownBy(() -> extractor.extract(pdf)).isInstanceOf(ExtractionException.class)
			.hasMessageContaining("PDF được mã hóa");
	}

	@Test
	void readsATextPdf() throws IOException {
		assumeTrue(Files.exists(FONT), "DejaVuSans is needed to write Vietnamese into a test PDF");
		Path pdf = dir.resolve("notice.pdf");
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			PDType0Font font = PDType0Font.load(doc, FONT.toFile());
			try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
				content.beginText();
				content.setFont(font, 11);
				content.setLeading(16);
				content.newLineAtOffset(40, 720);
				for (String line : new String[] { "Số: 21/TB-UBND", "THÔNG BÁO",
						"Kết luận về xây dựng xã Tân Lập đạt chuẩn nông thôn mới năm 2024", "Yêu cầu:",
						"- Giao Phòng Nội vụ rà soát biên chế trước ngày 30/4/2024." }) {
					content.showText(line);
					content.newLine();
				}
				content.endText();
			}
			doc.save(pdf.toFile());
		}
		ExtractionDraft draft = extractor.extract(pdf);
		assertThat(draft.docType()).isEqualTo(DocType.THONG_BAO_KET_LUAN);
		assertThat(draft.number()).isEqualTo("21/TB-UBND");
		assertThat(draft.directives()).singleElement().satisfies(d -> {
			assertThat(d.assignee()).isEqualTo("Phòng Nội vụ");
			assertThat(d.deadline()).isEqualTo(LocalDate.of(2024, 4, 30));
		});
	}

	@Test
	void readsADocxWithTableCells() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (XWPFDocument doc = new XWPFDocument()) {
			doc.createParagraph().createRun().setText("KẾ HOẠCH");
			doc.createParagraph().createRun().setText("Xây dựng xã Tân Lập đạt chuẩn nông thôn mới năm 2024");
			doc.createParagraph().createRun().setText("Tổng kinh phí 2 tỷ đồng, trong đó:");
			XWPFTable table = doc.createTable(2, 2);
			table.getRow(0).getCell(0).setText("Ngân sách tỉnh");
			table.getRow(0).getCell(1).setText("1,5 tỷ đồng");
			table.getRow(1).getCell(0).setText("Nhân dân đóng góp");
			table.getRow(1).getCell(1).setText("500 triệu đồng");
			doc.createParagraph().createRun().setText("II. NHIỆM VỤ");
			doc.createParagraph().createRun().setText("- Giao Hội Nông dân xã vận động hội viên trong quý III/2024.");
			doc.write(bytes);
		}
		ExtractionDraft draft = extractor.extract("plan.docx", bytes.toByteArray());
		assertThat(draft.docType()).isEqualTo(DocType.KE_HOACH);
		assertThat(draft.funding()).extracting(ExtractionDraft.Funding::amountVnd)
			.containsExactly(1_500_000_000L, 500_000_000L);
		assertThat(draft.directives()).singleElement()
			.satisfies(d -> assertThat(d.deadline()).isEqualTo(LocalDate.of(2024, 9, 30)));
	}

	/**
	 * Regression: a 1.3 MB .docx whose text part inflated to 95 MB (a ratio under POI's zip-bomb guard) took 64 s of
	 * CPU and 5.4 GB of heap. Its inflated size is now counted before parsing and refused.
	 */
	@Test
	void aDocxThatInflatesTooMuchIsRefusedBeforeParsing() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
			byte[] paragraph = "<w:p><w:r><w:t>Tăng cường xây dựng nông thôn mới. </w:t></w:r></w:p>".repeat(200)
				.getBytes(StandardCharsets.UTF_8);
			for (long written = 0; written < 60L * 1024 * 1024; written += paragraph.length) {
				zip.write(paragraph);
			}
		}
		assertThat(bytes.size()).as("small on disk").isLessThan(2 * 1024 * 1024);
		assertThatThrownBy(() -> extractor.extract("bom.docx", bytes.toByteArray())).isInstanceOf(ExtractionException.class)
			.hasMessageContaining("giải nén ra quá lớn");
	}

	@Test
	void aTextBeyondTheLengthLimitIsRefused() {
		byte[] text = ("Kế hoạch xây dựng nông thôn mới năm 2024.\n").repeat(40_000).getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> extractor.extract("dai.txt", text)).isInstanceOf(ExtractionException.class)
			.hasMessageContaining("văn bản quá dài");
	}

	@Test
	void oldBinaryWordIsRefusedWithAHint() {
		assertThatThrownBy(() -> extractor.extract("old.doc", "whatever".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(ExtractionException.class)
			.hasMessageContaining(".docx");
	}

	@Test
	void documentNotAboutNtmKeepsItsKindAndOrdersButNoNtmStanding() {
		ExtractionDraft draft = extractor.extractText("""
				ỦY BAN NHÂN DÂN
				XÃ KỲ TÂN
				Số: 30/KH-UBND
				Kỳ Tân, ngày 02 tháng 8 năm 2024
				KẾ HOẠCH
				Phòng, chống thiên tai mùa mưa bão năm 2024
				II. NHIỆM VỤ
				- Ban Chỉ huy quân sự xã chủ trì kiểm tra các hồ đập, hoàn thành trước ngày 30/8/2024.
				- Đạt 19/19 tiêu chí an toàn hồ đập, phấn đấu xã đạt chuẩn nông thôn mới năm 2025.
				""");
		assertThat(draft.docType()).isEqualTo(DocType.KE_HOACH);
		assertThat(draft.subjectUnits()).containsExactly("xã Kỳ Tân");
		assertThat(draft.criteriaStatus()).isEmpty();
		assertThat(draft.unmetCriteria()).isEmpty();
		assertThat(draft.target()).isNull();
		assertThat(draft.directives()).first().satisfies(d -> {
			assertThat(d.assignee()).isEqualTo("Ban Chỉ huy quân sự xã");
			assertThat(d.deadline()).isEqualTo(java.time.LocalDate.of(2024, 8, 30));
		});
	}
}
