package vn.ntmtracker.planning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a plan as the khung kế hoạch users keep in Excel: one row per task under its criterion (approved
 * village plans below), one column per funding source, and a second sheet with the cost by source. Start and deadline
 * are date cells shown dd/mm/yyyy (a recurring task's deadline is its recurrence in words).
 */
final class PlanWorkbook {

	static final String[] FIXED = { "Tiêu chí", "Đơn vị", "Nhiệm vụ", "Loại", "Khối lượng", "Đơn vị tính", "Bắt đầu",
			"Thời hạn", "Chủ trì", "Người phụ trách", "Phối hợp" };

	private PlanWorkbook() {
	}

	static byte[] write(Plans.PlanView view) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("Khung kế hoạch");
			CellStyle day = workbook.createCellStyle();
			day.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			sheet.createRow(0).createCell(0).setCellValue(view.plan().title() + " — " + view.unit().displayName()
					+ " — mục tiêu " + view.plan().targetTier().label() + " đến " + date(view.plan().targetDate()));
			XSSFRow header = sheet.createRow(2);
			int column = 0;
			for (String name : FIXED) {
				header.createCell(column++).setCellValue(name);
			}
			for (FundingSource source : FundingSource.values()) {
				header.createCell(column++).setCellValue(source.label());
			}
			header.createCell(column++).setCellValue("Tổng kinh phí (đồng)");
			header.createCell(column++).setCellValue("% hoàn thành");
			int row = 3;
			for (PlanRollup.CriterionTasks criterion : view.rollup().criteria()) {
				String label = criterion.number() == null ? "Chung" : criterion.number() + ". " + criterion.name();
				for (PlanTask task : criterion.tasks()) {
					write(sheet.createRow(row++), label, view.unit().displayName(), task, day);
				}
			}
			for (PlanRollup.VillageTasks village : view.rollup().villages()) {
				for (PlanTask task : village.tasks()) {
					write(sheet.createRow(row++), task.criterionNumber() == null ? "" : village.plan().setCode() + " / " + task.criterionNumber(),
							village.unitName(), task, day);
				}
			}
			XSSFRow total = sheet.createRow(row + 1);
			total.createCell(2).setCellValue("Tổng cộng");
			total.createCell(FIXED.length + FundingSource.values().length).setCellValue(view.rollup().totalCost());

			XSSFSheet sources = workbook.createSheet("Theo nguồn vốn");
			XSSFRow top = sources.createRow(0);
			top.createCell(0).setCellValue("Nguồn vốn");
			top.createCell(1).setCellValue("Kinh phí dự kiến (đồng)");
			int line = 1;
			for (var entry : view.rollup().costBySource().entrySet()) {
				XSSFRow r = sources.createRow(line++);
				r.createCell(0).setCellValue(entry.getKey().label());
				r.createCell(1).setCellValue(entry.getValue());
			}
			XSSFRow sum = sources.createRow(line);
			sum.createCell(0).setCellValue("Tổng cộng");
			sum.createCell(1).setCellValue(view.rollup().costBySource().values().stream().mapToLong(Long::longValue).sum());
			for (int i = 0; i < FIXED.length + FundingSource.values().length + 2; i++) {
				sheet.setColumnWidth(i, i == 2 ? 60 * 256 : 16 * 256);
			}
			sources.setColumnWidth(0, 28 * 256);
			sources.setColumnWidth(1, 24 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static void write(XSSFRow line, String criterion, String unitName, PlanTask task, CellStyle day) {
		int c = 0;
		line.createCell(c++).setCellValue(criterion);
		line.createCell(c++).setCellValue(unitName);
		line.createCell(c++).setCellValue(task.description());
		line.createCell(c++).setCellValue(task.kind().label());
		if (task.volumeQuantity() != null) {
			line.createCell(c).setCellValue(task.volumeQuantity().doubleValue());
		}
		c++;
		line.createCell(c++).setCellValue(task.volumeUnit() == null ? "" : task.volumeUnit());
		dateCell(line, c++, task.start(), day);
		if (task.deadline() != null) {
			dateCell(line, c++, task.deadline(), day);
		}
		else {
			line.createCell(c++).setCellValue(task.recurrence() == null ? "" : task.recurrence());
		}
		line.createCell(c++).setCellValue(task.leadBody() == null ? "" : task.leadBody());
		line.createCell(c++).setCellValue(task.leadPerson() == null ? "" : task.leadPerson());
		line.createCell(c++).setCellValue(task.cooperating() == null ? "" : task.cooperating());
		for (FundingSource source : FundingSource.values()) {
			Long amount = task.costs().get(source);
			if (amount != null) {
				line.createCell(c).setCellValue(amount);
			}
			c++;
		}
		line.createCell(c++).setCellValue(task.totalCost());
		line.createCell(c).setCellValue(task.percentDone());
	}

	/** A real date cell (Excel sorts and filters it), shown dd/mm/yyyy; nothing when there is no date. */
	private static void dateCell(XSSFRow line, int column, LocalDate date, CellStyle day) {
		if (date != null) {
			var cell = line.createCell(column);
			cell.setCellValue(date);
			cell.setCellStyle(day);
		}
	}

	private static String date(LocalDate date) {
		return date == null ? "" : date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
	}
}
