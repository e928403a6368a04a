package vn.ntmtracker.registers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.Unit;

/**
 * The household register: one household with its years (for the commune and village that keep it, every view
 * audited), lists with names masked, counts for everyone who may read the unit, change between years and the trend.
 * Writes are decided by {@link Authorization} ({@link Permission#EDIT_HOUSEHOLDS}) and need the personal-data access
 * of {@link PersonalDataPolicy}, because whoever writes a household sees it.
 */
@Service
class Households {

	/** One household as its detail page shows it. */
	record Detail(HouseholdStore.Row household, Unit village, Map<Integer, HouseholdStore.YearRow> years, boolean mayEdit) {
	}

	/** A page of a list with what the filters offer. */
	record Page(List<HouseholdStore.ListRow> rows, long total, int page, int size, List<String> cadres) {

		public int pages() {
			return (int) ((total + size - 1) / size);
		}
	}

	/** Households that moved between the year before and the year, by kind; rows only for those who may see them. */
	record Changes(int year, Map<PovertyChange, Long> counts, List<ChangedHousehold> households) {
	}

	record ChangedHousehold(long id, String villageCode, String code, String maskedName, PovertyStatus before,
			PovertyStatus after, PovertyChange change) {
	}

	private final HouseholdStore store;
	private final RegisterUnits units;
	private final PersonalDataPolicy personalData;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final RegisterAudit audit;
	private final Clock clock;

