package vn.ntmtracker.registers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
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
 * Model residential areas (khu dân cư NTM kiểu mẫu) and model gardens (vườn mẫu) of villages, each with the decision
 * that recognised it and, if it lost the title, the day it did — Hà Tĩnh's "tiêu chí 20" counts them (criteria-facts
 * §8). Counts are as of a day: recognised by then and not revoked by then.
 */
@Service
class ModelAreas {

	enum Kind {
		RESIDENTIAL_AREA, GARDEN;

		public String messageKey() {
			return "modelArea.kind." + name();
		}
	}

	record ModelArea(long id, String villageCode, Kind kind, String name, String setCode, String decisionNumber,
			LocalDate recognisedOn, LocalDate revokedOn, String note, boolean demo, int version) {

		public boolean recognisedOn(LocalDate day) {
			return !day.isBefore(recognisedOn) && (revokedOn == null || day.isBefore(revokedOn));
		}
	}

	/** A unit's counts on a day; {@code withArea}/{@code withoutArea} name its villages. */
	record Counts(LocalDate asOf, int villages, List<String> withArea, List<String> withoutArea, long residentialAreas,
			long gardens) {

		public BigDecimal villageShare() {
			return HouseholdStore.Counts.share(withArea.size(), villages);
		}
	}

	private final JdbcClient jdbc;
	private final RegisterUnits units;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final RegisterAudit audit;
	private final vn.ntmtracker.assessment.ApplicableSets applicableSets;
	private final Clock clock;

