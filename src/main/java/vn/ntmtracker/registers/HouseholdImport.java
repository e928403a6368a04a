package vn.ntmtracker.registers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.SearchKey;
import vn.ntmtracker.units.Unit;

/**
 * Imports one year of a village's or commune's households from the workbook ({@link HouseholdWorkbook}): all or
 * nothing. The sheet is streamed row by row into compact entries, every row is checked (cells, the rules of
 * {@link HouseholdRules}, the villages of the unit, codes repeated in the file, the year before for "thoát nghèo"),
 * and only a file without a single problem is written — in a few set-wise statements in one transaction. Problems
 * name the sheet and the cell.
 */
@Service
class HouseholdImport {

	static final long MAX_BYTES = 20L * 1024 * 1024;
	/** Problems listed back; a file with more is refused with the first ones and the total. */
	static final int MAX_PROBLEMS = 200;

	/** What an import did. */
	record Result(long importId, int year, int rows, int created, int updated, int unchanged) {
	}

	/** A file refused as a whole: the problems found (at most {@link #MAX_PROBLEMS}) and how many there were. */
	static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient List<Problem> problems;
		private final int total;

		Refused(List<Problem> problems, int total) {
			super("household import refused: " + total + " problem(s)");
			this.problems = List.copyOf(problems);
			this.total = total;
		}

		List<Problem> problems() {
			return problems;
		}

