package vn.ntmtracker.assessment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.CriteriaSetFiles;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentWorkbookTests {

	static final CriteriaSetDefinition SET = CriteriaSetFiles.loadAll().stream()
		.filter(s -> s.definition().code().equals("QD318-2022-XA-NTM")).findFirst().orElseThrow().definition();

	static final List<Unit> UNITS = List.of(
			new Unit("X1", "Một", UnitKind.XA, "38", "Thanh Hóa", LocalDate.of(2000, 1, 1), null, "/38/X1/", false),
			new Unit("X2", "Hai", UnitKind.XA, "38", "Thanh Hóa", LocalDate.of(2000, 1, 1), null, "/38/X2/", false));

	static AssessmentWorkbook.Parsed fillAndRead(Consumer<Sheet> fill) throws IOException {
		byte[] template = AssessmentWorkbook.template(SET, UNITS);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fill.accept(workbook.getSheet(AssessmentWorkbook.DATA));
			workbook.write(out);
			return AssessmentWorkbook.read(new ByteArrayInputStream(out.toByteArray()), (code, version) -> SET);
		}
	}

	static int column(String indicator) {
		return AssessmentWorkbook.FIRST_VALUE_COLUMN + AssessmentWorkbook.indicators(SET).stream().map(i -> i.code()).toList().indexOf(indicator);
	}

	@Test
	void templateHasOneRowPerUnitAndOneColumnPerIndicatorAndRoundTrips() throws IOException {
		var parsed = fillAndRead(sheet -> {
			sheet.getRow(4).getCell(column("1.1")).setCellValue("Đạt");
			sheet.getRow(4).getCell(column("2.2")).setCellValue(85.5);
			sheet.getRow(5).getCell(column("1.1")).setCellValue("Không đạt");
		});
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.setCode()).isEqualTo("QD318-2022-XA-NTM");
		assertThat(parsed.rows()).extracting(AssessmentWorkbook.UnitRow::unitCode).containsExactly("X1", "X2");
		assertThat(parsed.rows().get(0).values()).containsOnlyKeys("1.1", "2.2");
		assertThat(parsed.rows().get(0).values().get("2.2")).isEqualTo(new IndicatorValue.Percent(new java.math.BigDecimal("85.5")));
		assertThat(parsed.rows().get(0).values().get("1.1")).isEqualTo(new IndicatorValue.YesNo(true));
		assertThat(AssessmentWorkbook.indicators(SET)).hasSize(57);
	}

	@Test
	void namesTheCellOfAFormulaAWrongTypeAndAPercentOver100() throws IOException {
		var parsed = fillAndRead(sheet -> {
			sheet.getRow(4).getCell(column("2.2")).setCellFormula("50+50");
			sheet.getRow(4).getCell(column("1.1")).setCellValue("có lẽ");
			sheet.getRow(5).getCell(column("2.2")).setCellValue(150);
		});
		assertThat(parsed.rows()).isNotEmpty();
		assertThat(parsed.problems()).extracting(AssessmentWorkbook.CellProblem::cell).containsExactlyInAnyOrder(
				AssessmentWorkbook.ref(4, column("2.2")), AssessmentWorkbook.ref(4, column("1.1")),
				AssessmentWorkbook.ref(5, column("2.2")));
		assertThat(parsed.problems()).anySatisfy(p -> assertThat(p.message()).contains("công thức"));
		assertThat(parsed.problems()).anySatisfy(p -> assertThat(p.message()).contains("0 đến 100"));
	}

	@Test
	void refusesATemplateWhoseStructureChanged() throws IOException {
		var parsed = fillAndRead(sheet -> sheet.getRow(AssessmentWorkbook.HEADER_ROW).getCell(column("2.1")).setCellValue("Cột tự thêm"));
		assertThat(parsed.rows()).isEmpty();
		assertThat(parsed.problems()).singleElement().satisfies(p -> {
			assertThat(p.cell()).isEqualTo(AssessmentWorkbook.ref(AssessmentWorkbook.HEADER_ROW, column("2.1")));
			assertThat(p.message()).contains("2.1");
		});
	}

	@Test
	void refusesFilesThatAreNotTemplates() throws IOException {
		assertThat(AssessmentWorkbook.read(new ByteArrayInputStream("not excel".getBytes()), (c, v) -> SET).problems())
			.singleElement().satisfies(p -> assertThat(p.message()).contains(".xlsx"));
		try (XSSFWorkbook other = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			other.createSheet("Sheet1");
			other.write(out);
			assertThat(AssessmentWorkbook.read(new ByteArrayInputStream(out.toByteArray()), (c, v) -> SET).problems())
				.singleElement().satisfies(p -> assertThat(p.message()).contains("mẫu"));
		}
	}

	@Test
	void aNumberIsReadAsStoredNotAsVietnameseThousands() throws IOException {
		var parsed = fillAndRead(sheet -> sheet.getRow(4).getCell(column("10")).setCellValue(234.567));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.rows().get(0).values().get("10")).isEqualTo(new IndicatorValue.Amount(new java.math.BigDecimal("234.567")));
	}

	/** Rows written by a streaming writer (inline strings, as SheetJS and POI's SXSSF write them) read the same. */
	@Test
	void readsInlineStringsAndRefusesAFileAboveTheRowLimit() throws IOException {
		byte[] template = AssessmentWorkbook.template(SET, List.of());
		try (XSSFWorkbook base = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			try (var streaming = new org.apache.poi.xssf.streaming.SXSSFWorkbook(base, 100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				var sheet = streaming.getSheet(AssessmentWorkbook.DATA);
				for (int i = 0; i <= AssessmentWorkbook.MAX_ROWS; i++) {
					var row = sheet.createRow(AssessmentWorkbook.HEADER_ROW + 1 + i);
					row.createCell(0).setCellValue("X" + i);
					row.createCell(column("1.1")).setCellValue(i % 2 == 0 ? "Đạt" : "Không đạt");
				}
				streaming.write(out);
				var parsed = AssessmentWorkbook.read(new ByteArrayInputStream(out.toByteArray()), (code, version) -> SET);
				assertThat(parsed.rows()).hasSize(AssessmentWorkbook.MAX_ROWS);
				assertThat(parsed.rows().get(1).values().get("1.1")).isEqualTo(new IndicatorValue.YesNo(false));
				assertThat(parsed.problems()).singleElement()
					.satisfies(p -> assertThat(p.message()).contains("hơn 20000 dòng", "chia"));
			}
		}
	}
}
