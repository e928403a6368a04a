package vn.ntmtracker;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails when a module reaches into another module's internals or depends on a module it may not use. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(NtmTrackerApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}
}
