package vn.ntmtracker.registers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.ntmtracker.units.Unit;

/**
 * The household workbook: sheet {@value #SHEET} with the year in B1, the unit in B2, headers in row 4 and one household
 * per row from row 5; sheets "Thôn" (the codes to use) and "Hướng dẫn". The same layout is the blank template, the
 * export (filled) and what the import reads, so an exported file can be corrected and imported back.
 */
final class HouseholdWorkbook {

	static final String SHEET = "Hộ";
	static final String YEAR_CELL = "B1";
	static final String UNIT_CELL = "B2";
	/** Zero-based index of the header row (row 4 in the sheet). */
	static final int HEADER_ROW = 3;
	static final int FIRST_DATA_ROW = HEADER_ROW + 1;

	/** The columns, in order; the import checks the headers by these names, diacritics and case ignored. */
	enum Column {
		VILLAGE("Mã thôn", "village"),
		CODE("Mã hộ", "code"),
		HEAD_NAME("Họ tên chủ hộ", "headName"),
		ID_NUMBER("Số định danh (CCCD)", "idNumber"),
		ADDRESS("Địa chỉ", "address"),
		MEMBERS("Số nhân khẩu", "members"),
		INSURED("Số người có thẻ BHYT", "insuredMembers"),
		STATUS("Phân loại hộ", "status"),
		DEPRIVATIONS("Chỉ số thiếu hụt (số 1–12)", "deprivations"),
		HOUSING("Nhà ở đạt chuẩn", "housingStandard"),
		WATER("Nước sạch", "cleanWater"),
		CADRE("Cán bộ giúp đỡ", "cadre"),
		NOTE("Ghi chú", "note");

		private final String header;
		private final String field;

		Column(String header, String field) {
			this.header = header;
			this.field = field;
		}

		String header() {
			return header;
		}

		String letter() {
			return Character.toString((char) ('A' + ordinal()));
		}

		/** The column a form field is typed in, for naming the cell of a rule's problem. */
		static Column ofField(String field) {
			for (Column column : values()) {
				if (column.field.equals(field)) {
					return column;
				}
			}
			return CODE;
		}
	}

	private HouseholdWorkbook() {
	}

	static byte[] template(Unit unit, List<Unit> villages, int year) {
		return write(unit, villages, year, List.of(), null);
	}

	/**
	 * The households with their personal data in clear, for an export whose purpose was stated; the purpose, who and
	 * when are written on the first sheet, so the file carries its own justification.
	 */
	static byte[] export(Unit unit, List<Unit> villages, int year, List<Map.Entry<HouseholdStore.Row, HouseholdYear>> rows,
			String notice) {
		return write(unit, villages, year, rows, notice);
	}

