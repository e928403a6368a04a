package vn.ntmtracker.registers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ntmtracker.units.SearchKey;

/**
 * The household register in SQL: one household at a time for forms, and set-wise statements (one array parameter per
 * column) for imports and counts, so that 10,000 households are a handful of statements. Saves name the version they
 * read; a stale one writes nothing.
 */
@Component
class HouseholdStore {

	/** A household as stored. */
	record Row(long id, String villageCode, String code, String headName, String idNumber, String address, boolean demo,
			int version) {

		HouseholdIdentity identity() {
			return new HouseholdIdentity(villageCode, code, headName, idNumber, address);
		}
	}

	/** One year of a household as stored, with who wrote it last and from which import, if any. */
	record YearRow(HouseholdYear entry, int version, String updatedBy, OffsetDateTime updatedAt, Long importId) {
	}

	/** A row of a list: never the name or number in clear (see {@link PersonalDataPolicy#maskName}). */
	record ListRow(long id, String villageCode, String code, String maskedName, String address, HouseholdYear entry,
			boolean demo) {
	}

	/** Counts over the households with a status in a year. */
	record Counts(int year, long households, long poor, long nearPoor, long leftPoverty, long members, long insured,
			long housingAssessed, long housingStandard, long waterAssessed, long cleanWater) {

		public BigDecimal povertyRate() {
			return share(poor, households);
		}

		public BigDecimal nearPovertyRate() {
			return share(nearPoor, households);
		}

		public BigDecimal insuredShare() {
			return share(insured, members);
		}

		public BigDecimal housingShare() {
			return share(housingStandard, housingAssessed);
		}

		public BigDecimal waterShare() {
			return share(cleanWater, waterAssessed);
		}

		/** A percentage with two decimals; null when there is nothing to divide by. */
		static BigDecimal share(long part, long whole) {
			return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
		}
	}

	/** Filters of a household list. */
	record Filter(int year, PovertyStatus status, String cadre, String village, String query) {
	}

	/** A household's status in two consecutive years, for the change view. */
	record Transition(long id, String villageCode, String code, String headName, PovertyStatus before, PovertyStatus after) {
	}

	private final JdbcClient jdbc;

	HouseholdStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- one household --------------------------------------------------------------------------------------------

	Optional<Row> find(long id) {
		return jdbc.sql("select * from household where id = :id").param("id", id).query(HouseholdStore::row).optional();
	}

	Optional<Row> find(String villageCode, String code) {
		return jdbc.sql("select * from household where village_code = :village and code = :code")
			.param("village", villageCode).param("code", code).query(HouseholdStore::row).optional();
	}

	Map<Integer, YearRow> years(long id) {
		Map<Integer, YearRow> years = new LinkedHashMap<>();
		jdbc.sql("select * from household_year where household_id = :id order by year desc").param("id", id)
			.query(rs -> {
				years.put(rs.getInt("year"), new YearRow(entry(rs), rs.getInt("version"), rs.getString("updated_by"),
						rs.getObject("updated_at", OffsetDateTime.class), (Long) rs.getObject("import_id")));
			});
		return years;
	}

	long insert(HouseholdIdentity identity, boolean demo, String user) {
		return jdbc.sql("""
				insert into household (village_code, code, head_name, id_number, address, demo, search_key, created_by)
				values (:village, :code, :name, :idNumber, :address, :demo, :key, :user) returning id""")
			.param("village", identity.villageCode()).param("code", identity.code()).param("name", identity.headName())
			.param("idNumber", identity.idNumber()).param("address", identity.address()).param("demo", demo)
			.param("key", searchKey(identity)).param("user", user).query(Long.class).single();
	}

