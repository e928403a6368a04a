package vn.ntmtracker.dossiers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The holiday calendar, read once from its data file; a broken file stops start-up naming the file and key. */
@Configuration
class DossierConfiguration {

	@Bean
	HolidayCalendar holidayCalendar() {
		return HolidayCalendar.shipped();
	}
}
