import java.io.ByteArrayInputStream;
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
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Loads, through the application's own API, a province of 1,000 communes with two years of rounds, and one commune
 * with a conclusion notice of 240 directives and requests over 8 bodies, a 110-task plan and funds; then times the
 * progress report of that commune (PDF and DOCX, pages counted) and the province's assessment summary (XLSX).
 * Usage: java -cp <classpath> ReportsBench.java http://127.0.0.1:18081 admin password out-dir
 */
public class ReportsBench {

	static HttpClient http = HttpClient.newHttpClient();
	static String base;
	static String auth;

	public static void main(String[] args) throws Exception {
		base = args[0];
		auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
		Path out = Path.of(args[3]);
		System.out.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).strip());
		StringBuilder csv = new StringBuilder("code,name,kind,parent_code,valid_from,valid_to,region\n");
		csv.append("RB,Tỉnh Báo Cáo,tỉnh,,2020-01-01,,BTB\n");
		for (int d = 1; d <= 10; d++) {
			csv.append("RB-H").append(d).append(",Huyện Số ").append(d).append(",huyện,RB,2020-01-01,2025-06-30,BTB\n");
		}
		// Under their district until 30/6/2025, directly under the province afterwards (the 2025 reform).
		for (int c = 1; c <= 1000; c++) {
			csv.append("RB-X").append(c).append(",Xã Thử ").append(c).append(",xã,RB-H").append((c - 1) / 100 + 1).append(",2020-01-01,2025-06-30,BTB\n");
			csv.append("RB-X").append(c).append(",Xã Thử ").append(c).append(",xã,RB,2025-07-01,,BTB\n");
		}
		check(send("POST", "/api/units/import", "text/csv", csv.toString()), 201, "units");
		Random random = new Random(7);
		for (String asOf : List.of("2024-12-31", "2025-06-15")) {
			long t = System.nanoTime();
			int status = upload(filled(random), asOf);
			System.out.printf("rounds %s for 1,000 communes: HTTP %d in %.1f s%n", asOf, status, (System.nanoTime() - t) / 1e9);
		}
		List<Long> bodies = new ArrayList<>();
		String[] names = { "UBND xã Thử 1", "Đảng ủy xã Thử 1", "Hội Nông dân xã Thử 1", "Hội Liên hiệp phụ nữ xã Thử 1",
				"Đoàn Thanh niên xã Thử 1", "Ủy ban MTTQ Việt Nam xã Thử 1", "Ban phát triển thôn 1", "Hợp tác xã nông nghiệp Thử 1" };
		String[] kinds = { "PEOPLES_COMMITTEE", "PARTY_COMMITTEE", "MASS_ORGANISATION", "MASS_ORGANISATION", "MASS_ORGANISATION",
				"FATHERLAND_FRONT", "VILLAGE_BOARD", "OTHER" };
		for (int i = 0; i < names.length; i++) {
			String body = check(send("POST", "/api/organisations", "application/json", "{\"code\":\"RB-ORG" + i + "\",\"kind\":\"" + kinds[i]
					+ "\",\"name\":\"" + names[i] + "\",\"unitCode\":\"RB-X1\"}"), 201, "organisation");
			bodies.add(id(body));
		}
		String document = check(send("POST", "/api/documents", "application/json", "{\"kind\":\"CONCLUSION_NOTICE\",\"number\":\"01/TB-UBND\","
				+ "\"issuedOn\":\"2025-02-10\",\"issuerId\":" + bodies.get(0) + ",\"subject\":\"Kết luận về xây dựng xã nông thôn mới năm 2025\","
				+ "\"unitCodes\":[\"RB-X1\"]}"), 201, "document");
		long documentId = id(document);
		for (int i = 1; i <= 240; i++) {
			boolean request = i % 8 == 0;
			int month = 3 + i % 10;
			String deadline = "trước ngày " + (1 + i % 27) + "/" + month + "/2025";
			String json = "{\"kind\":\"" + (request ? "REQUEST" : "DIRECTIVE") + "\",\"ref\":\"" + (1 + i / 20) + "." + i + "\",\"text\":\""
					+ "Tập trung chỉ đạo thực hiện nội dung số " + i + " của tiêu chí, huy động nguồn lực, phân công cán bộ phụ trách, báo cáo kết quả đúng hạn về Ban Chỉ đạo xã"
					+ "\",\"leadId\":" + bodies.get(i % bodies.size()) + ",\"unitCodes\":[\"RB-X1\"],\"assignedOn\":\"2025-02-10\",\"deadline\":\"" + deadline + "\""
					+ (request ? ",\"raisedByUnit\":\"RB-X1\",\"requestText\":\"Đề nghị hỗ trợ kinh phí, hướng dẫn thủ tục cho nội dung số " + i + "\"" : "") + "}";
			check(send("POST", "/api/documents/" + documentId + "/directives", "application/json", json), 201, "directive " + i);
		}
		String plan = check(send("POST", "/api/units/RB-X1/plans", "application/json",
				"{\"title\":\"Kế hoạch xây dựng xã Thử 1 đạt chuẩn nông thôn mới năm 2025\",\"setCode\":\"QD318-2022-XA-NTM\",\"targetDate\":\"2025-12-31\"}"),
				201, "plan");
		long planId = id(plan);
		for (int i = 1; i <= 110; i++) {
			String json = "{\"criterionNumber\":" + (1 + i % 19) + ",\"description\":\"Nhiệm vụ số " + i
					+ ": nâng cấp, hoàn thiện hạng mục theo tiêu chí, có khối lượng và dự toán được duyệt\",\"kind\":\"WORKS\",\"volumeQuantity\":" + (1 + i % 7)
					+ ",\"volumeUnit\":\"km\",\"start\":\"2025-03-01\",\"deadline\":\"2025-" + String.format("%02d", 4 + i % 8) + "-15\",\"leadBody\":\""
					+ names[i % names.length] + "\",\"cooperating\":\"Các thôn\",\"costs\":{\"NGAN_SACH_XA\":" + (100_000_000L + i * 1_000_000L)
					+ ",\"NHAN_DAN\":" + (50_000_000L + i * 500_000L) + "}}";
			check(send("POST", "/api/plans/" + planId + "/tasks", "application/json", json), 201, "task " + i);
		}
		for (String source : List.of("NGAN_SACH_TINH", "NGAN_SACH_XA", "LONG_GHEP", "NHAN_DAN", "DOANH_NGHIEP")) {
			check(send("POST", "/api/units/RB-X1/funds", "application/json", "{\"year\":2025,\"source\":\"" + source + "\",\"amount\":1250000000}"),
					201, "funds");
		}
		String report = "/api/reports/progress-report?unit=RB-X1&from=2025-01-01&to=2025-06-30&format=";
		time("progress report PDF (RB-X1, 240 directives and requests, 110 tasks)", report + "pdf", 3, 10, out.resolve("progress-report.pdf"));
		time("progress report DOCX (same)", report + "docx", 3, 10, out.resolve("progress-report.docx"));
		time("assessment summary XLSX (1,000 communes x 19 criteria)",
				"/api/reports/assessment-summary?unit=RB&set=QD318-2022-XA-NTM&to=2025-06-30&format=xlsx", 2, 5, out.resolve("summary.xlsx"));
		try (var pdf = Loader.loadPDF(Files.readAllBytes(out.resolve("progress-report.pdf")))) {
			System.out.println("progress report pages: " + pdf.getNumberOfPages());
		}
		try (var book = new XSSFWorkbook(Files.newInputStream(out.resolve("summary.xlsx")))) {
			System.out.println("summary rows: " + (book.getSheetAt(0).getLastRowNum() + 1));
		}
		System.out.println("load average at end: " + Files.readString(Path.of("/proc/loadavg")).strip());
	}

	static void time(String what, String path, int warmUp, int runs, Path file) throws Exception {
		List<Double> times = new ArrayList<>();
		byte[] last = null;
		for (int i = 0; i < warmUp + runs; i++) {
			long t = System.nanoTime();
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			double ms = (System.nanoTime() - t) / 1e6;
			if (response.statusCode() != 200) {
				String text = new String(response.body(), StandardCharsets.UTF_8);
				throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + text.substring(0, Math.min(500, text.length())));
			}
			if (i >= warmUp) {
				times.add(ms);
			}
			last = response.body();
		}
		Files.write(file, last);
		Collections.sort(times);
		System.out.printf("%s: median %.0f ms, min %.0f ms, max %.0f ms over %d runs (%d KB)%n", what, times.get(times.size() / 2), times.get(0),
				times.get(times.size() - 1), runs, last.length / 1024);
	}

	static HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).header("Content-Type", type)
			.method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	static String check(HttpResponse<String> response, int expected, String what) {
		if (response.statusCode() != expected) {
			throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " "
					+ response.body().substring(0, Math.min(500, response.body().length())));
		}
		return response.body();
	}

	static long id(String json) {
		var matcher = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no id in " + json);
		}
		return Long.parseLong(matcher.group(1));
	}

	static java.util.Map<String, String> kinds;

	static java.util.Map<String, String> kinds() throws Exception {
		String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/criteria-sets/QD318-2022-XA-NTM")).header("Authorization", auth).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		java.util.Map<String, String> kinds = new java.util.HashMap<>();
		var tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
		for (var criterion : tree.get("criteria")) {
			for (var indicator : criterion.get("indicators")) {
				kinds.put(indicator.get("code").asString(), indicator.get("kind").asString());
				if (indicator.has("parts")) {
					for (var part : indicator.get("parts")) {
						kinds.put(part.get("code").asString(), part.get("kind").asString());
					}
				}
			}
		}
		return kinds;
	}

	/** The assessment import sheet of the province with values that pass about 80 % of the time. */
	static byte[] filled(Random random) throws Exception {
		if (kinds == null) {
			kinds = kinds();
		}
		HttpResponse<byte[]> template = http.send(HttpRequest.newBuilder(URI.create(base + "/api/assessments/template.xlsx?set=QD318-2022-XA-NTM&unit=RB"))
			.header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofByteArray());
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body())); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheet("SoLieu");
			Row header = sheet.getRow(3);
			for (int r = 4; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				for (int c = 2; c < header.getLastCellNum(); c++) {
					String code = header.getCell(c).getStringCellValue().split(" ")[0];
					boolean pass = random.nextInt(10) < 8;
					switch (kinds.getOrDefault(code, "")) {
						case "PERCENT_AT_LEAST" -> row.getCell(c).setCellValue(pass ? 100 : random.nextInt(90));
						case "PERCENT_AT_MOST" -> row.getCell(c).setCellValue(pass ? 0 : 5 + random.nextInt(20));
						case "COUNT_MUST_BE_ZERO" -> row.getCell(c).setCellValue(pass ? 0 : 1 + random.nextInt(5));
						case "AMOUNT_AT_LEAST", "AREA_PER_PERSON_AT_LEAST" -> row.getCell(c).setCellValue(pass ? 80 : 1);
						case "" -> row.getCell(c).setCellValue(pass ? 100 : 0);
						default -> row.getCell(c).setCellValue(pass ? "Đạt" : "Không đạt");
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static int upload(byte[] file, String asOf) throws Exception {
		String boundary = "----bench" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"asOf\"\r\n\r\n" + asOf + "\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/assessments/import"))
			.header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			System.out.println(response.body().substring(0, Math.min(1500, response.body().length())));
		}
		return response.statusCode();
	}
}
