package vn.ntmtracker.criteria;

/** How an indicator is measured and compared with its threshold (criteria-facts §3, "indicator kinds"). */
public enum ValueKind {

	BOOLEAN("Đạt / Không đạt", false),
	PERCENT_AT_LEAST("Tỷ lệ ≥", true),
	PERCENT_AT_MOST("Tỷ lệ ≤", true),
	AMOUNT_AT_LEAST("Giá trị ≥", true),
	/** "Không": the count (e.g. nhà tạm, dột nát) must be zero; no threshold to store. */
	COUNT_MUST_BE_ZERO("Không (bằng 0)", false),
	AREA_PER_PERSON_AT_LEAST("Diện tích bình quân ≥", true),
	/** No measurable value: the assessor judges đạt / không đạt on the evidence. */
	TEXT_EVIDENCE("Minh chứng (đánh giá của người thẩm định)", false);

	private final String label;

	private final boolean needsThreshold;

	ValueKind(String label, boolean needsThreshold) {
		this.label = label;
		this.needsThreshold = needsThreshold;
	}

	public String label() {
		return label;
	}

	public boolean needsThreshold() {
		return needsThreshold;
	}

	public boolean percent() {
		return this == PERCENT_AT_LEAST || this == PERCENT_AT_MOST;
	}

	public boolean needsUnit() {
		return this == AMOUNT_AT_LEAST || this == AREA_PER_PERSON_AT_LEAST;
	}
}