	void update(long id, HouseholdIdentity identity, int expectedVersion, String user) {
		int updated = jdbc.sql("""
				update household set code = :code, head_name = :name, id_number = :idNumber, address = :address,
				       search_key = :key, updated_by = :user, updated_at = now(), version = version + 1
				where id = :id and version = :version""")
			.param("code", identity.code()).param("name", identity.headName()).param("idNumber", identity.idNumber())
			.param("address", identity.address()).param("key", searchKey(identity)).param("user", user)
			.param("id", id).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("household " + id + " version " + expectedVersion);
		}
	}

	/** Writes a year: a new one when {@code expectedVersion} is null, else only over the version that was read. */
	void saveYear(long householdId, HouseholdYear entry, Integer expectedVersion, String user) {
		int written;
		if (expectedVersion == null) {
			written = jdbc.sql("""
					insert into household_year (household_id, year, status, members, insured_members, housing_standard,
					    clean_water, deprivations, cadre, cadre_key, note, updated_by)
					values (:id, :year, :status, :members, :insured, :housing, :water, cast(:deprivations as varchar[]),
					    :cadre, :cadreKey, :note, :user)
					on conflict (household_id, year) do nothing""")
				.params(yearParams(householdId, entry, user)).update();
		}
		else {
			written = jdbc.sql("""
					update household_year set status = :status, members = :members, insured_members = :insured,
					    housing_standard = :housing, clean_water = :water, deprivations = cast(:deprivations as varchar[]),
					    cadre = :cadre, cadre_key = :cadreKey, note = :note, import_id = null, updated_by = :user,
					    updated_at = now(), version = version + 1
					where household_id = :id and year = :year and version = :version""")
				.params(yearParams(householdId, entry, user)).param("version", expectedVersion).update();
		}
		if (written == 0) {
			throw new OptimisticLockingFailureException("household " + householdId + " year " + entry.year());
		}
	}

	private static Map<String, Object> yearParams(long householdId, HouseholdYear entry, String user) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", householdId);
		params.put("year", entry.year());
		params.put("status", entry.status().name());
		params.put("members", entry.members());
		params.put("insured", entry.insuredMembers());
		params.put("housing", entry.housingStandard());
		params.put("water", entry.cleanWater());
		params.put("deprivations", entry.deprivations().stream().map(Enum::name).sorted().toArray(String[]::new));
		params.put("cadre", entry.cadre());
		params.put("cadreKey", entry.cadre() == null ? null : SearchKey.of(entry.cadre()));
		params.put("note", entry.note());
		params.put("user", user);
		return params;
	}

	/** The status of each household in a year, for the "thoát nghèo" rule. */
	Map<Long, PovertyStatus> statuses(Collection<Long> householdIds, int year) {
		Map<Long, PovertyStatus> statuses = new HashMap<>();
		if (householdIds.isEmpty()) {
			return statuses;
		}
		jdbc.sql("select household_id, status from household_year where household_id = any(:ids) and year = :year")
			.param("ids", householdIds.toArray(Long[]::new)).param("year", year)
			.query(rs -> {
				statuses.put(rs.getLong(1), PovertyStatus.valueOf(rs.getString(2)));
			});
		return statuses;
	}

	// ---- many households: imports -------------------------------------------------------------------------------

	/** Existing households of some villages by "village|code". */
	Map<String, Row> byKey(Collection<String> villages) {
		Map<String, Row> rows = new HashMap<>();
		jdbc.sql("select * from household where village_code = any(:villages)")
			.param("villages", villages.toArray(String[]::new))
			.query(rs -> {
				Row row = row(rs, 0);
				rows.put(key(row.villageCode(), row.code()), row);
			});
		return rows;
	}

	static String key(String village, String code) {
		return village + "|" + code;
	}

	/** Inserts new households in one statement; returns their ids by "village|code". */
	Map<String, Long> insertAll(List<HouseholdIdentity> identities, boolean demo, String user) {
		Map<String, Long> ids = new HashMap<>();
		if (identities.isEmpty()) {
			return ids;
		}
		jdbc.sql("""
				insert into household (village_code, code, head_name, id_number, address, search_key, demo, created_by)
				select v, c, n, i, a, k, :demo, :user
				from unnest(cast(:v as varchar[]), cast(:c as varchar[]), cast(:n as varchar[]), cast(:i as varchar[]),
				            cast(:a as varchar[]), cast(:k as varchar[])) as t(v, c, n, i, a, k)
				returning id, village_code, code""")
			.param("v", identities.stream().map(HouseholdIdentity::villageCode).toArray(String[]::new))
			.param("c", identities.stream().map(HouseholdIdentity::code).toArray(String[]::new))
			.param("n", identities.stream().map(HouseholdIdentity::headName).toArray(String[]::new))
			.param("i", identities.stream().map(HouseholdIdentity::idNumber).toArray(String[]::new))
			.param("a", identities.stream().map(HouseholdIdentity::address).toArray(String[]::new))
			.param("k", identities.stream().map(HouseholdStore::searchKey).toArray(String[]::new))
			.param("demo", demo).param("user", user)
			.query(rs -> {
				ids.put(key(rs.getString(2), rs.getString(3)), rs.getLong(1));
			});
		return ids;
	}

	/**
	 * Writes the identities of existing households (as merged by the import) where they differ from what is stored;
	 * returns the ids of those that changed.
	 */
	Set<Long> updateIdentities(Map<Long, HouseholdIdentity> identities, String user) {
		if (identities.isEmpty()) {
			return Set.of();
		}
		List<Long> ids = new ArrayList<>(identities.keySet());
		return jdbc.sql("""
				update household h set head_name = t.n, id_number = t.i, address = t.a, search_key = t.k,
				       updated_by = :user, updated_at = now(), version = h.version + 1
				from unnest(cast(:ids as bigint[]), cast(:n as varchar[]), cast(:i as varchar[]), cast(:a as varchar[]),
				            cast(:k as varchar[])) as t(id, n, i, a, k)
				where h.id = t.id and (t.n, t.i, t.a) is distinct from (h.head_name, h.id_number, h.address)
				returning h.id""")
			.param("ids", ids.toArray(Long[]::new))
			.param("n", ids.stream().map(id -> identities.get(id).headName()).toArray(String[]::new))
			.param("i", ids.stream().map(id -> identities.get(id).idNumber()).toArray(String[]::new))
			.param("a", ids.stream().map(id -> identities.get(id).address()).toArray(String[]::new))
			.param("k", ids.stream().map(id -> searchKey(identities.get(id))).toArray(String[]::new))
			.param("user", user).query(Long.class).set();
	}

	/** Writes one year for many households in one statement (new rows and changed ones); returns the ids written. */
	Set<Long> upsertYears(Map<Long, HouseholdYear> entries, Long importId, String user) {
		if (entries.isEmpty()) {
			return Set.of();
		}
		List<Long> ids = new ArrayList<>(entries.keySet());
		List<HouseholdYear> rows = ids.stream().map(entries::get).toList();
		return jdbc.sql("""
				insert into household_year (household_id, year, status, members, insured_members, housing_standard,
				    clean_water, deprivations, cadre, cadre_key, note, import_id, updated_by)
				select id, y, s, m, i, h, w, case when d = '' then '{}'::varchar[] else string_to_array(d, ',')::varchar[] end,
				       c, ck, n, :import, :user
				from unnest(cast(:ids as bigint[]), cast(:y as int[]), cast(:s as varchar[]), cast(:m as int[]),
				            cast(:i as int[]), cast(:h as boolean[]), cast(:w as boolean[]), cast(:d as varchar[]),
				            cast(:c as varchar[]), cast(:ck as varchar[]), cast(:n as varchar[]))
				     as t(id, y, s, m, i, h, w, d, c, ck, n)
				on conflict (household_id, year) do update set status = excluded.status, members = excluded.members,
				    insured_members = excluded.insured_members, housing_standard = excluded.housing_standard,
				    clean_water = excluded.clean_water, deprivations = excluded.deprivations, cadre = excluded.cadre,
				    cadre_key = excluded.cadre_key, note = excluded.note, import_id = excluded.import_id,
				    updated_by = excluded.updated_by, updated_at = now(), version = household_year.version + 1
				where (household_year.status, household_year.members, household_year.insured_members,
				       household_year.housing_standard, household_year.clean_water, household_year.deprivations,
				       household_year.cadre, household_year.note)
				      is distinct from (excluded.status, excluded.members, excluded.insured_members, excluded.housing_standard,
				       excluded.clean_water, excluded.deprivations, excluded.cadre, excluded.note)
				returning household_id""")
			.param("ids", ids.toArray(Long[]::new))
			.param("y", rows.stream().map(HouseholdYear::year).toArray(Integer[]::new))
			.param("s", rows.stream().map(r -> r.status().name()).toArray(String[]::new))
			.param("m", rows.stream().map(HouseholdYear::members).toArray(Integer[]::new))
			.param("i", rows.stream().map(HouseholdYear::insuredMembers).toArray(Integer[]::new))
			.param("h", rows.stream().map(HouseholdYear::housingStandard).toArray(Boolean[]::new))
			.param("w", rows.stream().map(HouseholdYear::cleanWater).toArray(Boolean[]::new))
			.param("d", rows.stream().map(r -> String.join(",", r.deprivations().stream().map(Enum::name).sorted().toList())).toArray(String[]::new))
			.param("c", rows.stream().map(HouseholdYear::cadre).toArray(String[]::new))
			.param("ck", rows.stream().map(r -> r.cadre() == null ? null : SearchKey.of(r.cadre())).toArray(String[]::new))
			.param("n", rows.stream().map(HouseholdYear::note).toArray(String[]::new))
			.param("import", importId).param("user", user).query(Long.class).set();
	}

	// ---- lists and counts ---------------------------------------------------------------------------------------

	/** One page of a unit's households in a year, names masked; {@code villages} are the unit's village codes. */
	List<ListRow> list(Collection<String> villages, Filter filter, int limit, long offset) {
		return jdbc.sql("select h.*, y.* from household h join household_year y on y.household_id = h.id and y.year = :year"
				+ where(filter) + " order by h.village_code, h.code limit :limit offset :offset")
			.params(filterParams(villages, filter)).param("limit", limit).param("offset", offset)
			.query((rs, i) -> new ListRow(rs.getLong("id"), rs.getString("village_code"), rs.getString("code"),
					PersonalDataPolicy.maskName(rs.getString("head_name")), rs.getString("address"), entry(rs),
					rs.getBoolean("demo")))
			.list();
	}

	long count(Collection<String> villages, Filter filter) {
		return jdbc.sql("select count(*) from household h join household_year y on y.household_id = h.id and y.year = :year"
				+ where(filter)).params(filterParams(villages, filter)).query(Long.class).single();
	}

	private static String where(Filter filter) {
		StringBuilder where = new StringBuilder(" where h.village_code = any(:villages)");
		if (filter.status() != null) {
			where.append(" and y.status = :status");
		}
		if (filter.cadre() != null && !filter.cadre().isBlank()) {
			where.append(" and y.cadre_key like :cadre");
		}
		if (filter.village() != null && !filter.village().isBlank()) {
			where.append(" and h.village_code = :village");
		}
		if (filter.query() != null && !filter.query().isBlank()) {
			where.append(" and h.search_key like :query");
		}
		return where.toString();
	}

	private static Map<String, Object> filterParams(Collection<String> villages, Filter filter) {
		Map<String, Object> params = new HashMap<>();
		params.put("villages", villages.toArray(String[]::new));
		params.put("year", filter.year());
		params.put("status", filter.status() == null ? null : filter.status().name());
		params.put("cadre", filter.cadre() == null ? null : "%" + likeEscaped(SearchKey.of(filter.cadre())) + "%");
		params.put("village", filter.village());
		params.put("query", filter.query() == null ? null : "%" + likeEscaped(SearchKey.of(filter.query())) + "%");
		return params;
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** The cadres named in a year over some villages, for the filter. */
	List<String> cadres(Collection<String> villages, int year) {
		return jdbc.sql("""
				select distinct y.cadre from household h join household_year y on y.household_id = h.id
				where h.village_code = any(:villages) and y.year = :year and y.cadre is not null order by y.cadre""")
			.param("villages", villages.toArray(String[]::new)).param("year", year).query(String.class).list();
	}

	Counts counts(Collection<String> villages, int year) {
		return jdbc.sql("""
				select count(*) as households,
				       count(*) filter (where y.status = 'NGHEO') as poor,
				       count(*) filter (where y.status = 'CAN_NGHEO') as near_poor,
				       count(*) filter (where y.status = 'THOAT_NGHEO') as left_poverty,
				       coalesce(sum(y.members), 0) as members, coalesce(sum(y.insured_members), 0) as insured,
				       count(y.housing_standard) as housing_assessed, count(*) filter (where y.housing_standard) as housing_ok,
				       count(y.clean_water) as water_assessed, count(*) filter (where y.clean_water) as water_ok
				from household h join household_year y on y.household_id = h.id and y.year = :year
				where h.village_code = any(:villages)""")
			.param("villages", villages.toArray(String[]::new)).param("year", year)
			.query((rs, i) -> new Counts(year, rs.getLong("households"), rs.getLong("poor"), rs.getLong("near_poor"),
					rs.getLong("left_poverty"), rs.getLong("members"), rs.getLong("insured"), rs.getLong("housing_assessed"),
					rs.getLong("housing_ok"), rs.getLong("water_assessed"), rs.getLong("water_ok")))
			.single();
	}

	/** Counts per village in a year. */
	Map<String, Counts> countsByVillage(Collection<String> villages, int year) {
		Map<String, Counts> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select h.village_code, count(*) as households,
				       count(*) filter (where y.status = 'NGHEO') as poor,
				       count(*) filter (where y.status = 'CAN_NGHEO') as near_poor,
				       count(*) filter (where y.status = 'THOAT_NGHEO') as left_poverty,
				       sum(y.members) as members, sum(y.insured_members) as insured,
				       count(y.housing_standard) as housing_assessed, count(*) filter (where y.housing_standard) as housing_ok,
				       count(y.clean_water) as water_assessed, count(*) filter (where y.clean_water) as water_ok
				from household h join household_year y on y.household_id = h.id and y.year = :year
				where h.village_code = any(:villages) group by h.village_code order by h.village_code""")
			.param("villages", villages.toArray(String[]::new)).param("year", year)
			.query(rs -> {
				counts.put(rs.getString("village_code"), new Counts(year, rs.getLong("households"), rs.getLong("poor"),
						rs.getLong("near_poor"), rs.getLong("left_poverty"), rs.getLong("members"), rs.getLong("insured"),
						rs.getLong("housing_assessed"), rs.getLong("housing_ok"), rs.getLong("water_assessed"),
						rs.getLong("water_ok")));
			});
		return counts;
	}

	/** The years with records over some villages, oldest first. */
	List<Integer> years(Collection<String> villages) {
		return jdbc.sql("""
				select distinct y.year from household h join household_year y on y.household_id = h.id
				where h.village_code = any(:villages) order by y.year""")
			.param("villages", villages.toArray(String[]::new)).query(Integer.class).list();
	}

	/** Households recorded in year − 1 or year, with their status in each (null when not recorded). */
	List<Transition> transitions(Collection<String> villages, int year) {
		return jdbc.sql("""
				select h.id, h.village_code, h.code, h.head_name, a.status as before, b.status as after
				from household h
				left join household_year a on a.household_id = h.id and a.year = :previous
				left join household_year b on b.household_id = h.id and b.year = :year
				where h.village_code = any(:villages) and (a.household_id is not null or b.household_id is not null)
				order by h.village_code, h.code""")
			.param("villages", villages.toArray(String[]::new)).param("year", year).param("previous", year - 1)
			.query((rs, i) -> new Transition(rs.getLong("id"), rs.getString("village_code"), rs.getString("code"),
					rs.getString("head_name"), status(rs.getString("before")), status(rs.getString("after"))))
			.list();
	}

	/** Every household of the villages with its year entry, names in clear: only for an export with a stated purpose. */
	List<Map.Entry<Row, HouseholdYear>> export(Collection<String> villages, int year) {
		return jdbc.sql("""
				select h.*, y.* from household h join household_year y on y.household_id = h.id and y.year = :year
				where h.village_code = any(:villages) order by h.village_code, h.code""")
			.param("villages", villages.toArray(String[]::new)).param("year", year)
			.query((rs, i) -> Map.entry(row(rs, i), entry(rs))).list();
	}

	// ---- mapping --------------------------------------------------------------------------------------------------

	private static PovertyStatus status(String text) {
		return text == null ? null : PovertyStatus.valueOf(text);
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("village_code"), rs.getString("code"), rs.getString("head_name"),
				rs.getString("id_number"), rs.getString("address"), rs.getBoolean("demo"), rs.getInt("version"));
	}

	private static HouseholdYear entry(ResultSet rs) throws SQLException {
		Set<Deprivation> deprivations = EnumSet.noneOf(Deprivation.class);
		Array array = rs.getArray("deprivations");
		if (array != null) {
			for (Object code : (Object[]) array.getArray()) {
				deprivations.add(Deprivation.valueOf((String) code));
			}
		}
		return new HouseholdYear(rs.getInt("year"), PovertyStatus.valueOf(rs.getString("status")), rs.getInt("members"),
				rs.getInt("insured_members"), (Boolean) rs.getObject("housing_standard"), (Boolean) rs.getObject("clean_water"),
				deprivations, rs.getString("cadre"), rs.getString("note"));
	}

	static String searchKey(HouseholdIdentity identity) {
		return SearchKey.of(identity.code() + " " + (identity.address() == null ? "" : identity.address()) + " "
				+ (identity.headName() == null ? "" : identity.headName()));
	}
}
