package vn.ntmtracker.dossiers;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.ntmtracker.StartupTask;

/** Stores the shipped procedure templates before demo data needs them; a broken or edited file stops start-up. */
@Component
@Order(5)
class ProcedureStartup implements StartupTask {

	private final Procedures procedures;

	ProcedureStartup(Procedures procedures) {
		this.procedures = procedures;
	}

	@Override
	public void run() {
		procedures.loadFiles();
	}
}
