package vn.ntmtracker.directives;

import java.time.LocalDate;

/** A deadline in force from a day on: the original one (no reason) or an extension with its reason. */
record DeadlineChange(Deadline deadline, LocalDate effectiveFrom, String reason) {
}
