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
 * a province of 1,000 communes and 10,000 villages (CSV import), five rounds for every commune (half-yearly 2023-12-31 to 2025-12-31) on
 * the 57-indicator set (one XLSX import per year), and a second province of 5,000 communes whose single
 * 5,000-row XLSX import is timed. Usage: java -cp <classpath> BenchData.java http://127.0.0.1:18080 admin password
 */
public class BenchData {

	static HttpClient http = HttpClient.newHttpClient();
	static final String[] DATES = { "2023-12-31", "2024-06-30", "2024-12-31", "2025-06-30", "2025-12-31" };
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
		// Five rounds per commune. QD318-2022-XA-NTM refuses dates before its version in force (1/3/2024 is named in the
		// answer), so year-end rounds 2021 and 2022 were refused (HTTP 422) and never stored: the five rounds are
		// half-yearly from 2023-12-31 to 2025-12-31 instead. Any refusal now stops the run.
		for (String date : DATES) {
			byte[] file = filled("BENCH", random);
			long start = System.nanoTime();
			int status = upload(file, date);
			System.out.printf("%s: 1,000-row XLSX import HTTP %d in %.1f s%n", date, status, (System.nanoTime() - start) / 1e9);
			if (status != 201) {
				System.exit(1);
			}
		}
		// BIG_YEARS=5 (bench/overview/ratio.sh) gives the 5,000-commune province the same 5 rounds of history as BENCH;
		// only the last (2025) import is timed.
		int bigYears = Integer.parseInt(System.getenv().getOrDefault("BIG_YEARS", "1"));
		for (int i = DATES.length - bigYears; i < DATES.length - 1; i++) {
			long start = System.nanoTime();
			int status = upload(filled("BIG", random), DATES[i]);
			System.out.printf("BIG %s: 5,000-row XLSX import HTTP %d in %.1f s%n", DATES[i], status, (System.nanoTime() - start) / 1e9);
			if (status != 201) {
				System.exit(1);
			}
		}
		byte[] big = filled("BIG", random);
		long start = System.nanoTime();
		int status = upload(big, "2025-12-31");
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("BIG: 5,000-row x 57-indicator XLSX import HTTP %d in %.1f s (file %d KB)%n", status, seconds, big.length / 1024);
		System.out.printf("RESULT import_big_status=%d%nRESULT import_big_s=%.3f%n", status, seconds);
		if (System.getenv("BIG_XLSX") != null) {
			java.nio.file.Files.write(java.nio.file.Path.of(System.getenv("BIG_XLSX")), big);
		}
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
				// parts ("17.1b") take values of their own and have their own column in the template
				if (indicator.has("parts")) {
					for (var part : indicator.get("parts")) {
						kinds.put(part.get("code").asString(), part.get("kind").asString());
					}
				}
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
					String kind = kinds.get(code);
					if (kind == null) {
						throw new IllegalStateException("template column " + code + " has no kind in /api/criteria-sets");
					}
					switch (kind) {
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
