package vn.ntmtracker.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changes between two versions, in the words an official uses: "Chỉ tiêu 2.2, vùng TDMNPB: 100 % → 70 %"
 * rather than key paths. Shown before publishing and after an upload; the technical {@link CriteriaSetDiff} stays for
 * the API and the administrators' side-by-side view.
 */
public final class ReadableDiff {

	private ReadableDiff() {
	}

	public static List<String> between(CriteriaSetDefinition before, CriteriaSetDefinition after) {
		List<String> lines = new ArrayList<>();
		changed(lines, "Tên bộ tiêu chí", before.title(), after.title());
		if (!Objects.equals(before.validFrom(), after.validFrom()) || !Objects.equals(before.validTo(), after.validTo())) {
			lines.add("Hiệu lực: " + period(before) + " → " + period(after));
		}
		changed(lines, "Phạm vi", scope(before.scope()), scope(after.scope()));
		if (!Objects.equals(before.description(), after.description())) {
			lines.add("Mô tả bộ tiêu chí thay đổi");
		}
		Map<Integer, Criterion> old = index(before.criteria(), Criterion::number);
		Map<Integer, Criterion> now = index(after.criteria(), Criterion::number);
		for (Criterion criterion : after.criteria()) {
			Criterion was = old.get(criterion.number());
			if (was == null) {
				lines.add("Thêm tiêu chí " + criterion.number() + " (" + criterion.name() + ")");
				continue;
			}
			changed(lines, "Tiêu chí " + criterion.number() + ": tên", was.name(), criterion.name());
			if (was.criticalForRevocation() != criterion.criticalForRevocation()) {
				lines.add("Tiêu chí " + criterion.number() + (criterion.criticalForRevocation()
						? ": thành tiêu chí quan trọng khi xét thu hồi" : ": không còn là tiêu chí quan trọng khi xét thu hồi"));
			}
			indicators(lines, was.indicators(), criterion.indicators());
		}
		for (Criterion criterion : before.criteria()) {
			if (!now.containsKey(criterion.number())) {
				lines.add("Bỏ tiêu chí " + criterion.number() + " (" + criterion.name() + ")");
			}
		}
		return lines;
	}

	private static void indicators(List<String> lines, List<Indicator> before, List<Indicator> after) {
		Map<String, Indicator> old = index(before, Indicator::code);
		Map<String, Indicator> now = index(after, Indicator::code);
		for (Indicator indicator : after) {
			Indicator was = old.get(indicator.code());
			if (was == null) {
				lines.add("Thêm chỉ tiêu " + indicator.code() + " (" + indicator.name() + ")");
				continue;
			}
			indicator(lines, was, indicator);
		}
		for (Indicator indicator : before) {
			if (!now.containsKey(indicator.code())) {
				lines.add("Bỏ chỉ tiêu " + indicator.code() + " (" + indicator.name() + ")");
			}
		}
	}

	private static void indicator(List<String> lines, Indicator was, Indicator now) {
		String label = "Chỉ tiêu " + now.code();
		changed(lines, label + ": tên", was.name(), now.name());
		if (was.kind() != now.kind()) {
			lines.add(label + ": cách đo " + kind(was) + " → " + kind(now));
		}
		changed(lines, label + ": đơn vị", was.unit(), now.unit());
		if (was.notApplicableAllowed() != now.notApplicableAllowed()) {
			lines.add(label + (now.notApplicableAllowed() ? ": thêm \"(nếu có)\"" : ": bỏ \"(nếu có)\""));
		}
		if (!Objects.equals(was.description(), now.description())) {
			lines.add(label + ": mô tả thay đổi");
		}
		if (!Objects.equals(was.provenance(), now.provenance())) {
			lines.add(label + ": nguồn của nội dung: " + ThresholdText.source(now.provenance()));
		}
		Map<String, Threshold> old = index(was.thresholds(), ThresholdText::key);
		Map<String, Threshold> current = index(now.thresholds(), ThresholdText::key);
		for (Threshold threshold : now.thresholds()) {
			String at = label + ", " + ThresholdText.key(threshold) + ": ";
			Threshold before = old.get(ThresholdText.key(threshold));
			if (before == null) {
				lines.add(at + "thêm " + ThresholdText.value(now, threshold.value()) + " (nguồn: "
						+ ThresholdText.source(threshold.provenance()) + ")");
			}
			else if (before.value() == null || threshold.value() == null
					|| before.value().compareTo(threshold.value()) != 0) {
				lines.add(at + ThresholdText.value(was, before.value()) + " → " + ThresholdText.value(now, threshold.value())
						+ (Objects.equals(before.provenance(), threshold.provenance()) ? ""
								: " (nguồn: " + ThresholdText.source(threshold.provenance()) + ")"));
			}
			else if (!Objects.equals(before.provenance(), threshold.provenance())) {
				lines.add(at + "giữ " + ThresholdText.value(now, threshold.value()) + ", nguồn: "
						+ ThresholdText.source(threshold.provenance()));
			}
		}
		for (Threshold threshold : was.thresholds()) {
			if (!current.containsKey(ThresholdText.key(threshold))) {
				lines.add(label + ", " + ThresholdText.key(threshold) + ": bỏ " + ThresholdText.value(was, threshold.value()));
			}
		}
		indicators(lines, was.parts(), now.parts());
	}

	private static String kind(Indicator indicator) {
		return indicator.kind() == null ? "—" : indicator.kind().label();
	}

	private static void changed(List<String> lines, String what, String before, String after) {
		if (!Objects.equals(before, after)) {
			lines.add(what + ": \"" + (before == null ? "" : before) + "\" → \"" + (after == null ? "" : after) + "\"");
		}
	}

	private static String period(CriteriaSetDefinition set) {
		return "từ " + ThresholdText.date(set.validFrom()) + (set.validTo() == null ? "" : " đến " + ThresholdText.date(set.validTo()));
	}

	private static String scope(Scope scope) {
		return scope == null ? null : scope.label();
	}

	private static <K, T> Map<K, T> index(List<T> items, Function<T, K> key) {
		Map<K, T> map = new LinkedHashMap<>();
		items.forEach(item -> map.putIfAbsent(key.apply(item), item));
		return map;
	}
}
