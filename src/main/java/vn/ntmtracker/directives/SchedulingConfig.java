package vn.ntmtracker.directives;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the daily digest; {@code ntm.reminders.enabled=false} turns the job off (e.g. on all nodes but one). */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "ntm.reminders.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {
}
