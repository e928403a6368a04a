package vn.ntmtracker.registers;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registers' due items for a notifier: every OCOP certificate in its warning period on a day, over all communes.
 * Called by a scheduled job without a user, so it is not scoped; the notifier chooses recipients (the users who may
 * {@code RECORD_OCOP} on {@link DueItem#unitCode()}) and remembers what it sent, e.g. a (kind, recordId, dueOn) row.
 */
@Component
public class RegisterDueItems {

	private final OcopProducts ocop;
	private final JdbcClient jdbc;

	RegisterDueItems(OcopProducts ocop, JdbcClient jdbc) {
		this.ocop = ocop;
		this.jdbc = jdbc;
	}

	public List<DueItem> dueOn(LocalDate day) {
		List<String> communes = jdbc.sql("select distinct commune_code from ocop_product").query(String.class).list();
		return ocop.due(communes, day);
	}
}