	ModelAreas(JdbcClient jdbc, RegisterUnits units, AccessPolicy access, Authorization authorization, RegisterAudit audit,
			vn.ntmtracker.assessment.ApplicableSets applicableSets, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.access = access;
		this.authorization = authorization;
		this.audit = audit;
		this.applicableSets = applicableSets;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	List<ModelArea> list(String unitCode, LocalDate asOf) {
		access.requireRead(unitCode);
		return areas(units.villageCodes(unitCode, asOf));
	}

	Counts counts(String unitCode, LocalDate asOf) {
		access.requireRead(unitCode);
		return countsOn(unitCode, asOf);
	}

	/** Counts without a reading check, for the indicator rules (the round's reader has been checked). */
	Counts countsOn(String unitCode, LocalDate asOf) {
		List<Unit> villages = units.villages(unitCode, asOf);
		List<ModelArea> areas = areas(villages.stream().map(Unit::code).toList());
		List<String> with = new ArrayList<>();
		List<String> without = new ArrayList<>();
		for (Unit village : villages) {
			boolean has = areas.stream().anyMatch(a -> a.kind() == Kind.RESIDENTIAL_AREA && a.villageCode().equals(village.code())
					&& a.recognisedOn(asOf));
			(has ? with : without).add(RegisterUnits.label(village));
		}
		long residential = areas.stream().filter(a -> a.kind() == Kind.RESIDENTIAL_AREA && a.recognisedOn(asOf)).count();
		long gardens = areas.stream().filter(a -> a.kind() == Kind.GARDEN && a.recognisedOn(asOf)).count();
		return new Counts(asOf, villages.size(), with, without, residential, gardens);
	}

	private List<ModelArea> areas(Collection<String> villageCodes) {
		return jdbc.sql("select * from model_area where village_code = any(:codes) order by village_code, kind, recognised_on, id")
			.param("codes", villageCodes.toArray(String[]::new))
			.query((rs, i) -> new ModelArea(rs.getLong("id"), rs.getString("village_code"), Kind.valueOf(rs.getString("kind")),
					rs.getString("name"), rs.getString("set_code"), rs.getString("decision_number"),
					rs.getObject("recognised_on", LocalDate.class), rs.getObject("revoked_on", LocalDate.class),
					rs.getString("note"), rs.getBoolean("demo"), rs.getInt("version")))
			.list();
	}

	@Transactional
	long create(String villageCode, Kind kind, String name, String setCode, String decisionNumber, LocalDate recognisedOn,
			String note, boolean demo) {
		authorization.require(Permission.RECORD_MODEL_AREA, Target.unit(villageCode, today()));
		List<Problem> problems = new ArrayList<>();
		Unit village = units.unit(villageCode, today());
		if (village.level() != RegisterUnits.VILLAGE) {
			problems.add(Problem.field("village", "household.error.notAVillage", villageCode));
		}
		if (kind == null) {
			problems.add(Problem.field("kind", "modelArea.error.kind"));
		}
		String cleanName = OcopProducts.required("name", name, 200, problems);
		String decision = OcopProducts.required("decisionNumber", decisionNumber, 60, problems);
		if (recognisedOn == null) {
			problems.add(Problem.field("recognisedOn", "modelArea.error.recognisedOnMissing"));
		}
		else if (recognisedOn.isAfter(today())) {
			problems.add(Problem.field("recognisedOn", "ocop.error.issuedInFuture", recognisedOn));
		}
		String cleanSet = HouseholdRules.blankToNull(SearchKey.clean(setCode));
		if (cleanSet != null && (cleanSet.length() > 64 || !cleanSet.matches("[A-Z0-9-]+"))) {
			problems.add(Problem.field("setCode", "modelArea.error.setCode", cleanSet));
		}
		else if (cleanSet != null && recognisedOn != null && village.level() == RegisterUnits.VILLAGE) {
			// Another province's set, or one not in force on the recognition day, is refused with its validity.
			applicableSets.refusal(cleanSet, villageCode, recognisedOn)
				.ifPresent(reason -> problems.add(Problem.field("setCode", "modelArea.error.setNotApplicable", reason)));
		}
		String cleanNote = HouseholdRules.blankToNull(SearchKey.clean(note));
		if (cleanNote != null && cleanNote.length() > 500) {
			problems.add(Problem.field("note", "register.error.tooLong", 500));
		}
		if (!problems.isEmpty()) {
			throw new RegisterException(problems);
		}
		long id = jdbc.sql("""
				insert into model_area (village_code, kind, name, set_code, decision_number, recognised_on, note, demo, created_by)
				values (:village, :kind, :name, :set, :decision, :on, :note, :demo, :user) returning id""")
			.param("village", villageCode).param("kind", kind.name()).param("name", cleanName).param("set", cleanSet)
			.param("decision", decision).param("on", recognisedOn).param("note", cleanNote).param("demo", demo)
			.param("user", access.currentUsername()).query(Long.class).single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("kind", kind.name());
		after.put("name", cleanName);
		after.put("decision", decision);
		after.put("recognisedOn", recognisedOn.toString());
		audit.record(Action.CREATE, "model_area", id, villageCode, null, after);
		return id;
	}

	/** The area lost its recognition from {@code on}; a reason is required. */
	@Transactional
	void revoke(long id, LocalDate on, String reason, int expectedVersion) {
		ModelArea area = jdbc.sql("select * from model_area where id = :id").param("id", id)
			.query((rs, i) -> new ModelArea(rs.getLong("id"), rs.getString("village_code"), Kind.valueOf(rs.getString("kind")),
					rs.getString("name"), rs.getString("set_code"), rs.getString("decision_number"),
					rs.getObject("recognised_on", LocalDate.class), rs.getObject("revoked_on", LocalDate.class),
					rs.getString("note"), rs.getBoolean("demo"), rs.getInt("version")))
			.optional().filter(a -> access.canRead(a.villageCode()))
			.orElseThrow(() -> new RecordNotFoundException("khu dân cư, vườn mẫu", id));
		authorization.require(Permission.RECORD_MODEL_AREA, Target.unit(area.villageCode(), today()));
		List<Problem> problems = new ArrayList<>();
		if (on == null || !on.isAfter(area.recognisedOn()) || on.isAfter(today())) {
			problems.add(Problem.field("revokedOn", "modelArea.error.revokedOn", area.recognisedOn()));
		}
		String cleanReason = OcopProducts.required("note", reason, 500, problems);
		if (area.revokedOn() != null) {
			problems.add(Problem.field("revokedOn", "modelArea.error.alreadyRevoked", area.revokedOn()));
		}
		if (!problems.isEmpty()) {
			throw new RegisterException(problems);
		}
		int updated = jdbc.sql("""
				update model_area set revoked_on = :on, note = :note, updated_by = :user, updated_at = now(), version = version + 1
				where id = :id and version = :version""")
			.param("on", on).param("note", cleanReason).param("user", access.currentUsername()).param("id", id)
			.param("version", expectedVersion).update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("model area " + id);
		}
		audit.record(Action.UPDATE, "model_area", id, area.villageCode(), Map.of("revokedOn", "—"),
				Map.of("revokedOn", on.toString(), "reason", cleanReason));
	}
}
