package vn.ntmtracker.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import vn.ntmtracker.reports.OfficialDocument.Paragraph;
import vn.ntmtracker.reports.OfficialDocument.ParagraphStyle;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates as data: the shipped files read cleanly, mistakes are named with their line, conditions and free texts compose. */
class TemplateTests {

	/** The catalogues of the kinds, which need none of their collaborators. */
	static Catalogue catalogue(String kind) {
		return switch (kind) {
			case "conclusion-notice" -> new ConclusionNoticeKind(null, null, null, null).catalogue();
			case "plan" -> new PlanKind(null, null, null).catalogue();
			case "progress-report" -> new ProgressReportKind(null, null, null, null, null, null, null).catalogue();
			case "party-resolution" -> new PartyResolutionKind(null, null, null, null, null).catalogue();
			default -> null;
		};
	}

	static String shipped(String kind) throws IOException {
		try (InputStream in = new ClassPathResource("reports/templates/" + kind + ".yaml").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "conclusion-notice", "plan", "progress-report", "party-resolution" })
	void everyShippedTemplateReadsCleanly(String kind) throws IOException {
		TemplateParser.Parsed parsed = TemplateParser.parse(shipped(kind), TemplateTests::catalogue);
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.template().kind()).isEqualTo(kind);
		assertThat(parsed.template().freeSections()).isNotEmpty();
	}

	@Test
	void mistakesAreNamedWithTheirLineAndASuggestion() {
		String text = """
				kind: progress-report
				type: BÁO CÁO
				code: BC
				summary: "Kết quả {{period.txt}}"
				sections:
				  - heading: I. KẾT QUẢ
				  - data: critera
				  - free: notes
				    text: "{{unit.name}}"
				  - free: notes
				  - text: "x"
				    when: nothing.here
				  - colour: red
				""";
		TemplateParser.Parsed parsed = TemplateParser.parse(text, TemplateTests::catalogue);
		assertThat(parsed.ok()).isFalse();
		assertThat(parsed.errors()).anyMatch(e -> e.startsWith("Dòng 4:") && e.contains("{{period.txt}}") && e.contains("period.text"))
			.anyMatch(e -> e.startsWith("Dòng 7:") && e.contains("critera") && e.contains("criteria"))
			.anyMatch(e -> e.startsWith("Dòng 10:") && e.contains("notes"))
			.anyMatch(e -> e.contains("nothing.here"))
			.anyMatch(e -> e.startsWith("Dòng 13:") && e.contains("colour"));
	}

	@Test
	void brokenYamlAndUnknownKindsAreRefused() {
		assertThat(TemplateParser.parse("kind: [unclosed", TemplateTests::catalogue).errors()).singleElement().asString().startsWith("Dòng");
		assertThat(TemplateParser.parse("kind: dossier\ntype: X\ncode: TTr\nsections: []\n", TemplateTests::catalogue).errors())
			.anyMatch(e -> e.contains("dossier"));
		assertThat(TemplateParser.parse("", TemplateTests::catalogue).ok()).isFalse();
	}

	@Test
	void conditionsAndFreeTextsDecideWhatIsPrinted() {
		String text = """
				kind: progress-report
				type: BÁO CÁO
				code: BC
				summary: "Báo cáo {{period.text}}"
				sections:
				  - text: "Đạt {{standing.score}}."
				    when: standing.score
				  - text: "Chưa đánh giá."
				    unless: standing.score
				  - free: difficulties
				    text: "Mặc định của {{unit.name}}"
				  - free: proposals
				    text: "Không in"
				""";
		ReportTemplate template = TemplateParser.parse(text, TemplateTests::catalogue).template();
		ReportModel model = new ReportModel(Map.of("period.text", "năm 2024", "unit.name", "xã Cẩm Quang"), Map.of(),
				new ReportModel.Defaults(null, "", "ỦY BAN NHÂN DÂN\nXÃ CẨM QUANG", "UBND", "Cẩm Quang", null, 2024, null, null, null, null,
						List.of("HT-CAMQUANG"), null, null, LocalDate.of(2024, 12, 31)));
		OfficialDocument document = DocumentComposer.compose(template, model, DraftHeader.from(model.defaults()),
				Map.of("proposals", ""), new DocumentNumber(OfficialDocument.Layout.STATE, null, "BC", "UBND"), true);
		assertThat(document.body()).extracting(b -> ((Paragraph) b).text())
			.containsExactly("Chưa đánh giá.", "Mặc định của xã Cẩm Quang");
		assertThat(document.header().numberLine()).isEqualTo("Số:       /BC-UBND");
		assertThat(document.header().placeAndDate()).isEqualTo("Cẩm Quang, ngày      tháng      năm 2024");
		assertThat(document.summaryLines()).containsExactly("Báo cáo năm 2024");
	}

	@Test
	void freeTextMarkupGivesParagraphsItemsAndEmphasis() {
		List<OfficialDocument.Block> blocks = RichText.blocks("Đoạn một có **chữ đậm** và *nghiêng*.\n\n- ý thứ nhất\n+ ý phụ 5 * 3\n", s -> s);
		assertThat(blocks).hasSize(3);
		Paragraph first = (Paragraph) blocks.get(0);
		assertThat(first.style()).isEqualTo(ParagraphStyle.BODY);
		assertThat(first.runs()).extracting(OfficialDocument.Run::text).containsExactly("Đoạn một có ", "chữ đậm", " và ", "nghiêng", ".");
		assertThat(first.runs().get(1).bold()).isTrue();
		assertThat(first.runs().get(3).italic()).isTrue();
		assertThat(((Paragraph) blocks.get(1)).style()).isEqualTo(ParagraphStyle.ITEM);
		assertThat(((Paragraph) blocks.get(2)).text()).isEqualTo("+ ý phụ 5 * 3");
	}

	@Test
	void aPlaceholderValueNeverBecomesMarkup() {
		List<OfficialDocument.Block> blocks = RichText.blocks("Đơn vị: {{x}}", s -> s.replace("{{x}}", "**không đậm**"));
		assertThat(((Paragraph) blocks.get(0)).runs()).singleElement().satisfies(run -> {
			assertThat(run.text()).isEqualTo("Đơn vị: **không đậm**");
			assertThat(run.bold()).isFalse();
		});
	}

	@Test
	void numbersAndDatesFollowTheDecree() {
		assertThat(new DocumentNumber(OfficialDocument.Layout.STATE, 6, "TB", "UBND").line()).isEqualTo("Số: 06/TB-UBND");
		assertThat(new DocumentNumber(OfficialDocument.Layout.STATE, 156, "QĐ", "UBND").registered()).isEqualTo("156/QĐ-UBND");
		assertThat(new DocumentNumber(OfficialDocument.Layout.PARTY, 7, "NQ", "ĐU").line()).isEqualTo("Số 07-NQ/ĐU");
		assertThat(VietnameseText.placeAndDate("Cẩm Lĩnh", LocalDate.of(2023, 1, 12), 2023)).isEqualTo("Cẩm Lĩnh, ngày 12 tháng 01 năm 2023");
		assertThat(VietnameseText.placeAndDate("Cẩm Xuyên", LocalDate.of(2026, 2, 5), 2026)).isEqualTo("Cẩm Xuyên, ngày 05 tháng 02 năm 2026");
		assertThat(VietnameseText.placeAndDate("Cẩm Xuyên", LocalDate.of(2024, 3, 25), 2024)).isEqualTo("Cẩm Xuyên, ngày 25 tháng 3 năm 2024");
		assertThat(VietnameseText.money(31_003_700_000L)).isEqualTo("31.003.700.000");
	}

	@Test
	void vietnameseFileNamesAreEncodedSafely() {
		Rendered rendered = new Rendered(new byte[0], "Báo cáo \"xã\" Cẩm Quang\r\n/2024.pdf", Rendered.Format.PDF.mediaType);
		String header = rendered.contentDisposition();
		assertThat(header).doesNotContain("\r").doesNotContain("\n").startsWith("attachment; filename=\"Bao-cao-xa-Cam-Quang-2024.pdf\"")
			.contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20-x%C3%A3-%20C%E1%BA%A9m%20Quang-2024.pdf");
	}
}
