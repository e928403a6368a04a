package vn.ntmtracker.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The threshold columns of a set's detail table: the seven regions, the three commune groups, or one general column. */
public record ThresholdColumns(List<Column> columns) {

	public record Column(String label, Region region, CommuneGroup group) {

		/** Thresholds of an indicator in this column (several when they change by year), general ones as fallback. */
		public List<Threshold> of(Indicator indicator) {
			List<Threshold> exact = indicator.thresholds().stream()
				.filter(t -> (region != null && t.region() == region) || (group != null && t.group() == group)
						|| (region == null && group == null && t.generalValue()))
				.toList();
			if (!exact.isEmpty()) {
				return exact;
			}
			return indicator.thresholds().stream().filter(Threshold::generalValue).toList();
		}
	}

	static ThresholdColumns of(CriteriaSetDefinition set) {
		List<Column> columns = new ArrayList<>();
		switch (Optional.ofNullable(set.thresholdKeying()).orElse(ThresholdKeying.NONE)) {
			case REGION -> {
				for (Region region : Region.values()) {
					columns.add(new Column(region.abbreviation(), region, null));
				}
			}
			case COMMUNE_GROUP -> {
				for (CommuneGroup group : CommuneGroup.values()) {
					columns.add(new Column("Nhóm " + group.number(), null, group));
				}
			}
			default -> columns.add(new Column("Chỉ tiêu", null, null));
		}
		return new ThresholdColumns(columns);
	}
}
