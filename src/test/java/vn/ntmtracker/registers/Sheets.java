package vn.ntmtracker.registers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Household workbooks in the import layout, written the way a person would fill the template. */
final class Sheets {

	private Sheets() {
	}

	/** Each row: village, code, name, id number, address, members, insured, status, deprivations, housing, water, cadre, note. */
	static byte[] households(String unit, Object year, String[]... rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(HouseholdWorkbook.SHEET);
			Row first = sheet.createRow(0);
			first.createCell(0).setCellValue("Năm");
			if (year instanceof Integer y) {
				first.createCell(1).setCellValue(y);
			}
			else {
				first.createCell(1).setCellValue(String.valueOf(year));
			}
			Row second = sheet.createRow(1);
			second.createCell(0).setCellValue("Đơn vị");
			second.createCell(1).setCellValue(unit);
			Row header = sheet.createRow(HouseholdWorkbook.HEADER_ROW);
			for (HouseholdWorkbook.Column column : HouseholdWorkbook.Column.values()) {
				header.createCell(column.ordinal()).setCellValue(column.header());
			}
			int r = HouseholdWorkbook.FIRST_DATA_ROW;
			for (String[] values : rows) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.length; c++) {
					if (values[c] == null) {
						continue;
					}
					if (c == HouseholdWorkbook.Column.MEMBERS.ordinal() || c == HouseholdWorkbook.Column.INSURED.ordinal()) {
						try {
							row.createCell(c).setCellValue(Integer.parseInt(values[c]));
							continue;
						}
						catch (NumberFormatException ex) {
							// typed as text, as a person might
						}
					}
					row.createCell(c).setCellValue(values[c]);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String[] row(String village, String code, String name, String members, String insured, String status) {
		return new String[] { village, code, name, null, null, members, insured, status, null, "Có", "Có", null, null };
	}
}
