package vn.ntmtracker.directives;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;
import vn.ntmtracker.units.SearchKey;
import vn.ntmtracker.units.Units;

/** Organisations and who belongs to them. */
@Component
class Organisations {

	private static final String SELECT = "select id, code, kind, name, unit_code, version from organisation";

	private final JdbcClient jdbc;
	private final Units units;
	private final ApplicationEventPublisher events;

	Organisations(JdbcClient jdbc, Units units, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.units = units;
		this.events = events;
	}

	Optional<Organisation> find(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Organisations::map).optional();
	}

	Optional<Organisation> findByCode(String code) {
		return jdbc.sql(SELECT + " where code = :code").param("code", code).query(Organisations::map).optional();
	}

	/** The organisation, or a clear refusal naming the id that does not exist. */
	Organisation require(Long id) {
		if (id == null) {
			throw new DirectiveRuleException("organisation.error.missing");
		}
		return find(id).orElseThrow(() -> new DirectiveRuleException("organisation.error.unknown", String.valueOf(id)));
	}

	List<Organisation> all() {
		return jdbc.sql(SELECT + " order by unit_code, name").query(Organisations::map).list();
	}

	/** The organisations attached to any of the units, by unit then name. */
	List<Organisation> ofUnits(java.util.Collection<String> unitCodes) {
		if (unitCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where unit_code in (:units) order by unit_code, name")
			.param("units", List.copyOf(unitCodes)).query(Organisations::map).list();
	}

	List<Organisation> search(String query) {
		String key = SearchKey.of(query);
		return jdbc.sql(SELECT + " where search_key like :pattern or lower(code) = :key order by unit_code, name")
			.param("pattern", "%" + key.replace("%", "").replace("_", "") + "%").param("key", key)
			.query(Organisations::map).list();
	}

	Set<Long> membershipsOf(String username) {
		return Set.copyOf(jdbc.sql("select organisation_id from user_organisation where username = :u")
			.param("u", username).query(Long.class).list());
	}

	List<Organisation> organisationsOf(String username) {
		return jdbc.sql(SELECT + " where id in (select organisation_id from user_organisation where username = :u) order by name")
			.param("u", username).query(Organisations::map).list();
	}

	List<String> membersOf(long organisationId) {
		return jdbc.sql("select username from user_organisation where organisation_id = :id order by username")
			.param("id", organisationId).query(String.class).list();
	}

	@Transactional
	Organisation create(String code, Organisation.Kind kind, String name, String unitCode) {
		String cleanName = SearchKey.clean(name);
		if (code == null || !code.matches("[A-Za-z0-9._-]{2,60}")) {
			throw new DirectiveRuleException("organisation.error.code");
		}
		if (kind == null || cleanName == null || cleanName.isEmpty()) {
			throw new DirectiveRuleException("organisation.error.name");
		}
		if (unitCode == null || !units.exists(unitCode)) {
			throw new DirectiveRuleException("organisation.error.unit", unitCode);
		}
		if (findByCode(code).isPresent()) {
			throw new DirectiveRuleException("organisation.error.duplicate", code);
		}
		long id = jdbc.sql("""
				insert into organisation (code, kind, name, search_key, unit_code) values (:code, :kind, :name, :key, :unit)
				returning id""")
			.param("code", code).param("kind", kind.name()).param("name", cleanName)
			.param("key", SearchKey.of(cleanName)).param("unit", unitCode).query(Long.class).single();
		Organisation created = find(id).orElseThrow();
		events.publishEvent(AuditEvent.of(Action.CREATE, "organisation", code, unitCode, null, created));
		return created;
	}

	/** Renames or re-kinds an organisation; a stale version is refused. */
	@Transactional
	Organisation update(long id, int version, Organisation.Kind kind, String name) {
		Organisation before = require(id);
		String cleanName = SearchKey.clean(name);
		if (kind == null || cleanName == null || cleanName.isEmpty()) {
			throw new DirectiveRuleException("organisation.error.name");
		}
		int updated = jdbc.sql("""
				update organisation set kind = :kind, name = :name, search_key = :key, version = version + 1
				where id = :id and version = :version""")
			.param("kind", kind.name()).param("name", cleanName).param("key", SearchKey.of(cleanName))
			.param("id", id).param("version", version).update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("organisation " + id);
		}
		Organisation after = require(id);
		events.publishEvent(AuditEvent.of(Action.UPDATE, "organisation", before.code(), before.unitCode(), before, after));
		return after;
	}

	@Transactional
	void addMember(long organisationId, String username) {
		Organisation organisation = require(organisationId);
		int added = jdbc.sql("""
				insert into user_organisation (username, organisation_id)
				select :u, :id where exists (select 1 from security_v_user where username = :u) on conflict do nothing""")
			.param("u", username).param("id", organisationId).update();
		if (added > 0) {
			events.publishEvent(AuditEvent.of(Action.CREATE, "user_organisation", username + "@" + organisation.code(),
					organisation.unitCode(), null, Map.of("username", username, "organisation", organisation.code())));
		}
	}

	/** Ends a membership; false when the user was not a member. */
	@Transactional
	boolean removeMember(long organisationId, String username) {
		Organisation organisation = require(organisationId);
		int removed = jdbc.sql("delete from user_organisation where username = :u and organisation_id = :id")
			.param("u", username).param("id", organisationId).update();
		if (removed > 0) {
			events.publishEvent(AuditEvent.of(Action.DELETE, "user_organisation", username + "@" + organisation.code(),
					organisation.unitCode(), Map.of("username", username, "organisation", organisation.code()), null));
		}
		return removed > 0;
	}

	/** The members of any of the organisations, each once. */
	Set<String> membersOfAny(java.util.Collection<Long> organisationIds) {
		if (organisationIds.isEmpty()) {
			return Set.of();
		}
		return new java.util.TreeSet<>(jdbc.sql("select distinct username from user_organisation where organisation_id in (:ids)")
			.param("ids", organisationIds).query(String.class).list());
	}

	private static Organisation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Organisation(rs.getLong("id"), rs.getString("code"), Organisation.Kind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("unit_code"), rs.getInt("version"));
	}
}
