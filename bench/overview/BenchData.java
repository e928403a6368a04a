import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Generates the benchmark data through the application's own API, as users would load it:
 * a province of 1,000 communes and 10,000 villages (CSV import), five years of rounds for every commune on
 * the 57-indicator set (one XLSX import per year), and a second province of 5,000 communes whose single
 * 5,000-row XLSX import is timed. Usage: java -cp <classpath> BenchData.java http://127.0.0.1:18080 admin password
 */
public class BenchData {

	static HttpClient http = HttpClient.newHttpClient();
	static String base;
	static String auth;

	public static void main(String[] args) throws Exception {
		base = args[0];
		auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
		StringBuilder csv = new StringBuilder("code,name,kind,parent_code,valid_from,valid_to,region\n");
		csv.append("BENCH,Tỉnh Thử Nghiệm,tỉnh,,2020-01-01,,BTB\n");
		csv.append("BIG,Tỉnh Lớn,tỉnh,,2020-01-01,,DBSH\n");
		for (int c = 1; c <= 1000; c++) {
			csv.append("B-X").append(c).append(",Xã Số ").append(c).append(",xã,BENCH,2020-01-01,,BTB\n");
			for (int v = 1; v <= 10; v++) {
				csv.append("B-X").append(c).append("-T").append(v).append(",Thôn ").append(v).append(",thôn,B-X").append(c).append(",2020-01-01,,\n");
			}
		}
		for (int c = 1; c <= 5000; c++) {
			csv.append("G-X").append(c).append(",Xã Lớn ").append(c).append(",xã,BIG,2020-01-01,,DBSH\n");
		}
		long t0 = System.nanoTime();
		HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base + "/api/units/import"))
			.header("Authorization", auth).header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
		System.out.printf("unit CSV import (16,002 units): HTTP %d in %.1f s%n", imported.statusCode(), (System.nanoTime() - t0) / 1e9);
		if (imported.statusCode() != 201) {
			System.out.println(imported.body().substring(0, Math.min(2000, imported.body().length())));
			System.exit(1);
		}
		Random random = new Random(42);
		for (int year = 2021; year <= 2025; year++) {
			byte[] file = filled("BENCH", random);
			long start = System.nanoTime();
			int status = upload(file, year + "-12-31");
			System.out.printf("year %d: 1,000-row XLSX import HTTP %d in %.1f s%n", year, status, (System.nanoTime() - start) / 1e9);
		}
		byte[] big = filled("BIG", random);
		long start = System.nanoTime();
		int status = upload(big, "2025-12-31");
		System.out.printf("BIG: 5,000-row x 57-indicator XLSX import HTTP %d in %.1f s (file %d KB)%n", status,
				(System.nanoTime() - start) / 1e9, big.length / 1024);
	}

	/** Indicator code → value kind, read from the criteria API, so each column gets a value of its type. */
	static java.util.Map<String, String> kinds() throws Exception {
		String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/criteria-sets/QD318-2022-XA-NTM"))
			.header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString()).body();
		java.util.Map<String, String> kinds = new java.util.HashMap<>();
		var tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
		for (var criterion : tree.get("criteria")) {
			for (var indicator : criterion.get("indicators")) {
				kinds.put(indicator.get("code").asString(), indicator.get("kind").asString());
			}
		}
		return kinds;
	}

	static java.util.Map<String, String> kinds;

	static byte[] filled(String area, Random random) throws Exception {
		if (kinds == null) {
			kinds = kinds();
		}
		HttpResponse<byte[]> template = http.send(HttpRequest.newBuilder(URI.create(base
				+ "/api/assessments/template.xlsx?set=QD318-2022-XA-NTM&unit=" + area)).header("Authorization", auth).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheet("SoLieu");
			Row header = sheet.getRow(3);
			for (int r = 4; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				for (int c = 2; c < header.getLastCellNum(); c++) {
					String code = header.getCell(c).getStringCellValue().split(" ")[0];
					boolean pass = random.nextInt(10) < 8;
					switch (kinds.get(code)) {
						case "PERCENT_AT_LEAST" -> row.getCell(c).setCellValue(pass ? 100 : random.nextInt(90));
						case "PERCENT_AT_MOST" -> row.getCell(c).setCellValue(pass ? 0 : 5 + random.nextInt(20));
						case "COUNT_MUST_BE_ZERO" -> row.getCell(c).setCellValue(pass ? 0 : 1 + random.nextInt(5));
						case "AMOUNT_AT_LEAST", "AREA_PER_PERSON_AT_LEAST" -> row.getCell(c).setCellValue(pass ? 80 : 1);
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
