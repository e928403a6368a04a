package vn.ntmtracker.security;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.units.Units;

/**
 * Who is to be told about something, resolved from the grants as they are now: the accounts that may take an act on a
 * unit (e.g. verify its round), and a unit's own bodies. Disabled accounts are never addressed. An administrator's
 * grant or a nationwide one does not make its holder an addressee: they may do everything everywhere, and would be
 * told of everything.
 */
@Component
public class Addressees {

	private final JdbcClient jdbc;
	private final Units units;
	private final Authorization authorization;

	Addressees(JdbcClient jdbc, Units units, Authorization authorization) {
		this.jdbc = jdbc;
		this.units = units;
		this.authorization = authorization;
	}

	/** Usernames {@link Authorization} allows {@code action} on the unit as it stood on {@code on}, through a grant on its line. */
	public List<String> mayAct(Permission action, String unitCode, LocalDate on) {
		List<String> line = units.lineOn(unitCode, on);
		if (line.isEmpty()) {
			return List.of();
		}
		List<CurrentUser> candidates = jdbc.sql(UserAccounts.SELECT_USER + " " + """
				where u.enabled and exists (select 1 from role_grant g where g.user_id = u.id and g.unit_code in (:line)
				   and g.role not in ('ADMIN', 'LEADER')) order by u.username""")
			.param("line", line).query(UserAccounts::mapUser).list();
		List<String> addressees = new ArrayList<>();
		for (CurrentUser user : candidates) {
			CurrentUser onTheLine = new CurrentUser(user.id(), user.username(), user.displayName(), null, true, false,
					user.grants().stream().filter(g -> g.role() != Role.ADMIN && !g.nationwide()).toList(), user.epoch());
			if (authorization.decide(onTheLine, action, Target.unit(unitCode, on)).allowed()) {
				addressees.add(user.username());
			}
		}
		return addressees;
	}

	/** Enabled accounts holding a commune-officer or village-board grant on exactly this unit: the unit's own body. */
	public List<String> unitBodies(String unitCode) {
		return jdbc.sql("""
				select distinct u.username from app_user u join role_grant g on g.user_id = u.id
				where u.enabled and g.unit_code = :unit and g.role in ('COMMUNE_OFFICER', 'VILLAGE_BOARD') order by u.username""")
			.param("unit", unitCode).query(String.class).list();
	}

	/** Those of the usernames whose accounts exist and are enabled. */
	public List<String> enabled(java.util.Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select username from app_user where enabled and username in (:names) order by username")
			.param("names", usernames).query(String.class).list();
	}
}