	private static byte[] write(Unit unit, List<Unit> villages, int year,
			List<Map.Entry<HouseholdStore.Row, HouseholdYear>> rows, String notice) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet sheet = workbook.createSheet(SHEET);
			Row first = sheet.createRow(0);
			first.createCell(0).setCellValue("Năm");
			first.createCell(1).setCellValue(year);
			first.createCell(2).setCellValue("Sổ theo dõi hộ gia đình — " + unit.displayName());
			Row second = sheet.createRow(1);
			second.createCell(0).setCellValue("Đơn vị");
			second.createCell(1).setCellValue(unit.code());
			Row third = sheet.createRow(2);
			third.createCell(0).setCellValue(notice != null ? notice
					: "Mỗi dòng một hộ. Tên và số định danh không bắt buộc (dữ liệu cá nhân, Nghị định 13/2023/NĐ-CP). Xem sheet Hướng dẫn.");
			Row header = sheet.createRow(HEADER_ROW);
			for (Column column : Column.values()) {
				header.createCell(column.ordinal()).setCellValue(column.header());
				header.getCell(column.ordinal()).setCellStyle(bold);
				sheet.setColumnWidth(column.ordinal(), column == Column.HEAD_NAME || column == Column.ADDRESS
						|| column == Column.NOTE ? 28 * 256 : 16 * 256);
			}
			int r = FIRST_DATA_ROW;
			for (Map.Entry<HouseholdStore.Row, HouseholdYear> entry : rows) {
				HouseholdStore.Row household = entry.getKey();
				HouseholdYear y = entry.getValue();
				Row row = sheet.createRow(r++);
				text(row, Column.VILLAGE, household.villageCode());
				text(row, Column.CODE, household.code());
				text(row, Column.HEAD_NAME, household.headName());
				text(row, Column.ID_NUMBER, household.idNumber());
				text(row, Column.ADDRESS, household.address());
				row.createCell(Column.MEMBERS.ordinal()).setCellValue(y.members());
				row.createCell(Column.INSURED.ordinal()).setCellValue(y.insuredMembers());
				text(row, Column.STATUS, y.status().label());
				text(row, Column.DEPRIVATIONS, Deprivation.numbers(y.deprivations()));
				text(row, Column.HOUSING, yesNo(y.housingStandard()));
				text(row, Column.WATER, yesNo(y.cleanWater()));
				text(row, Column.CADRE, y.cadre());
				text(row, Column.NOTE, y.note());
			}
			validations(sheet, Math.max(r, FIRST_DATA_ROW + 2000));
			Sheet villageSheet = workbook.createSheet("Thôn");
			Row villageHeader = villageSheet.createRow(0);
			villageHeader.createCell(0).setCellValue("Mã thôn");
			villageHeader.createCell(1).setCellValue("Tên thôn");
			int v = 1;
			for (Unit village : villages) {
				Row row = villageSheet.createRow(v++);
				row.createCell(0).setCellValue(village.code());
				row.createCell(1).setCellValue(village.displayName());
			}
			help(workbook.createSheet("Hướng dẫn"));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void validations(Sheet sheet, int lastRow) {
		DataValidationHelper helper = sheet.getDataValidationHelper();
		list(sheet, helper, Column.STATUS, lastRow, "Nghèo", "Cận nghèo", "Thoát nghèo", "Không");
		list(sheet, helper, Column.HOUSING, lastRow, "Có", "Không");
		list(sheet, helper, Column.WATER, lastRow, "Có", "Không");
	}

	private static void list(Sheet sheet, DataValidationHelper helper, Column column, int lastRow, String... values) {
		DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values),
				new CellRangeAddressList(FIRST_DATA_ROW, lastRow, column.ordinal(), column.ordinal()));
		validation.setShowErrorBox(true);
		sheet.addValidationData(validation);
	}

	private static void help(Sheet sheet) {
		String[] lines = {
				"Nhập mỗi hộ một dòng từ dòng 5 của sheet Hộ; ô B1 là năm rà soát, ô B2 là mã xã hoặc thôn nhận file.",
				"Mã thôn: theo sheet Thôn (bỏ trống khi file của một thôn). Mã hộ: bắt buộc, duy nhất trong thôn.",
				"Họ tên chủ hộ, số định danh (12 chữ số căn cước hoặc 9 chữ số CMND), địa chỉ: không bắt buộc; ô trống giữ thông tin đã có.",
				"Số nhân khẩu: 1–50. Số người có thẻ BHYT: không lớn hơn số nhân khẩu.",
				"Phân loại hộ: Nghèo, Cận nghèo, Thoát nghèo (hộ nghèo hoặc cận nghèo năm trước ra khỏi danh sách), Không.",
				"Chỉ số thiếu hụt (không bắt buộc): số thứ tự các chỉ số dịch vụ xã hội cơ bản hộ thiếu, cách nhau dấu phẩy;"
						+ " hộ nghèo thiếu từ 3 chỉ số, hộ cận nghèo dưới 3 (Nghị định 07/2021/NĐ-CP).",
				"Nhà ở đạt chuẩn, Nước sạch: Có hoặc Không; để trống khi chưa đánh giá.",
				"File được nhận cả hoặc không nhận gì: mọi lỗi được báo theo ô, sửa rồi tải lên lại.",
				"" };
		int r = 0;
		for (String line : lines) {
			sheet.createRow(r++).createCell(0).setCellValue(line);
		}
		sheet.createRow(r++).createCell(0).setCellValue("Số — chỉ số thiếu hụt — chiều");
		for (Deprivation d : Deprivation.values()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(d.number());
			row.createCell(1).setCellValue(d.label());
			row.createCell(2).setCellValue(d.dimension());
		}
		sheet.setColumnWidth(0, 12 * 256);
		sheet.setColumnWidth(1, 45 * 256);
	}

	private static void text(Row row, Column column, String value) {
		if (value != null && !value.isEmpty()) {
			row.createCell(column.ordinal()).setCellValue(value);
		}
	}

	static String yesNo(Boolean value) {
		return value == null ? null : value ? "Có" : "Không";
	}
}