		int total() {
			return total;
		}
	}

	/** A checked row, kept small: 10,000 of them are the whole of what an import holds in memory. */
	private record Parsed(int row, HouseholdIdentity identity, HouseholdYear entry) {
	}

	private final HouseholdStore store;
	private final RegisterUnits units;
	private final PersonalDataPolicy personalData;
	private final Authorization authorization;
	private final AccessPolicy access;
	private final RegisterAudit audit;
	private final JdbcClient jdbc;
	private final Clock clock;

	HouseholdImport(HouseholdStore store, RegisterUnits units, PersonalDataPolicy personalData, Authorization authorization,
			AccessPolicy access, RegisterAudit audit, JdbcClient jdbc, Clock clock) {
		this.store = store;
		this.units = units;
		this.personalData = personalData;
		this.authorization = authorization;
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Reads {@code content} (an .xlsx upload of {@code size} bytes) into the register of {@code unitCode} for a year. */
	@Transactional
	Result importFile(String unitCode, int year, String fileName, InputStream content, long size) {
		LocalDate today = LocalDate.now(clock);
		personalData.requireNames(unitCode);
		authorization.require(Permission.EDIT_HOUSEHOLDS, Target.unit(unitCode, today));
		if (size > MAX_BYTES) {
			throw new Refused(List.of(Problem.field("file", "household.import.fileTooLarge", MAX_BYTES / (1024 * 1024))), 1);
		}
		Path file = null;
		try {
			file = Files.createTempFile("households-", ".xlsx");
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(content, sha)) {
				long copied = Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				if (copied > MAX_BYTES) {
					throw new Refused(List.of(Problem.field("file", "household.import.fileTooLarge", MAX_BYTES / (1024 * 1024))), 1);
				}
			}
			return importChecked(unitCode, year, fileName, file, HexFormat.of().formatHex(sha.digest()), today);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a temporary file left behind is removed with the temp directory
				}
			}
		}
	}

	private Result importChecked(String unitCode, int year, String fileName, Path file, String sha256, LocalDate today) {
		Unit unit = units.unit(unitCode, today);
		Set<String> villages = new HashSet<>();
		for (Unit village : units.villages(unitCode, today)) {
			villages.add(village.code());
		}
		int latestYear = today.getYear() + 1;
		List<Problem> problems = new ArrayList<>();
		int[] total = { 0 };
		List<Parsed> parsed = new ArrayList<>();
		Map<String, Integer> firstRowOfKey = new HashMap<>();
		HouseholdSheetReader.Head head;
		try {
			head = HouseholdSheetReader.read(file, row -> {
				Parsed entry = parse(row, unit, villages, year, latestYear, firstRowOfKey, problems, total);
				if (entry != null) {
					parsed.add(entry);
				}
			});
		}
		catch (HouseholdSheetReader.Unreadable ex) {
			throw new Refused(List.of(ex.problem()), 1);
		}
		List<Problem> headProblems = new ArrayList<>(head.problems());
		Integer sheetYear = integer(head.year());
		if (sheetYear == null || sheetYear != year) {
			headProblems.add(Problem.cell(HouseholdWorkbook.SHEET, HouseholdWorkbook.YEAR_CELL, "household.import.yearCell",
					head.year() == null ? "" : head.year(), year));
		}
		if (head.unit() != null && !head.unit().isBlank() && !head.unit().strip().equals(unitCode)) {
			headProblems.add(Problem.cell(HouseholdWorkbook.SHEET, HouseholdWorkbook.UNIT_CELL, "household.import.unitCell",
					head.unit().strip(), unitCode));
		}
		if (parsed.isEmpty() && total[0] == 0 && headProblems.isEmpty()) {
			headProblems.add(Problem.field("file", "household.import.empty"));
		}
		// The year before, for households already in the register: "thoát nghèo" needs them poor or near-poor then.
		Map<String, HouseholdStore.Row> existing = store.byKey(villages);
		Map<Long, PovertyStatus> previous = store.statuses(existing.values().stream().map(HouseholdStore.Row::id).toList(), year - 1);
		for (Parsed entry : parsed) {
			HouseholdStore.Row row = existing.get(HouseholdStore.key(entry.identity().villageCode(), entry.identity().code()));
			PovertyStatus before = row == null ? null : previous.get(row.id());
			for (Problem problem : HouseholdRules.check(entry.entry(), before, latestYear)) {
				add(problems, total, problem.at(HouseholdWorkbook.SHEET,
						HouseholdWorkbook.Column.ofField(problem.field()).letter() + entry.row()));
			}
		}
		if (!headProblems.isEmpty() || total[0] > 0) {
			problems.sort(java.util.Comparator.comparing((Problem p) -> new org.apache.poi.ss.util.CellReference(p.cell()).getRow())
				.thenComparing(p -> new org.apache.poi.ss.util.CellReference(p.cell()).getCol()));
			List<Problem> all = new ArrayList<>(headProblems);
			all.addAll(problems);
			throw new Refused(all.subList(0, Math.min(all.size(), MAX_PROBLEMS)), headProblems.size() + total[0]);
		}
		return write(unitCode, year, fileName, sha256, parsed, existing);
	}

	private Result write(String unitCode, int year, String fileName, String sha256, List<Parsed> parsed,
			Map<String, HouseholdStore.Row> existing) {
		String user = access.currentUsername();
		List<HouseholdIdentity> fresh = new ArrayList<>();
		Map<Long, HouseholdIdentity> merged = new HashMap<>();
		for (Parsed entry : parsed) {
			HouseholdIdentity identity = entry.identity();
			HouseholdStore.Row row = existing.get(HouseholdStore.key(identity.villageCode(), identity.code()));
			if (row == null) {
				fresh.add(identity);
			}
			else {
				// A blank cell keeps what is stored: names and numbers are optional and a sheet without them must not erase them.
				merged.put(row.id(), new HouseholdIdentity(row.villageCode(), row.code(),
						identity.headName() != null ? identity.headName() : row.headName(),
						identity.idNumber() != null ? identity.idNumber() : row.idNumber(),
						identity.address() != null ? identity.address() : row.address()));
			}
		}
		long importId = jdbc.sql("""
				insert into household_import (unit_code, year, file_name, sha256, rows_read, created, updated, imported_by)
				values (:unit, :year, :file, :sha, :rows, 0, 0, :user) returning id""")
			.param("unit", unitCode).param("year", year)
			.param("file", fileName == null ? null : SearchKey.clean(fileName).substring(0, Math.min(255, SearchKey.clean(fileName).length())))
			.param("sha", sha256).param("rows", parsed.size()).param("user", user).query(Long.class).single();
		Map<String, Long> ids = store.insertAll(fresh, false, user);
		Set<Long> changed = new HashSet<>(store.updateIdentities(merged, user));
		Map<Long, HouseholdYear> years = new LinkedHashMap<>();
		for (Parsed entry : parsed) {
			String key = HouseholdStore.key(entry.identity().villageCode(), entry.identity().code());
			HouseholdStore.Row row = existing.get(key);
			years.put(row != null ? row.id() : ids.get(key), entry.entry());
		}
		changed.addAll(store.upsertYears(years, importId, user));
		changed.removeAll(ids.values());
		int created = fresh.size();
		int updated = changed.size();
		jdbc.sql("update household_import set created = :created, updated = :updated where id = :id")
			.param("created", created).param("updated", updated).param("id", importId).update();
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("year", year);
		summary.put("file", fileName);
		summary.put("sha256", sha256);
		summary.put("rows", parsed.size());
		summary.put("created", created);
		summary.put("updated", updated);
		audit.record(Action.CREATE, "household_import", importId, unitCode, null, summary);
		return new Result(importId, year, parsed.size(), created, updated, parsed.size() - created - updated);
	}

	/** One row into an entry, or null with its problems added (cell by cell). */
	private static Parsed parse(HouseholdSheetReader.SheetRow row, Unit unit, Set<String> villages, int year, int latestYear,
			Map<String, Integer> firstRowOfKey, List<Problem> problems, int[] total) {
		int before = total[0];
		int r = row.number();
		String village = row.cell(HouseholdWorkbook.Column.VILLAGE);
		if (village.isEmpty() && unit.level() == RegisterUnits.VILLAGE) {
			village = unit.code();
		}
		if (village.isEmpty()) {
			cell(problems, total, HouseholdWorkbook.Column.VILLAGE, r, "household.import.villageMissing");
		}
		else if (!villages.contains(village)) {
			cell(problems, total, HouseholdWorkbook.Column.VILLAGE, r, "household.import.villageOutside", village, unit.displayName());
		}
		List<Problem> identityProblems = new ArrayList<>();
		HouseholdIdentity identity = HouseholdRules.clean(new HouseholdIdentity(village, row.cell(HouseholdWorkbook.Column.CODE),
				row.cell(HouseholdWorkbook.Column.HEAD_NAME), row.cell(HouseholdWorkbook.Column.ID_NUMBER),
				row.cell(HouseholdWorkbook.Column.ADDRESS)), identityProblems);
		for (Problem problem : identityProblems) {
			add(problems, total, problem.at(HouseholdWorkbook.SHEET, HouseholdWorkbook.Column.ofField(problem.field()).letter() + r));
		}
		if (identity.code() != null && !village.isEmpty()) {
			Integer first = firstRowOfKey.putIfAbsent(HouseholdStore.key(village, identity.code()), r);
			if (first != null) {
				cell(problems, total, HouseholdWorkbook.Column.CODE, r, "household.import.duplicateRow", identity.code(), first);
			}
		}
		Integer members = count(row, HouseholdWorkbook.Column.MEMBERS, true, problems, total);
		Integer insured = count(row, HouseholdWorkbook.Column.INSURED, true, problems, total);
		String statusText = row.cell(HouseholdWorkbook.Column.STATUS);
		PovertyStatus status = PovertyStatus.parse(statusText).orElse(null);
		if (status == null) {
			cell(problems, total, HouseholdWorkbook.Column.STATUS, r, statusText.isEmpty() ? "household.error.statusMissing"
					: "household.import.status", statusText);
		}
		Set<Deprivation> deprivations = Set.of();
		try {
			deprivations = Deprivation.parseNumbers(row.cell(HouseholdWorkbook.Column.DEPRIVATIONS));
		}
		catch (IllegalArgumentException ex) {
			cell(problems, total, HouseholdWorkbook.Column.DEPRIVATIONS, r, "household.import.deprivations",
					row.cell(HouseholdWorkbook.Column.DEPRIVATIONS));
		}
		Boolean housing = yesNo(row, HouseholdWorkbook.Column.HOUSING, problems, total);
		Boolean water = yesNo(row, HouseholdWorkbook.Column.WATER, problems, total);
		if (total[0] > before) {
			return null;
		}
		HouseholdYear entry = HouseholdRules.clean(new HouseholdYear(year, status, members, insured, housing, water, deprivations,
				row.cell(HouseholdWorkbook.Column.CADRE), row.cell(HouseholdWorkbook.Column.NOTE)));
		return new Parsed(r, identity, entry);
	}

	private static Integer count(HouseholdSheetReader.SheetRow row, HouseholdWorkbook.Column column, boolean required,
			List<Problem> problems, int[] total) {
		String text = row.cell(column);
		if (text.isEmpty()) {
			if (required) {
				cell(problems, total, column, row.number(), "household.import.numberMissing", column.header());
			}
			return null;
		}
		Integer value = integer(text);
		if (value == null) {
			cell(problems, total, column, row.number(), "household.import.number", column.header(), text);
		}
		return value;
	}

	/** A whole number as typed or as a spreadsheet writes it ("5", "5.0"); null for anything else. */
	static Integer integer(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			BigDecimal number = new BigDecimal(text.strip().replace(',', '.'));
			return number.stripTrailingZeros().scale() > 0 || number.abs().compareTo(BigDecimal.valueOf(100_000)) > 0 ? null
					: number.intValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	private static Boolean yesNo(HouseholdSheetReader.SheetRow row, HouseholdWorkbook.Column column, List<Problem> problems,
			int[] total) {
		String text = row.cell(column);
		String key = SearchKey.of(text);
		return switch (key) {
			case "" -> null;
			case "co", "x", "dat", "1", "true" -> Boolean.TRUE;
			case "khong", "khong dat", "chua dat", "0", "false" -> Boolean.FALSE;
			default -> {
				cell(problems, total, column, row.number(), "household.import.yesNo", column.header(), text);
				yield null;
			}
		};
	}

	private static void cell(List<Problem> problems, int[] total, HouseholdWorkbook.Column column, int row, String key,
			Object... arguments) {
		add(problems, total, Problem.cell(HouseholdWorkbook.SHEET, column.letter() + row, key, arguments));
	}

	private static void add(List<Problem> problems, int[] total, Problem problem) {
		total[0]++;
		if (problems.size() < MAX_PROBLEMS) {
			problems.add(problem);
		}
	}
}
