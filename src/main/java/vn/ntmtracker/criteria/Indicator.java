package vn.ntmtracker.criteria;

import java.util.List;
import java.util.stream.Stream;

/**
 * An indicator (chỉ tiêu) such as "17.4". {@code notApplicableAllowed} is the set's "(nếu có)".
 * {@code unit} is required for amounts and areas ("triệu đồng/người/năm", "m²/người"). {@code name} and
 * {@code description} are what officers read; {@code provenance} is for administrators.
 * <p>
 * {@code parts} are further conditions of the same indicator, each measured and judged on its own (QĐ 318 17.1:
 * hygienic water <em>and</em> a minimum share from centralised supply). The indicator is met only when its own value
 * and every part are met. A part has a code of the indicator's code plus a letter ("17.1b") and no parts of its own.
 * <p>
 * {@code computedFrom} (optional) says the value is counted from a register ({@link RegisterBinding}); published
 * versions that predate the key carry their bindings in {@code criteria/bindings.yaml} instead.
 */
public record Indicator(String code, String name, ValueKind kind, String unit, boolean notApplicableAllowed,
		String sector, Provenance provenance, List<Threshold> thresholds, String description, List<Indicator> parts,
		RegisterBinding computedFrom) {

	public Indicator {
		thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
		parts = parts == null ? List.of() : List.copyOf(parts);
	}

	public Indicator(String code, String name, ValueKind kind, String unit, boolean notApplicableAllowed,
			String sector, Provenance provenance, List<Threshold> thresholds) {
		this(code, name, kind, unit, notApplicableAllowed, sector, provenance, thresholds, null, List.of(), null);
	}

	public Indicator(String code, String name, ValueKind kind, String unit, boolean notApplicableAllowed,
			String sector, Provenance provenance, List<Threshold> thresholds, String description, List<Indicator> parts) {
		this(code, name, kind, unit, notApplicableAllowed, sector, provenance, thresholds, description, parts, null);
	}

	/** This indicator followed by its parts: everything that takes a value. */
	public Stream<Indicator> withParts() {
		return Stream.concat(Stream.of(this), parts.stream());
	}

	public Indicator withThresholds(List<Threshold> newThresholds) {
		return new Indicator(code, name, kind, unit, notApplicableAllowed, sector, provenance, newThresholds,
				description, parts, computedFrom);
	}

	/** True when the wording or any threshold (own or of a part) is not verified. */
	public boolean provisional() {
		return provenance == null || !provenance.verified()
				|| thresholds.stream().anyMatch(t -> t.provenance() == null || !t.provenance().verified())
				|| parts.stream().anyMatch(Indicator::provisional);
	}
}
