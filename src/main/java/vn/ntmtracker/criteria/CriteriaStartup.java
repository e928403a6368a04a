package vn.ntmtracker.criteria;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.ntmtracker.StartupTask;

/** Loads the criteria set files before anything (demo data included) needs them; a broken file stops start-up. */
@Component
@Order(0)
class CriteriaStartup implements StartupTask {

	private final CriteriaCatalog catalog;

	CriteriaStartup(CriteriaCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void run() {
		catalog.loadFiles();
	}
}