	Households(HouseholdStore store, RegisterUnits units, PersonalDataPolicy personalData, AccessPolicy access,
			Authorization authorization, RegisterAudit audit, Clock clock) {
		this.store = store;
		this.units = units;
		this.personalData = personalData;
		this.access = access;
		this.authorization = authorization;
		this.audit = audit;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The last year a review may be entered for: next year's list is drawn up at the end of this one. */
	int latestYear() {
		return today().getYear() + 1;
	}

	// ---- reading --------------------------------------------------------------------------------------------------

	/** One household, audited; a household whose personal data the user may not see does not exist for them. */
	Detail detail(long id) {
		HouseholdStore.Row row = readable(id);
		audit.read("household", id, row.villageCode(), Map.of("view", "detail"));
		return new Detail(row, units.unit(row.villageCode(), today()), store.years(id), mayEdit(row.villageCode()));
	}

	HouseholdStore.Row readable(long id) {
		HouseholdStore.Row row = store.find(id).orElseThrow(() -> new RecordNotFoundException("hộ", id));
		if (!personalData.names(row.villageCode())) {
			throw new RecordNotFoundException("hộ", id);
		}
		return row;
	}

	boolean mayEdit(String villageCode) {
		return personalData.names(villageCode) && authorization.may(Permission.EDIT_HOUSEHOLDS, Target.unit(villageCode, today()));
	}

	Page page(String unitCode, HouseholdStore.Filter filter, int page, int size) {
		personalData.requireNames(unitCode);
		List<String> villages = units.villageCodes(unitCode, today());
		int bounded = Math.max(1, Math.min(size, 200));
		long total = store.count(villages, filter);
		return new Page(store.list(villages, filter, bounded, (long) Math.max(0, page) * bounded), total, Math.max(0, page),
				bounded, store.cadres(villages, filter.year()));
	}

	/** Counts of a year over the unit's villages as they stood at the end of that year (today for this year). */
	HouseholdStore.Counts counts(String unitCode, int year) {
		access.requireRead(unitCode);
		return store.counts(units.villageCodes(unitCode, endOf(year)), year);
	}

	Map<String, HouseholdStore.Counts> countsByVillage(String unitCode, int year) {
		access.requireRead(unitCode);
		return store.countsByVillage(units.villageCodes(unitCode, endOf(year)), year);
	}

	/** Counts per recorded year, oldest first: the poverty trend. */
	List<HouseholdStore.Counts> trend(String unitCode) {
		access.requireRead(unitCode);
		List<HouseholdStore.Counts> trend = new ArrayList<>();
		for (int year : store.years(units.villageCodes(unitCode, today()))) {
			trend.add(store.counts(units.villageCodes(unitCode, endOf(year)), year));
		}
		return trend;
	}

	/** The years with records for the unit, newest first; this year when there are none. */
	List<Integer> years(String unitCode) {
		access.requireRead(unitCode);
		List<Integer> years = new ArrayList<>(store.years(units.villageCodes(unitCode, today())));
		java.util.Collections.reverse(years);
		return years.isEmpty() ? List.of(today().getYear()) : years;
	}

	Changes changes(String unitCode, int year) {
		access.requireRead(unitCode);
		boolean names = personalData.names(unitCode);
		Map<PovertyChange, Long> counts = new EnumMap<>(PovertyChange.class);
		List<ChangedHousehold> rows = new ArrayList<>();
		for (HouseholdStore.Transition t : store.transitions(units.villageCodes(unitCode, endOf(year)), year)) {
			PovertyChange.between(t.before(), t.after()).ifPresent(change -> {
				counts.merge(change, 1L, Long::sum);
				if (names) {
					rows.add(new ChangedHousehold(t.id(), t.villageCode(), t.code(), PersonalDataPolicy.maskName(t.headName()),
							t.before(), t.after(), change));
				}
			});
		}
		return new Changes(year, counts, rows);
	}

	/**
	 * The unit's households of a year with names and numbers in clear, for a purpose the user states (at least 10
	 * characters); the purpose is recorded in the audit log and written into the file (Nghị định 13/2023/NĐ-CP).
	 */
	@Transactional
	byte[] export(String unitCode, int year, String purpose) {
		personalData.requireNames(unitCode);
		authorization.require(Permission.EXPORT_HOUSEHOLDS, Target.unit(unitCode, today()));
		String why = HouseholdRules.blankToNull(vn.ntmtracker.units.SearchKey.clean(purpose));
		if (why == null || why.length() < 10) {
			throw new RegisterException(List.of(Problem.field("purpose", "household.error.purpose")));
		}
		if (why.length() > HouseholdRules.NOTE_LENGTH) {
			throw new RegisterException(List.of(Problem.field("purpose", "register.error.tooLong", HouseholdRules.NOTE_LENGTH)));
		}
		Unit unit = units.unit(unitCode, today());
		var rows = store.export(units.villageCodes(unitCode, endOf(year)), year);
		String user = access.currentUsername();
		audit.record(Action.EXPORT, "household_export", unitCode + "/" + year, unitCode, null,
				Map.of("year", year, "households", rows.size(), "purpose", why));
		String notice = "Xuất ngày " + RegisterFigures.date(today()) + " bởi " + user + ". Mục đích: " + why
				+ ". Dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP): chỉ dùng cho mục đích đã nêu.";
		return HouseholdWorkbook.export(unit, units.villages(unitCode, today()), year, rows, notice);
	}

	byte[] template(String unitCode, int year) {
		personalData.requireNames(unitCode);
		return HouseholdWorkbook.template(units.unit(unitCode, today()), units.villages(unitCode, today()), year);
	}

	LocalDate endOf(int year) {
		LocalDate end = LocalDate.of(year, 12, 31);
		return end.isAfter(today()) ? today() : end;
	}

	// ---- writing --------------------------------------------------------------------------------------------------

	/** A new household with its first year; all or nothing, every problem named by field. */
	@Transactional
	long create(HouseholdIdentity raw, HouseholdYear first) {
		requireWrite(raw.villageCode());
		Unit village = units.unit(raw.villageCode(), today());
		List<Problem> problems = new ArrayList<>();
		if (village.level() != RegisterUnits.VILLAGE) {
			problems.add(Problem.field("village", "household.error.notAVillage", raw.villageCode()));
		}
		HouseholdIdentity identity = HouseholdRules.clean(raw, problems);
		HouseholdYear entry = HouseholdRules.clean(first);
		problems.addAll(HouseholdRules.check(entry, null, latestYear()));
		if (identity.code() != null && store.find(identity.villageCode(), identity.code()).isPresent()) {
			problems.add(Problem.field("code", "household.error.duplicate", identity.code()));
		}
		if (!problems.isEmpty()) {
			throw new RegisterException(problems);
		}
		String user = access.currentUsername();
		long id = store.insert(identity, false, user);
		store.saveYear(id, entry, null, user);
		audit.record(Action.CREATE, "household", id, identity.villageCode(), null,
				Map.of("household", RegisterAudit.masked(identity), "year", RegisterAudit.of(entry)));
		return id;
	}

	@Transactional
	void updateIdentity(long id, HouseholdIdentity raw, int expectedVersion) {
		HouseholdStore.Row row = readable(id);
		requireWrite(row.villageCode());
		List<Problem> problems = new ArrayList<>();
		HouseholdIdentity identity = HouseholdRules.clean(new HouseholdIdentity(row.villageCode(), raw.code(), raw.headName(),
				raw.idNumber(), raw.address()), problems);
		if (identity.code() != null && !identity.code().equals(row.code())
				&& store.find(row.villageCode(), identity.code()).isPresent()) {
			problems.add(Problem.field("code", "household.error.duplicate", identity.code()));
		}
		if (!problems.isEmpty()) {
			throw new RegisterException(problems);
		}
		store.update(id, identity, expectedVersion, access.currentUsername());
		audit.record(Action.UPDATE, "household", id, row.villageCode(), RegisterAudit.masked(row.identity()),
				RegisterAudit.masked(identity));
	}

	/** Records or corrects one year; {@code expectedVersion} null adds a year not yet recorded. */
	@Transactional
	void saveYear(long id, HouseholdYear raw, Integer expectedVersion) {
		HouseholdStore.Row row = readable(id);
		requireWrite(row.villageCode());
		HouseholdYear entry = HouseholdRules.clean(raw);
		Map<Integer, HouseholdStore.YearRow> years = store.years(id);
		HouseholdStore.YearRow previous = years.get(entry.year() - 1);
		List<Problem> problems = new ArrayList<>(HouseholdRules.check(entry, previous == null ? null : previous.entry().status(), latestYear()));
		if (expectedVersion == null && years.containsKey(entry.year())) {
			problems.add(Problem.field("year", "household.error.yearExists", entry.year()));
		}
		if (!problems.isEmpty()) {
			throw new RegisterException(problems);
		}
		store.saveYear(id, entry, expectedVersion, access.currentUsername());
		HouseholdStore.YearRow before = years.get(entry.year());
		audit.record(before == null ? Action.CREATE : Action.UPDATE, "household_year", id + "/" + entry.year(),
				row.villageCode(), before == null ? null : RegisterAudit.of(before.entry()), RegisterAudit.of(entry));
	}

	/** Authorization decides the write; whoever writes a household also sees it, so the personal-data access is required too. */
	private void requireWrite(String villageCode) {
		authorization.require(Permission.EDIT_HOUSEHOLDS, Target.unit(villageCode, today()));
		personalData.requireNames(villageCode);
	}
}
