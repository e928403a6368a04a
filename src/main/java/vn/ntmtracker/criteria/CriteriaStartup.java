package vn.ntmtracker.criteria;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the criteria set files before anything (demo data included) needs them; a broken file stops start-up. */
@Component
@Order(0)
class CriteriaStartup implements ApplicationRunner {

	private final CriteriaCatalog catalog;

	CriteriaStartup(CriteriaCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void run(ApplicationArguments args) {
		catalog.loadFiles();
	}
}
