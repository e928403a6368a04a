import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Times the household import through the API, as a commune officer uploads it: 10,000 households of one commune
 * (Cẩm Lĩnh's six villages in the demo) for one year, first as new households, then the same file again (nothing to
 * write), then with one household in ten changed. Usage:
 * java -cp <classpath> BenchHouseholds.java http://127.0.0.1:18081 camlinh ntm-demo
 */
public class BenchHouseholds {

	static final String[] STATUSES = { "Không", "Không", "Không", "Không", "Không", "Không", "Không", "Không", "Cận nghèo", "Nghèo" };

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
		int households = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
		byte[] first = workbook(households, 0);
		byte[] changed = workbook(households, 10);
		System.out.printf("workbook: %,d households, %,d bytes%n", households, first.length);
		HttpClient http = HttpClient.newHttpClient();
		for (String[] run : new String[][] { { "new households", "first" }, { "same file again", "first" }, { "1 in 10 changed", "changed" } }) {
			byte[] file = run[1].equals("first") ? first : changed;
			String boundary = "bench" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"so-ho.xlsx\"\r\n"
					+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(file);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/units/HT-CAMLINH/households/import?year=2025"))
				.header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("%-16s HTTP %d in %.2f s  %s%n", run[0], response.statusCode(), seconds,
					response.body().substring(0, Math.min(200, response.body().length())));
			if (response.statusCode() != 200) {
				System.exit(1);
			}
		}
		HttpResponse<String> summary = http.send(HttpRequest.newBuilder(URI.create(base + "/api/units/HT-CAMLINH/households/summary?year=2025"))
			.header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
		System.out.println("summary 2025: " + summary.body());
	}

	/** Households spread over the six villages; {@code changeEvery} > 0 changes the members of one in that many. */
	static byte[] workbook(int households, int changeEvery) throws Exception {
		Random random = new Random(42);
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Hộ");
			Row first = sheet.createRow(0);
			first.createCell(0).setCellValue("Năm");
			first.createCell(1).setCellValue(2025);
			Row second = sheet.createRow(1);
			second.createCell(0).setCellValue("Đơn vị");
			second.createCell(1).setCellValue("HT-CAMLINH");
			String[] headers = { "Mã thôn", "Mã hộ", "Họ tên chủ hộ", "Số định danh (CCCD)", "Địa chỉ", "Số nhân khẩu",
					"Số người có thẻ BHYT", "Phân loại hộ", "Chỉ số thiếu hụt (số 1–12)", "Nhà ở đạt chuẩn", "Nước sạch",
					"Cán bộ giúp đỡ", "Ghi chú" };
			Row header = sheet.createRow(3);
			for (int c = 0; c < headers.length; c++) {
				header.createCell(c).setCellValue(headers[c]);
			}
			for (int h = 0; h < households; h++) {
				Row row = sheet.createRow(4 + h);
				int members = 1 + random.nextInt(6);
				if (changeEvery > 0 && h % changeEvery == 0) {
					members = members == 6 ? 5 : members + 1;
				}
				String status = STATUSES[random.nextInt(STATUSES.length)];
				row.createCell(0).setCellValue("HT-CAMLINH-T" + (1 + h % 6));
				row.createCell(1).setCellValue(String.format("B-%05d", h + 1));
				row.createCell(2).setCellValue("Chủ hộ thử tải " + (h + 1));
				row.createCell(3).setCellValue(String.format("%012d", 1_000_000L + h));
				row.createCell(4).setCellValue("Thôn " + (1 + h % 6) + ", xã Cẩm Lĩnh");
				row.createCell(5).setCellValue(members);
				row.createCell(6).setCellValue(members - (random.nextInt(8) == 0 ? 1 : 0));
				row.createCell(7).setCellValue(status);
				row.createCell(8).setCellValue(status.equals("Nghèo") ? "1, 5, 9" : status.equals("Cận nghèo") ? "3" : "");
				row.createCell(9).setCellValue(random.nextInt(10) == 0 ? "Không" : "Có");
				row.createCell(10).setCellValue("Có");
				row.createCell(11).setCellValue(status.equals("Không") ? "" : "Cán bộ " + (1 + h % 12));
			}
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
	}
}
