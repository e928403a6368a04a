package vn.ntmtracker.units;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.ntmtracker.StartupTask;

/**
 * Demo units (profile {@code demo} only): the provinces, districts, communes and villages of the five seed
 * documents, the 2025 reform (districts end on 30/6/2025, communes move under the province) and one merger,
 * loaded through the same CSV import users have. Runs once: skipped when units exist.
 */
@Component
@Profile("demo")
@Order(1)
class UnitsDemoData implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(UnitsDemoData.class);
	static final String REFORM = "Luật Tổ chức chính quyền địa phương 2025";

	private final Units units;
	private final UnitWriter writer;

	UnitsDemoData(Units units, UnitWriter writer) {
		this.units = units;
		this.writer = writer;
	}

	@Override
	public void run() throws Exception {
		if (units.exists("38")) {
			return;
		}
		try (var reader = new InputStreamReader(new ClassPathResource("demo/units.csv").getInputStream(), StandardCharsets.UTF_8)) {
			UnitWriter.ImportReport report = writer.importCsv(reader);
			if (!report.ok()) {
				throw new IllegalStateException("Demo units do not import: " + report.errors());
			}
		}
		LocalDate reform = LocalDate.of(2025, 7, 1);
		writer.merge(List.of("TH-CAMBINH", "TH-CAMTU"), "TH-CAMTU-2025", reform,
				"Ví dụ minh họa (dữ liệu demo)", "Sáp nhập xã Cẩm Bình và xã Cẩm Tú thành xã Cẩm Tú mới");
		for (String district : List.of("TH-CAMTHUY", "HT-CAMXUYEN", "LC-TAMDUONG")) {
			writer.abolish(district, UnitKind.LAST_DAY_OF_DISTRICTS, REFORM);
		}
		log.info("Demo units loaded");
	}
}
