package vn.ntmtracker.units;

import java.time.LocalDate;

/** A unit's classification (region, commune group, ĐBKK, ATK) changed from a date: thresholds judging it may differ. */
public record UnitReclassified(String unitCode, LocalDate from) {
}
