package vn.ntmtracker.dossiers;

/**
 * Who in the system performs a step: the unit's own bodies (the template names which: UBND xã, MTTQ xã, Ban phát triển
 * thôn) or the level above (cấp thẩm tra, Sở NN&MT, Hội đồng thẩm định, Chủ tịch UBND tỉnh). The template's actor is
 * a configurable role name, so the 2025 reform (no more huyện) changes data, not code.
 */
public enum Side {

	UNIT, LEVEL_ABOVE;

	public String messageKey() {
		return "dossier.side." + name();
	}
}
