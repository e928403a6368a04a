import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The national benchmark dataset, loaded through the application's own bulk paths as a ministry would load it:
 * 34 provinces, 3,321 communes (commune group 1-3 from 1/7/2025), 70,000 villages by unit CSV import (one file per
 * province); five years of rounds for every commune by assessment XLSX import (one file per province and year): 2021 on
 * QĐ 1980/2016 (as 2021 was assessed), 2022-2025 on QĐ 318/2022 (57 indicators), plus one QĐ 51/2025 round (2026, by
 * commune group); directives through the documents
 * API (one organisation per province, documents of 50 directives) by several clients at once. Every step prints its
 * count, time and rate. A fraction (1.0 = full) loads that share of the provinces, each at full density, and of the
 * directives.
 *
 * Usage: java -cp <classpath> NationalData.java BASE_URL admin PASSWORD [fraction] [directives] [clients]
 */
public class NationalData {

	static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	static String base;
	static String auth;

	public static void main(String[] args) throws Exception {
		base = args[0];
		auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
		double fraction = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
		int directives = args.length > 4 ? Integer.parseInt(args[4]) : (int) Math.round(200_000 * fraction);
		int clients = args.length > 5 ? Integer.parseInt(args[5]) : 8;
		// A fraction loads that share of the 34 provinces, each at full density (≈ 98 communes, ≈ 2,060 villages), so
		// that one province's overview costs what it costs at full scale.
		int provinces = 34;
		int communes = 3_321;
		int villages = 70_000;
		int loaded = Math.max(1, (int) Math.round(provinces * fraction));
		auth = "Bearer " + token();
		System.out.printf("loading %d of %d provinces at full density (fraction %.2f), %,d directives, %d clients%n", loaded, provinces,
				fraction, directives, clients);
		String[] regions = { "TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL" };

		// --- units: one CSV per province, as each province would send its own
		long t0 = System.nanoTime();
		int unitCount = 0;
		for (int p = 0; p < loaded; p++) {
			String province = provinceCode(p);
			String region = regions[p % regions.length];
			StringBuilder csv = new StringBuilder("code,name,kind,parent_code,valid_from,valid_to,region,commune_group\n");
			csv.append(province).append(",Tỉnh Quốc Gia ").append(p + 1).append(",tỉnh,,2020-01-01,,").append(region).append(",\n");
			unitCount++;
			for (int c = from(p, communes, provinces); c < from(p + 1, communes, provinces); c++) {
				String commune = communeCode(p, c);
				int group = 1 + c % 3;
				csv.append(commune).append(",Xã Số ").append(c + 1).append(",xã,").append(province).append(",2020-01-01,2025-06-30,").append(region).append(",\n");
				csv.append(commune).append(",Xã Số ").append(c + 1).append(",xã,").append(province).append(",2025-07-01,,").append(region).append(",").append(group).append("\n");
				unitCount++;
				for (int v = from(c, villages, communes); v < from(c + 1, villages, communes); v++) {
					csv.append(commune).append("-T").append(v - from(c, villages, communes) + 1).append(",Thôn ").append(v + 1)
						.append(",thôn,").append(commune).append(",2020-01-01,,,\n");
					unitCount++;
				}
			}
			HttpResponse<String> imported = send(HttpRequest.newBuilder(URI.create(base + "/api/units/import"))
				.header("Content-Type", "text/csv; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
			if (imported.statusCode() != 201) {
				fail("unit import of " + province, imported);
			}
		}
		report("units (CSV, " + loaded + " province files)", unitCount, "units", t0);

		// --- rounds: one XLSX per province and year
		Random random = new Random(42);
		long values = 0;
		int rounds = 0;
		t0 = System.nanoTime();
		// 2021 was still assessed on QĐ 1980/2016 (valid until 7/3/2022); 2022-2025 on QĐ 318/2022 (v1, then v2 from 1/3/2024)
		for (int year = 2021; year <= 2025; year++) {
			String set = year == 2021 ? "QD1980-2016-XA-NTM" : "QD318-2022-XA-NTM";
			long y0 = System.nanoTime();
			int yearRounds = 0;
			long yearValues = 0;
			for (int p = 0; p < loaded; p++) {
				Filled file = filled(set, provinceCode(p), year + "-12-31", random);
				int status = upload(file.bytes, year + "-12-31");
				if (status != 201) {
					System.exit(1);
				}
				values += file.values;
				yearValues += file.values;
				rounds += file.rows;
				yearRounds += file.rows;
			}
			report("  " + set + " rounds " + year + " (XLSX, " + loaded + " files)", yearRounds, "rounds", y0);
			report("  " + set + " values " + year, yearValues, "values", y0);
		}
		long y0 = System.nanoTime();
		int qd51 = 0;
		for (int p = 0; p < loaded; p++) {
			Filled file = filled("QD51-2025-XA-NTM", provinceCode(p), "2026-06-30", random);
			if (upload(file.bytes, "2026-06-30") != 201) {
				System.exit(1);
			}
			values += file.values;
			rounds += file.rows;
			qd51 += file.rows;
		}
		report("  QĐ 51 rounds 2026 (XLSX, " + loaded + " files)", qd51, "rounds", y0);
		report("rounds, all", rounds, "rounds", t0);
		report("indicator values, all", values, "values", t0);

		// --- directives: documents of 50 directives, several clients at once
		t0 = System.nanoTime();
		List<Long> organisations = new ArrayList<>();
		for (int p = 0; p < loaded; p++) {
			HttpResponse<String> org = send(HttpRequest.newBuilder(URI.create(base + "/api/organisations"))
				.header("Content-Type", "application/json; charset=UTF-8")
				.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"NAT-ORG-" + (p + 1) + "\",\"kind\":\"COORDINATION_OFFICE\",\"name\":\"Văn phòng điều phối "
						+ (p + 1) + "\",\"unitCode\":\"" + provinceCode(p) + "\"}")));
			if (org.statusCode() != 201) {
				fail("organisation", org);
			}
			organisations.add(Long.parseLong(org.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1")));
		}
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		AtomicLong written = new AtomicLong();
		List<Future<?>> work = new ArrayList<>();
		int documents = (directives + 49) / 50;
		for (int d = 0; d < documents; d++) {
			int document = d;
			work.add(pool.submit(() -> {
				int p = document % loaded;
				long org = organisations.get(p);
				int c = from(p, communes, provinces) + (document / loaded) % Math.max(1, from(p + 1, communes, provinces) - from(p, communes, provinces));
				HttpResponse<String> doc = send(HttpRequest.newBuilder(URI.create(base + "/api/documents"))
					.header("Content-Type", "application/json; charset=UTF-8")
					.POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"CONCLUSION_NOTICE\",\"number\":\"" + (document + 1)
							+ "/TB-BCĐ\",\"issuedOn\":\"2025-0" + (1 + document % 9) + "-15\",\"issuerId\":" + org
							+ ",\"subject\":\"Thông báo kết luận số " + (document + 1) + "\",\"unitCodes\":[\"" + provinceCode(p) + "\"]}")));
				if (doc.statusCode() != 201) {
					fail("document", doc);
				}
				String id = doc.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
				for (int i = 0; i < 50 && written.get() < directives; i++) {
					String deadline = i % 5 == 0 ? "hàng quý" : "trước ngày " + (1 + i % 28) + "/" + (1 + (document + i) % 12) + "/2026";
					HttpResponse<String> directive = send(HttpRequest.newBuilder(URI.create(base + "/api/documents/" + id + "/directives"))
						.header("Content-Type", "application/json; charset=UTF-8")
						.POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"DIRECTIVE\",\"text\":\"Hoàn thành tiêu chí " + (1 + i % 19)
								+ " tại xã số " + (c + 1) + "\",\"leadId\":" + org + ",\"unitCodes\":[\"" + communeCode(p, c) + "\"],\"deadline\":\""
								+ deadline + "\"}")));
					if (directive.statusCode() != 201) {
						fail("directive", directive);
					}
					written.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> f : work) {
			f.get();
		}
		pool.shutdown();
		report("directives (API, " + clients + " clients, " + documents + " documents)", written.get(), "directives", t0);
	}

	record Filled(byte[] bytes, int rows, long values) {
	}

	static String provinceCode(int p) {
		return String.format("NAT-P%02d", p + 1);
	}

	static String communeCode(int p, int c) {
		return String.format("NAT-P%02d-X%04d", p + 1, c + 1);
	}

	/** The first of {@code total} items that falls to part {@code part} of {@code parts}, spread evenly. */
	static int from(int part, int total, int parts) {
		return (int) ((long) part * total / parts);
	}

	static void report(String what, long count, String unit, long startNanos) {
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		System.out.printf("%-55s %,10d %s in %7.1f s = %,9.0f %s/s%n", what, count, unit, seconds, count / seconds, unit);
	}

	static void fail(String what, HttpResponse<String> response) {
		System.out.println(what + ": HTTP " + response.statusCode() + " " + response.body().substring(0, Math.min(1500, response.body().length())));
		System.exit(1);
	}

	static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String token() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/me/tokens"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"national-bench\"}")));
		return response.body().replaceAll("(?s).*\"token\":\"([^\"]*)\".*", "$1");
	}

	static Map<String, Map<String, String>> kinds = new HashMap<>();

	/** Indicator code → value kind of a set, from the criteria API. */
	static Map<String, String> kinds(String set) throws Exception {
		Map<String, String> known = kinds.get(set);
		if (known != null) {
			return known;
		}
		String body = send(HttpRequest.newBuilder(URI.create(base + "/api/criteria-sets/" + set))).body();
		Map<String, String> result = new HashMap<>();
		var tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
		for (var criterion : tree.get("criteria")) {
			for (var indicator : criterion.get("indicators")) {
				result.put(indicator.get("code").asString(), indicator.get("kind").asString());
				if (indicator.has("parts") && indicator.get("parts").isArray()) {
					for (var part : indicator.get("parts")) {
						result.put(part.get("code").asString(), part.get("kind").asString());
					}
				}
			}
		}
		kinds.put(set, result);
		return result;
	}

	static Filled filled(String set, String area, String asOf, Random random) throws Exception {
		Map<String, String> kinds = kinds(set);
		HttpResponse<byte[]> template = http.send(HttpRequest.newBuilder(URI.create(base
				+ "/api/assessments/template.xlsx?set=" + set + "&unit=" + area + "&asOf=" + asOf)).header("Authorization", auth).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (template.statusCode() != 200) {
			System.out.println("template " + set + " " + area + ": HTTP " + template.statusCode() + " " + new String(template.body(), StandardCharsets.UTF_8));
			System.exit(1);
		}
		int rows = 0;
		long values = 0;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheet("SoLieu");
			Row header = sheet.getRow(3);
			for (int r = 4; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				rows++;
				for (int c = 2; c < header.getLastCellNum(); c++) {
					String code = header.getCell(c).getStringCellValue().split(" ")[0];
					boolean pass = random.nextInt(10) < 8;
					values++;
					switch (kinds.getOrDefault(code, "JUDGEMENT")) {
						case "PERCENT_AT_LEAST" -> row.getCell(c).setCellValue(pass ? 100 : random.nextInt(90));
						case "PERCENT_AT_MOST" -> row.getCell(c).setCellValue(pass ? 0 : 5 + random.nextInt(20));
						case "COUNT_MUST_BE_ZERO" -> row.getCell(c).setCellValue(pass ? 0 : 1 + random.nextInt(5));
						case "AMOUNT_AT_LEAST", "AREA_PER_PERSON_AT_LEAST" -> row.getCell(c).setCellValue(pass ? 80 : 1);
						default -> row.getCell(c).setCellValue(pass ? "Đạt" : "Không đạt");
					}
				}
			}
			workbook.write(out);
			return new Filled(out.toByteArray(), rows, values);
		}
	}

	static int upload(byte[] file, String asOf) throws Exception {
		String boundary = "----national" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"asOf\"\r\n\r\n" + asOf + "\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"national.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/assessments/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		if (response.statusCode() != 201) {
			System.out.println("import " + asOf + ": HTTP " + response.statusCode() + " " + response.body().substring(0, Math.min(1500, response.body().length())));
		}
		return response.statusCode();
	}
}
