package vn.ntmtracker.dossiers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.InputLimits;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * The recognition history of units, owned here and published to the other modules as the view
 * {@code dossiers_v_recognition} (the assessment module's revocation risk reads it). A decision recorded through a
 * dossier adds an entry; a revocation decision ends one with its effective date; a recognition decided before the
 * system (e.g. Cẩm Quang, NTM since 2015) is recorded from its decision. Nothing is ever deleted.
 */
@Component("recognitionHistory")
public class RecognitionHistory {

	private final JdbcClient jdbc;
	private final AccessPolicy access;
	private final Authorization authorization;
	private final Units units;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	RecognitionHistory(JdbcClient jdbc, AccessPolicy access, Authorization authorization, Units units, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.authorization = authorization;
		this.units = units;
		this.events = events;
		this.clock = clock;
	}

	/** The unit's history, oldest first, for a reader of the unit. */
	public List<Recognition> of(String unitCode) {
		access.requireRead(unitCode);
		return read(unitCode);
	}

	/** For the unit page: the history, or nothing for a reader outside the unit's reach. */
	public List<Recognition> timeline(String unitCode) {
		return access.canRead(unitCode) ? read(unitCode) : List.of();
	}

	List<Recognition> read(String unitCode) {
		return jdbc.sql("select * from recognition where unit_code = :unit order by since, id").param("unit", unitCode)
			.query((rs, i) -> new Recognition(rs.getLong("id"), rs.getString("unit_code"), Tier.valueOf(rs.getString("tier")),
					rs.getString("set_code"), (Integer) rs.getObject("set_version"), rs.getObject("since", LocalDate.class),
					rs.getObject("until", LocalDate.class), rs.getString("decision_number"), rs.getObject("decision_date", LocalDate.class),
					rs.getString("decision_signer"), (Long) rs.getObject("dossier_id"), rs.getString("revocation_number"),
					rs.getObject("revocation_date", LocalDate.class), rs.getString("revocation_signer"),
					(Long) rs.getObject("revocation_dossier_id"), rs.getString("note"), rs.getInt("version")))
			.list();
	}

	/** A recognition decided through a dossier; called inside the decision's transaction. */
	long recordFromDossier(String unitCode, Tier tier, String setCode, int setVersion, DossierRecords.Decision decision, long dossierId) {
		requireNoOverlap(unitCode, tier, decision.effectiveOn());
		long id = insert(unitCode, tier, setCode, setVersion, decision.effectiveOn(), decision.number(), decision.decidedOn(),
				decision.signer(), dossierId, null);
		events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "recognition", Long.toString(id), unitCode, null,
				entry(tier, decision.effectiveOn(), decision.number(), decision.decidedOn())));
		return id;
	}

	/** A revocation decision ends the recognition from its effective date; the entry stays. */
	void endByRevocation(long recognitionId, DossierRecords.Decision decision, long dossierId) {
		Recognition before = get(recognitionId);
		if (before.ended()) {
			throw new DossierException("dossier.error.recognitionEnded", before.until());
		}
		if (!decision.effectiveOn().isAfter(before.since())) {
			throw DossierException.field("effectiveOn", "dossier.error.revocationBeforeSince", decision.effectiveOn(), before.since());
		}
		jdbc.sql("""
				update recognition set until = :until, revocation_number = :number, revocation_date = :date, revocation_signer = :signer,
				       revocation_dossier_id = :dossier, changed_at = now(), version = version + 1
				where id = :id and version = :version""")
			.param("until", decision.effectiveOn()).param("number", decision.number()).param("date", decision.decidedOn())
			.param("signer", decision.signer()).param("dossier", dossierId).param("id", recognitionId).param("version", before.version())
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("until", decision.effectiveOn().toString());
		after.put("revocationNumber", decision.number());
		after.put("revocationDate", decision.decidedOn().toString());
		events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, "recognition", Long.toString(recognitionId), before.unitCode(),
				Map.of("until", "—"), after));
	}

	/**
	 * Records a recognition decided before the system held dossiers, from its decision (number and date may be unknown
	 * for old ones: say so in the note). By the level above, like the decision itself.
	 */
	@Transactional
	public long recordEarlier(String unitCode, Tier tier, String setCode, LocalDate since, String decisionNumber, LocalDate decisionDate,
			String signer, String note) {
		LocalDate today = LocalDate.now(clock);
		authorization.require(Permission.DECIDE_RECOGNITION, Target.unit(unitCode, since == null ? today : since));
		List<DossierException.Problem> problems = new ArrayList<>();
		if (tier == null) {
			problems.add(DossierException.Problem.field("level", "dossier.error.levelRequired"));
		}
		if (since == null) {
			problems.add(DossierException.Problem.field("since", "dossier.error.sinceRequired"));
		}
		List<String> limits = new ArrayList<>();
		InputLimits.date("Ngày công nhận", since, limits);
		InputLimits.notFuture("Ngày công nhận", since, today, limits);
		InputLimits.notFuture("Ngày quyết định", decisionDate, today, limits);
		InputLimits.text("Số quyết định", decisionNumber, 100, limits);
		InputLimits.text("Người ký", signer, InputLimits.NAME, limits);
		InputLimits.text("Ghi chú", note, 1000, limits);
		limits.forEach(text -> problems.add(DossierException.Problem.of("dossier.error.plain", text)));
		if (!problems.isEmpty()) {
			throw new DossierException(problems);
		}
		Unit unit = units.get(unitCode, since);
		if (unit.level() != tier.unitLevel()) {
			throw DossierException.field("level", "dossier.error.levelForUnit", tier.label(), unit.displayName());
		}
		requireNoOverlap(unitCode, tier, since);
		long id = insert(unitCode, tier, blank(setCode), null, since, blank(decisionNumber), decisionDate, blank(signer), null, blank(note));
		events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "recognition", Long.toString(id), unitCode, null,
				entry(tier, since, decisionNumber, decisionDate)));
		return id;
	}

	Recognition get(long id) {
		return jdbc.sql("select unit_code from recognition where id = :id").param("id", id).query(String.class).optional()
			.flatMap(unit -> read(unit).stream().filter(r -> r.id() == id).findFirst())
			.orElseThrow(() -> new DossierNotFoundException("công nhận", id));
	}

	/** The recognition held at that level on that day, if any. */
	java.util.Optional<Recognition> activeOn(String unitCode, Tier tier, LocalDate day) {
		return read(unitCode).stream().filter(r -> r.tier() == tier && r.activeOn(day)).findFirst();
	}

	private void requireNoOverlap(String unitCode, Tier tier, LocalDate since) {
		for (Recognition r : read(unitCode)) {
			if (r.tier() == tier && (r.until() == null || r.until().isAfter(since))) {
				throw new DossierException("dossier.error.alreadyRecognised", tier.label(), r.since());
			}
		}
	}

	private long insert(String unitCode, Tier tier, String setCode, Integer setVersion, LocalDate since, String number, LocalDate date,
			String signer, Long dossierId, String note) {
		return jdbc.sql("""
				insert into recognition (unit_code, tier, set_code, set_version, since, decision_number, decision_date, decision_signer,
				                         dossier_id, note, recorded_by)
				values (:unit, :tier, :set, :setVersion, :since, :number, :date, :signer, :dossier, :note, :by) returning id""")
			.param("unit", unitCode).param("tier", tier.name()).param("set", setCode).param("setVersion", setVersion).param("since", since)
			.param("number", number).param("date", date).param("signer", signer).param("dossier", dossierId).param("note", note)
			.param("by", access.currentUsername()).query(Long.class).single();
	}

	private static Map<String, Object> entry(Tier tier, LocalDate since, String number, LocalDate date) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("level", tier.name());
		map.put("since", since.toString());
		map.put("decisionNumber", number);
		map.put("decisionDate", date == null ? null : date.toString());
		return map;
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
