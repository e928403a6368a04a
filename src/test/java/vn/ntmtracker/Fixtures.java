package vn.ntmtracker;

import java.io.StringReader;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import vn.ntmtracker.security.Grant;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;
import vn.ntmtracker.units.UnitWriter;

/**
 * Data a test owns: units and users with codes no other test uses, created through the same import and account
 * services as users have, so that a test never asserts on data another test may have changed. Inject it into an
 * {@link IntegrationTest} with {@code @Autowired Fixtures fixtures}.
 */
@Component
public class Fixtures {

	public static final String PASSWORD = "ntm-demo";

	private static final AtomicInteger COUNTER = new AtomicInteger();
	/** Distinguishes this JVM's fixtures from a previous run's, should the test database be kept. */
	private static final String RUN = Integer.toString(new SecureRandom().nextInt(36 * 36 * 36), 36).toUpperCase(Locale.ROOT);

	private final UnitWriter units;
	private final UserAccounts accounts;

	Fixtures(UnitWriter units, UserAccounts accounts) {
		this.units = units;
		this.accounts = accounts;
	}

	/** A unique code with a readable prefix: {@code FX-3K7-12}. */
	public static String uniqueCode(String prefix) {
		return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
	}

	/**
	 * A commune in {@code provinceCode} since 2000 (region of the province, commune group 2 from 1/7/2025) with
	 * {@code villages} villages {@code <code>-T1…}; returns its code.
	 */
	public String commune(String provinceCode, String region, int villages) {
		String code = uniqueCode("FX");
		StringBuilder csv = new StringBuilder("code,name,kind,parent_code,valid_from,valid_to,region,commune_group,especially_disadvantaged,safe_zone_poor_district\n");
		csv.append(code).append(",Xã kiểm thử ").append(code).append(",xã,").append(provinceCode).append(",2000-01-01,2025-06-30,")
			.append(region).append(",,,\n");
		csv.append(code).append(",Xã kiểm thử ").append(code).append(",xã,").append(provinceCode).append(",2025-07-01,,")
			.append(region).append(",2,,\n");
		for (int i = 1; i <= villages; i++) {
			csv.append(code).append("-T").append(i).append(",Thôn ").append(i).append(",thôn,").append(code).append(",2000-01-01,,,,,\n");
		}
		try {
			UnitWriter.ImportReport report = units.importCsv(new StringReader(csv.toString()));
			if (!report.ok()) {
				throw new IllegalStateException("fixture units do not import: " + report.errors());
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return code;
	}

	/**
	 * A commune under {@code fromProvince} until 30/6/2025 that moved under {@code toProvince} on 1/7/2025 (as
	 * communes did in the 2025 reform), for rules that must read a unit's position on a record's date.
	 */
	public String movedCommune(String fromProvince, String toProvince) {
		String code = uniqueCode("MV");
		importCsv(HEADER + code + ",Xã chuyển tỉnh " + code + ",xã," + fromProvince + ",2000-01-01,2025-06-30,BTB,,,\n"
				+ code + ",Xã chuyển tỉnh " + code + ",xã," + toProvince + ",2025-07-01,,BTB,2,,\n");
		return code;
	}

	/** A district of {@code province} abolished on 30/6/2025 with one commune under it until then; returns both codes. */
	public String[] districtWithCommune(String province) {
		String district = uniqueCode("HU");
		String commune = uniqueCode("FX");
		importCsv(HEADER + district + ",Huyện kiểm thử " + district + ",huyện," + province + ",2000-01-01,2025-06-30,,,,\n"
				+ commune + ",Xã kiểm thử " + commune + ",xã," + district + ",2000-01-01,2025-06-30,BTB,,,\n"
				+ commune + ",Xã kiểm thử " + commune + ",xã," + province + ",2025-07-01,,BTB,2,,\n");
		return new String[] { district, commune };
	}

	/**
	 * A district of {@code province} (1/1/2010 – 30/6/2025) with one commune under it, both with unique names made of letters
	 * only (so that documents can name them: "xã Nậm Kqbx"); returns {district code, district name, commune code,
	 * commune name}.
	 */
	public String[] namedDistrictWithCommune(String province) {
		String district = uniqueCode("HU");
		String commune = uniqueCode("FX");
		String districtName = "Phìn " + letters();
		String communeName = "Nậm " + letters();
		importCsv(HEADER + district + "," + districtName + ",huyện," + province + ",2010-01-01,2025-06-30,,,,\n"
				+ commune + "," + communeName + ",xã," + district + ",2010-01-01,2025-06-30,TDMNPB,,,\n"
				+ commune + "," + communeName + ",xã," + province + ",2025-07-01,,TDMNPB,3,,\n");
		return new String[] { district, districtName, commune, communeName };
	}

	/** A capitalised word of letters unique to this fixture ("Kqbx"). */
	private static String letters() {
		String code = (RUN + "-" + COUNTER.incrementAndGet() + "-" + new SecureRandom().nextInt(1000));
		StringBuilder word = new StringBuilder();
		for (char c : code.toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				word.append((char) ('a' + Character.digit(c, 36) % 26));
			}
		}
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	private static final String HEADER = "code,name,kind,parent_code,valid_from,valid_to,region,commune_group,especially_disadvantaged,safe_zone_poor_district\n";

	private void importCsv(String csv) {
		try {
			UnitWriter.ImportReport report = units.importCsv(new StringReader(csv));
			if (!report.ok()) {
				throw new IllegalStateException("fixture units do not import: " + report.errors());
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** A user with one role on {@code unitCode} (null: nationwide), password {@link #PASSWORD}; returns the username. */
	public String user(Role role, String unitCode, String... criteria) {
		String username = uniqueCode("u").toLowerCase(Locale.ROOT);
		accounts.create(username, "Người dùng kiểm thử " + username, PASSWORD, false,
				List.of(new Grant(role, unitCode, Set.of(criteria))));
		return username;
	}
}
