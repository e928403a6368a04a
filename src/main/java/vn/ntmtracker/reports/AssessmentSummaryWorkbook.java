package vn.ntmtracker.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.ntmtracker.assessment.AssessmentOverview;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.criteria.CriterionGroup;

/**
 * Biểu tổng hợp kết quả thực hiện bộ tiêu chí for an area, in the layout provinces use: a title, the area and date,
 * two merged header rows (the set's groups over their criteria, then each criterion), one row per unit grouped under
 * its parent with its x/N, a row counting the units that meet each criterion, and a legend. Numbers are numbers and
 * dates are dates, so the sheet can be summed and filtered. Streamed row by row: a province of 1,000 communes stays
 * small in memory.
 */
final class AssessmentSummaryWorkbook {

	/** Columns before the criteria: TT, unit, parent, date, achieved, total, x/N, status. */
	private static final String[] FIXED = { "TT", "Đơn vị", "Trực thuộc", "Ngày đánh giá", "Số tiêu chí đạt", "Tổng số tiêu chí",
			"Đạt (x/N)", "Tình trạng" };

	private AssessmentSummaryWorkbook() {
	}

	static byte[] write(AssessmentOverview.Overview overview) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.setCompressTempFiles(false);
			Styles styles = new Styles(workbook);
			SXSSFSheet sheet = workbook.createSheet("Tổng hợp");
			List<Criterion> criteria = overview.set().criteria();
			int lastColumn = FIXED.length + criteria.size() - 1;

