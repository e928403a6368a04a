package vn.ntmtracker.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.ntmtracker.criteria.Criterion;

/**
 * Writes the subtree overview as an XLSX sheet: one row per unit, one column per criterion; the assessment date is a
 * date cell shown dd/mm/yyyy and the round's status is in words.
 */
final class OverviewWorkbook {

	private OverviewWorkbook() {
	}

	static byte[] write(AssessmentOverview.Overview overview) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("Tổng hợp");
			CellStyle achieved = fill(workbook, IndexedColors.LIGHT_GREEN);
			CellStyle basically = fill(workbook, IndexedColors.LIGHT_YELLOW);
			CellStyle notAchieved = fill(workbook, IndexedColors.CORAL);
			CellStyle day = workbook.createCellStyle();
			day.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			XSSFRow title = sheet.createRow(0);
			title.createCell(0).setCellValue(overview.set().title() + " — " + overview.root().displayName() + " — tại ngày "
					+ overview.asOf().getDayOfMonth() + "/" + overview.asOf().getMonthValue() + "/" + overview.asOf().getYear());
			XSSFRow header = sheet.createRow(2);
			String[] fixed = { "Mã", "Đơn vị", "Trực thuộc", "Ngày đánh giá", "Trạng thái", "Số tiêu chí đạt", "Tổng số", "Nguy cơ thu hồi", "Tiêu chí bị giảm" };
			for (int i = 0; i < fixed.length; i++) {
				header.createCell(i).setCellValue(fixed[i]);
			}
			int column = fixed.length;
			for (Criterion criterion : overview.set().criteria()) {
				header.createCell(column++).setCellValue(criterion.number() + ". " + criterion.name());
			}
			int rowIndex = 3;
			for (AssessmentOverview.Row row : overview.rows()) {
				XSSFRow line = sheet.createRow(rowIndex++);
				line.createCell(0).setCellValue(row.unitCode());
				line.createCell(1).setCellValue(row.displayName());
				line.createCell(2).setCellValue(row.parentName() == null ? "" : row.parentName());
				if (row.assessed()) {
					var asOf = line.createCell(3);
					asOf.setCellValue(row.asOf());
					asOf.setCellStyle(day);
					line.createCell(4).setCellValue(row.status().label());
					line.createCell(5).setCellValue(row.achieved());
					line.createCell(6).setCellValue(row.total());
					line.createCell(7).setCellValue(row.atRisk() ? "Có" : "");
					line.createCell(8).setCellValue(row.lostCriteria() == null ? "" : row.lostCriteria());
				}
				else {
					line.createCell(4).setCellValue("Chưa đánh giá");
				}
				column = fixed.length;
				for (Criterion criterion : overview.set().criteria()) {
					var cell = line.createCell(column++);
					AssessmentOverview.Cell result = row.cells().get(criterion.number());
					if (result != null) {
						cell.setCellValue(result.achieved() ? (result.basically() ? "Cơ bản đạt" : "Đạt") : "Chưa đạt");
						cell.setCellStyle(result.achieved() ? (result.basically() ? basically : achieved) : notAchieved);
					}
				}
			}
			sheet.createFreezePane(2, 3);
			for (int i = 0; i < 9; i++) {
				sheet.autoSizeColumn(i);
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static CellStyle fill(XSSFWorkbook workbook, IndexedColors color) {
		CellStyle style = workbook.createCellStyle();
		style.setFillForegroundColor(color.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		return style;
	}
}
