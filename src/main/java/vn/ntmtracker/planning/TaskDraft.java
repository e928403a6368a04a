package vn.ntmtracker.planning;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** A task as typed in (form or API), before the rules accept it. */
record TaskDraft(Integer criterionNumber, String indicatorCode, String description, TaskKind kind,
		SiteClearance siteClearance, BigDecimal volumeQuantity, String volumeUnit, LocalDate start, LocalDate deadline,
		String recurrence, String leadBody, String leadPerson, String cooperating, Long statedTotal,
		Map<FundingSource, Long> costs) {

	TaskDraft {
		description = clean(description);
		indicatorCode = clean(indicatorCode);
		volumeUnit = clean(volumeUnit);
		recurrence = clean(recurrence);
		leadBody = clean(leadBody);
		leadPerson = clean(leadPerson);
		cooperating = clean(cooperating);
		kind = kind == null ? TaskKind.OTHER : kind;
		Map<FundingSource, Long> shares = new EnumMap<>(FundingSource.class);
		if (costs != null) {
			costs.forEach((source, amount) -> {
				if (source != null && amount != null) {
					shares.put(source, amount);
				}
			});
		}
		costs = shares;
	}

	/** Vietnamese text arrives in NFC and NFD; it is stored in NFC, trimmed, blank as null. */
	static String clean(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return Normalizer.normalize(text.trim(), Normalizer.Form.NFC);
	}

	long sharesTotal() {
		return costs.values().stream().mapToLong(Long::longValue).sum();
	}
}