			Row title = sheet.createRow(0);
			text(title, 0, "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN " + VietnameseText.upper(overview.set().title()), styles.title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastColumn));
			Row subtitle = sheet.createRow(1);
			text(subtitle, 0, "Địa bàn: " + overview.root().displayName() + " — số liệu tại ngày " + VietnameseText.date(overview.asOf())
					+ " (kỳ đánh giá gần nhất của mỗi đơn vị đến ngày đó)", styles.subtitle);
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, lastColumn));

			Row groupRow = sheet.createRow(3);
			Row criterionRow = sheet.createRow(4);
			criterionRow.setHeightInPoints(96);
			for (int i = 0; i < FIXED.length; i++) {
				text(groupRow, i, FIXED[i], styles.header);
				text(criterionRow, i, "", styles.header);
				sheet.addMergedRegion(new CellRangeAddress(3, 4, i, i));
			}
			Map<String, String> groupNames = new LinkedHashMap<>();
			overview.set().groups().forEach((CriterionGroup g) -> groupNames.put(g.code(), g.name()));
			int column = FIXED.length;
			int groupStart = column;
			String group = criteria.isEmpty() ? null : criteria.get(0).group();
			for (int i = 0; i < criteria.size(); i++) {
				Criterion criterion = criteria.get(i);
				if (!Objects.equals(criterion.group(), group)) {
					mergeGroup(sheet, groupRow, groupStart, column - 1, groupNames.getOrDefault(group, "Tiêu chí"), styles);
					group = criterion.group();
					groupStart = column;
				}
				text(criterionRow, column, criterion.number() + ". " + criterion.name(), styles.criterion);
				column++;
			}
			if (!criteria.isEmpty()) {
				mergeGroup(sheet, groupRow, groupStart, column - 1, groupNames.getOrDefault(group, "Tiêu chí"), styles);
			}
			sheet.createFreezePane(2, 5);

			int rowIndex = 5;
			int number = 0;
			String parent = null;
			List<AssessmentOverview.Row> rows = new ArrayList<>(overview.rows());
			rows.sort(java.util.Comparator.comparing((AssessmentOverview.Row r) -> r.parentName() == null ? "" : r.parentName())
				.thenComparing(AssessmentOverview.Row::unitName));
			for (AssessmentOverview.Row unit : rows) {
				if (!Objects.equals(unit.parentName(), parent)) {
					parent = unit.parentName();
					Row parentRow = sheet.createRow(rowIndex);
					text(parentRow, 0, parent == null ? "" : parent, styles.group);
					sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, lastColumn));
					rowIndex++;
				}
				Row line = sheet.createRow(rowIndex++);
				numeric(line, 0, ++number, styles.centre);
				text(line, 1, unit.kind().label() + " " + unit.unitName(), styles.cell);
				text(line, 2, unit.parentName() == null ? "" : unit.parentName(), styles.cell);
				if (unit.assessed()) {
					Cell date = line.createCell(3);
					date.setCellValue(unit.asOf());
					date.setCellStyle(styles.date);
					numeric(line, 4, unit.achieved(), styles.centre);
					numeric(line, 5, unit.total(), styles.centre);
					text(line, 6, unit.score(), styles.centre);
					text(line, 7, unit.reachedTier() ? "Đạt chuẩn" : unit.atRisk() ? "Nguy cơ thu hồi" : unit.regressed() ? "Giảm tiêu chí" : "", styles.cell);
				}
				else {
					text(line, 3, "", styles.cell);
					text(line, 4, "", styles.centre);
					text(line, 5, "", styles.centre);
					text(line, 6, "", styles.centre);
					text(line, 7, "Chưa đánh giá", styles.cell);
				}
				column = FIXED.length;
				for (Criterion criterion : criteria) {
					AssessmentOverview.Cell result = unit.cells().get(criterion.number());
					if (result == null) {
						text(line, column++, "", styles.centre);
					}
					else if (result.achieved()) {
						text(line, column++, result.basically() ? "x*" : "x", result.basically() ? styles.basically : styles.achieved);
					}
					else {
						text(line, column++, "", styles.notAchieved);
					}
				}
			}
			Row totals = sheet.createRow(rowIndex++);
			text(totals, 0, "", styles.total);
			text(totals, 1, "Số đơn vị đạt", styles.total);
			text(totals, 2, "", styles.total);
			text(totals, 3, "", styles.total);
			numeric(totals, 4, overview.assessed(), styles.total);
			text(totals, 5, "đã đánh giá", styles.total);
			numeric(totals, 6, overview.reachedTier(), styles.total);
			text(totals, 7, "đạt chuẩn", styles.total);
			column = FIXED.length;
			for (Criterion criterion : criteria) {
				numeric(totals, column++, overview.achievedPerCriterion().getOrDefault(criterion.number(), 0), styles.total);
			}
			rowIndex++;
			Row legend = sheet.createRow(rowIndex);
			text(legend, 1, "Ghi chú: x = đạt; x* = cơ bản đạt (chưa bền vững); ô trống tô màu = chưa đạt; ô trống không màu = chưa có kết quả.",
					styles.subtitle);

			sheet.setColumnWidth(0, 6 * 256);
			sheet.setColumnWidth(1, 26 * 256);
			sheet.setColumnWidth(2, 22 * 256);
			sheet.setColumnWidth(3, 13 * 256);
			sheet.setColumnWidth(4, 10 * 256);
			sheet.setColumnWidth(5, 10 * 256);
			sheet.setColumnWidth(6, 10 * 256);
			sheet.setColumnWidth(7, 16 * 256);
			for (int i = FIXED.length; i <= lastColumn; i++) {
				sheet.setColumnWidth(i, 6 * 256);
			}
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("summary workbook could not be written", ex);
		}
	}

	private static void mergeGroup(Sheet sheet, Row row, int from, int to, String name, Styles styles) {
		for (int c = from; c <= to; c++) {
			text(row, c, c == from ? name : "", styles.header);
		}
		if (to > from) {
			sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), from, to));
		}
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void numeric(Row row, int column, double value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	/** Times New Roman throughout, thin borders, the date as dd/mm/yyyy. */
	private static final class Styles {

		final CellStyle title;
		final CellStyle subtitle;
		final CellStyle header;
		final CellStyle criterion;
		final CellStyle group;
		final CellStyle cell;
		final CellStyle centre;
		final CellStyle date;
		final CellStyle achieved;
		final CellStyle basically;
		final CellStyle notAchieved;
		final CellStyle total;

		Styles(SXSSFWorkbook workbook) {
			Font plain = font(workbook, false, false, 11);
			Font bold = font(workbook, true, false, 11);
			title = workbook.createCellStyle();
			title.setFont(font(workbook, true, false, 14));
			title.setAlignment(HorizontalAlignment.CENTER);
			subtitle = workbook.createCellStyle();
			subtitle.setFont(font(workbook, false, true, 11));
			header = bordered(workbook, bold, HorizontalAlignment.CENTER);
			header.setWrapText(true);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			criterion = bordered(workbook, bold, HorizontalAlignment.CENTER);
			criterion.setRotation((short) 90);
			criterion.setWrapText(true);
			criterion.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			criterion.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			group = bordered(workbook, bold, HorizontalAlignment.LEFT);
			cell = bordered(workbook, plain, HorizontalAlignment.LEFT);
			centre = bordered(workbook, plain, HorizontalAlignment.CENTER);
			date = bordered(workbook, plain, HorizontalAlignment.CENTER);
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			achieved = filled(workbook, plain, IndexedColors.LIGHT_GREEN);
			basically = filled(workbook, plain, IndexedColors.LIGHT_YELLOW);
			notAchieved = filled(workbook, plain, IndexedColors.ROSE);
			total = bordered(workbook, bold, HorizontalAlignment.CENTER);
		}

		private static Font font(SXSSFWorkbook workbook, boolean bold, boolean italic, int size) {
			Font font = workbook.createFont();
			font.setFontName("Times New Roman");
			font.setBold(bold);
			font.setItalic(italic);
			font.setFontHeightInPoints((short) size);
			return font;
		}

		private static CellStyle bordered(SXSSFWorkbook workbook, Font font, HorizontalAlignment alignment) {
			CellStyle style = workbook.createCellStyle();
			style.setFont(font);
			style.setAlignment(alignment);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			return style;
		}

		private static CellStyle filled(SXSSFWorkbook workbook, Font font, IndexedColors color) {
			CellStyle style = bordered(workbook, font, HorizontalAlignment.CENTER);
			style.setFillForegroundColor(color.getIndex());
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			return style;
		}
	}
}
