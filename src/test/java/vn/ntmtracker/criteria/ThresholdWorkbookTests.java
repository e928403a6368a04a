package vn.ntmtracker.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The threshold sheet: download, fill, upload; all or nothing, problems by sheet, cell and why, in Vietnamese. */
class ThresholdWorkbookTests {

	private static final CriteriaSetDefinition SET = TestSets.set("QD318-2022-XA-NTM", 2);

	private record Result(Optional<ThresholdWorkbook.Upload> upload, List<ThresholdRows.Problem> problems) {
	}

	private static Result fillAndRead(Consumer<Sheet> fill) throws IOException {
		byte[] sheet = ThresholdWorkbook.write(SET, 0);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fill.accept(workbook.getSheet(ThresholdWorkbook.SHEET));
			workbook.write(out);
			List<ThresholdRows.Problem> problems = new ArrayList<>();
			Optional<ThresholdWorkbook.Upload> upload = ThresholdWorkbook.read(new ByteArrayInputStream(out.toByteArray()),
					(code, version) -> code.equals(SET.code()) && version == SET.version() ? Optional.of(SET) : Optional.empty(),
					problems);
			return new Result(upload, problems);
		}
	}

	/** The row of an indicator for a key ("Chung", "TDMNPB") and a year (null = every year). */
	private static Row row(Sheet sheet, String code, String key, Integer year) {
		for (Row row : sheet) {
			if (row.getRowNum() <= ThresholdWorkbook.HEADER_ROW || row.getCell(0) == null) {
				continue;
			}
			String rowYear = row.getCell(ThresholdWorkbook.YEAR) == null ? "" : String.valueOf((int) row.getCell(ThresholdWorkbook.YEAR).getNumericCellValue());
			if (row.getCell(0).getStringCellValue().equals(code) && row.getCell(ThresholdWorkbook.KEY).getStringCellValue().equals(key)
					&& rowYear.equals(year == null ? "" : String.valueOf(year))) {
				return row;
			}
		}
		throw new AssertionError("no row " + code + " " + key + " " + year);
	}

	@Test
	void anUnchangedSheetReadsBackAsTheSameThresholds() throws IOException {
		Result result = fillAndRead(sheet -> {
		});
		assertThat(result.problems()).isEmpty();
		ThresholdWorkbook.Upload upload = result.upload().orElseThrow();
		assertThat(upload.base()).isEqualTo(SET.ref());
		CriteriaSetDefinition applied = upload.applyTo(SET);
		assertThat(ReadableDiff.between(SET, applied)).isEmpty();
		assertThat(upload.thresholds()).containsKeys("10", "15.3", "17.1", "17.1b").doesNotContainKey("1.1");
	}

	@Test
	void changedValuesWithTheirSourceBecomeAReadableDiff() throws IOException {
		Result result = fillAndRead(sheet -> {
			Row lane = row(sheet, "2.2", "TDMNPB", null);
			lane.getCell(ThresholdWorkbook.VALUE).setCellValue(70);
			lane.getCell(ThresholdWorkbook.SOURCE).setCellValue("QĐ 99/QĐ-UBND tỉnh Lào Cai");
			lane.getCell(ThresholdWorkbook.DATE).setCellValue("15/4/2024");
			lane.getCell(ThresholdWorkbook.VERIFIED).setCellValue("Có");
			Row income = row(sheet, "10", "ĐNB", 2024);
			income.getCell(ThresholdWorkbook.VALUE).setCellValue("72,5");
			income.getCell(ThresholdWorkbook.SOURCE).setCellValue("QĐ 12/QĐ-UBND tỉnh Đồng Nai");
			income.getCell(ThresholdWorkbook.VERIFIED).setCellValue("Có");
		});
		assertThat(result.problems()).isEmpty();
		CriteriaSetDefinition applied = result.upload().orElseThrow().applyTo(SET);
		assertThat(ReadableDiff.between(SET, applied)).containsExactly(
				"Chỉ tiêu 2.2, vùng TDMNPB: 80 % → 70 % (nguồn: QĐ 99/QĐ-UBND tỉnh Lào Cai (15/4/2024), đã xác minh)",
				"Chỉ tiêu 10, vùng ĐNB, năm 2024: 88,5 triệu đồng/người/năm → 72,5 triệu đồng/người/năm (nguồn: QĐ 12/QĐ-UBND tỉnh Đồng Nai, đã xác minh)");
		Threshold lane = applied.indicator("2.2").orElseThrow().thresholds().stream()
			.filter(t -> t.region() == Region.TDMNPB).findFirst().orElseThrow();
		assertThat(lane.provenance().verified()).isTrue();
		assertThat(lane.provenance().date()).hasToString("2024-04-15");
	}

	@Test
	void aNewRegionalValueFillsAnEmptyRowAndAClearedValueRemovesIt() throws IOException {
		Result result = fillAndRead(sheet -> {
			Row dbsh = row(sheet, "2.2", "ĐBSH", null);
			dbsh.createCell(ThresholdWorkbook.VALUE).setCellValue(95);
			dbsh.createCell(ThresholdWorkbook.SOURCE).setCellValue("QĐ 7/QĐ-UBND tỉnh Thái Bình");
			Row tdmnpb = row(sheet, "2.3", "TDMNPB", null);
			for (int c = ThresholdWorkbook.VALUE; c <= ThresholdWorkbook.NOTE; c++) {
				if (tdmnpb.getCell(c) != null) {
					tdmnpb.removeCell(tdmnpb.getCell(c));
				}
			}
		});
		assertThat(result.problems()).isEmpty();
		assertThat(ReadableDiff.between(SET, result.upload().orElseThrow().applyTo(SET))).containsExactly(
				"Chỉ tiêu 2.2, vùng ĐBSH: thêm 95 % (nguồn: QĐ 7/QĐ-UBND tỉnh Thái Bình, tạm tính)",
				"Chỉ tiêu 2.3, vùng TDMNPB: bỏ 50 %");
	}

	@Test
	void badCellsAreAllReportedBySheetCellAndWhyAndNothingIsReturned() throws IOException {
		Result result = fillAndRead(sheet -> {
			Row lane = row(sheet, "2.2", "TDMNPB", null);
			lane.getCell(ThresholdWorkbook.VALUE).setCellValue("7O");
			Row water = row(sheet, "17.1b", "Chung", null);
			water.getCell(ThresholdWorkbook.VALUE).setCellValue(120);
			Row income = row(sheet, "10", "TN", 2025);
			income.getCell(ThresholdWorkbook.SOURCE).setCellValue(" ");
			income.getCell(ThresholdWorkbook.KEY).setCellValue("Tây Bắc");
			Row stunting = row(sheet, "15.3", "BTB", null);
			stunting.getCell(ThresholdWorkbook.DATE).setCellValue("31/2/2024");
			stunting.getCell(ThresholdWorkbook.VERIFIED).setCellValue("chắc vậy");
			row(sheet, "2.1", "Chung", null).getCell(0).setCellValue("2.9");
			row(sheet, "2.4", "Chung", null).getCell(ThresholdWorkbook.VALUE).setCellFormula("50+50");
		});
		assertThat(result.upload()).isEmpty();
		assertThat(result.problems()).extracting(ThresholdRows.Problem::toString).anySatisfy(p -> assertThat(p)
			.matches("Trang 'Ngưỡng', ô G\\d+: \"7O\" không phải là một số \\(chỉ tiêu 2.2.*"))
			.anySatisfy(p -> assertThat(p).matches("Trang 'Ngưỡng', ô G\\d+: chỉ tiêu 17.1b là tỷ lệ phần trăm: giá trị phải từ 0 đến 100, không phải 120"))
			.anySatisfy(p -> assertThat(p).matches("Trang 'Ngưỡng', ô H\\d+: cần ghi văn bản nguồn của giá trị chỉ tiêu 10.*"))
			.anySatisfy(p -> assertThat(p).matches("Trang 'Ngưỡng', ô E\\d+: \"Tây Bắc\" không phải là \"Chung\", một vùng.*"))
			.anySatisfy(p -> assertThat(p).matches("Trang 'Ngưỡng', ô I\\d+: \"31/2/2024\" không phải là ngày hợp lệ.*"))
			.anySatisfy(p -> assertThat(p).matches("Trang 'Ngưỡng', ô J\\d+: ghi \"Có\" nếu.*"))
			.anySatisfy(p -> assertThat(p).matches("Trang 'Ngưỡng', ô A\\d+: bộ tiêu chí QD318-2022-XA-NTM không có chỉ tiêu \"2.9\""))
			.anySatisfy(p -> assertThat(p).matches("Trang 'Ngưỡng', ô G\\d+: ô chứa công thức; hãy nhập giá trị"));
	}

	@Test
	void regionsOfAYearMustBeCompleteUnlessAGeneralValueCoversThem() throws IOException {
		Result result = fillAndRead(sheet -> {
			Row tn = row(sheet, "15.3", "TN", null);
			for (int c = ThresholdWorkbook.VALUE; c <= ThresholdWorkbook.NOTE; c++) {
				if (tn.getCell(c) != null) {
					tn.removeCell(tn.getCell(c));
				}
			}
		});
		assertThat(result.problems()).extracting(ThresholdRows.Problem::message)
			.containsExactly("Chỉ tiêu 15.3: có giá trị cho một số vùng nhưng thiếu vùng TN; cần đủ 7 vùng, hoặc thêm một giá trị chung");
	}

	@Test
	void aFileThatIsNotTheSheetIsRefusedPlainly() {
		List<ThresholdRows.Problem> problems = new ArrayList<>();
		assertThat(ThresholdWorkbook.read(new ByteArrayInputStream("không phải excel".getBytes()), (c, v) -> Optional.of(SET), problems)).isEmpty();
		assertThat(problems).extracting(ThresholdRows.Problem::message).containsExactly("Tệp không đọc được như một bảng tính Excel (.xlsx)");
	}
}
