package vn.ntmtracker.units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The search behind every unit field ("pick, don't type"): units of the reader's jurisdiction valid on a date (today by
 * default, so the tree after the 2025 reform), found by any part of their name without diacritics or by code. Answers
 * {@code GET /api/units/search} and, for the pages' own script, {@code GET /units/picker}; {@link UnitFieldFilter}
 * uses {@link #resolve} for forms sent without script.
 */
@Component
public class UnitPicker {

	static final int MAX_RESULTS = 20;

	private final Units units;
	private final UnitScopeProvider scopes;
	private final Clock clock;

	UnitPicker(Units units, UnitScopeProvider scopes, Clock clock) {
		this.units = units;
		this.scopes = scopes;
		this.clock = clock;
	}

	/** One unit as a field offers it: "xã Cẩm Quang", under "tỉnh Hà Tĩnh", code HT-CAMQUANG. */
	public record Choice(String code, String name, String label, UnitKind kind, int level, String parentCode,
			String parentName, LocalDate validFrom, LocalDate validTo) {

		static Choice of(Unit unit, String parentName) {
			return new Choice(unit.code(), unit.name(), unit.displayName(), unit.kind(), unit.level(), unit.parentCode(),
					parentName, unit.validFrom(), unit.validTo());
		}
	}

	/** The answer: the date the tree was read on and the units found. */
	public record Choices(String query, LocalDate asOf, List<Choice> items) {
	}

	public Choices search(String query, LocalDate asOf, String levels) {
		LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
		List<Unit> found = units.pick(query, day, parseLevels(levels), scopes.current(), MAX_RESULTS);
		// Parents named with their kind ("huyện Cẩm Xuyên", "tỉnh Hà Tĩnh"), read in one query.
		java.util.Map<String, Unit> parents = units.findAll(found.stream().map(Unit::parentCode)
			.filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()), day);
		List<Choice> items = found.stream().map(unit -> Choice.of(unit,
				parents.containsKey(unit.parentCode()) ? parents.get(unit.parentCode()).displayName() : unit.parentName())).toList();
		return new Choices(query == null ? "" : query, day, items);
	}

	/** What was typed into a unit field, as a code of the reader's jurisdiction (see {@link Units#resolve}). */
	public Optional<String> resolve(String typed, LocalDate asOf) {
		return units.resolve(typed, asOf == null ? LocalDate.now(clock) : asOf, scopes.current());
	}

	/** The label of a code for showing beside a field ("xã Cẩm Quang"); empty for unknown or unreadable codes. */
	public String label(String code) {
		if (code == null || code.isBlank() || code.contains(",")) {
			return "";
		}
		String trimmed = code.strip();
		if (!units.isWithin(trimmed, scopes.current())) {
			return "";
		}
		return units.find(trimmed, LocalDate.now(clock)).map(Unit::displayName).orElse("");
	}

	/** "3" or "1,2,3": unit levels 1 (province) to 4 (village). */
	static List<Integer> parseLevels(String levels) {
		List<Integer> parsed = new ArrayList<>();
		if (levels == null || levels.isBlank()) {
			return parsed;
		}
		for (String part : levels.split(",")) {
			String text = part.strip();
			if (!text.matches("[1-4]")) {
				throw new UnitApiController.BadRequest("level: từ 1 (tỉnh) đến 4 (thôn), ví dụ level=3 hoặc level=1,2,3");
			}
			parsed.add(Integer.parseInt(text));
		}
		return parsed;
	}
}
