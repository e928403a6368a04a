package vn.ntmtracker.registers;

import java.util.Optional;

/**
 * How a household's status moved between two consecutive yearly reviews. Poverty is the reference: leaving it (to
 * near-poor, "thoát nghèo" or not poor) and falling into it (tái nghèo, from a year recorded as not poor) are the moves
 * the programme reports; a household first recorded as poor is new, not a fall.
 */
enum PovertyChange {

	LEFT_POVERTY, FELL_INTO_POVERTY, NEW_POOR, LEFT_NEAR_POVERTY, BECAME_NEAR_POOR;

	public String messageKey() {
		return "household.change." + name();
	}

	/** The move from {@code before} (null: not recorded) to {@code after} (null: not recorded), if it is one. */
	static Optional<PovertyChange> between(PovertyStatus before, PovertyStatus after) {
		if (after == null) {
			return Optional.empty();
		}
		boolean poorBefore = before == PovertyStatus.NGHEO;
		boolean poorAfter = after == PovertyStatus.NGHEO;
		if (before == null) {
			return poorAfter ? Optional.of(NEW_POOR) : Optional.empty();
		}
		if (poorBefore && !poorAfter) {
			return Optional.of(LEFT_POVERTY);
		}
		if (!poorBefore && poorAfter) {
			return Optional.of(FELL_INTO_POVERTY);
		}
		if (before == PovertyStatus.CAN_NGHEO && after != PovertyStatus.CAN_NGHEO) {
			return Optional.of(LEFT_NEAR_POVERTY);
		}
		if (before != PovertyStatus.CAN_NGHEO && after == PovertyStatus.CAN_NGHEO) {
			return Optional.of(BECAME_NEAR_POOR);
		}
		return Optional.empty();
	}
}
