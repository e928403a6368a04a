package vn.ntmtracker.registers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.ntmtracker.criteria.RegisterBinding.Rule;

/**
 * The counting rules of {@link vn.ntmtracker.criteria.RegisterBinding}: for a unit on a day, the figure and the
 * sentence that shows how it was obtained — formula, counts and dates — which becomes the indicator's evidence.
 * Households count in the year of the day (the yearly review for that year), over the villages of the unit on that day;
 * OCOP products and model areas count as recognised on that day. The same question gives the same answer on any day
 * the register is not corrected.
 */
@Component
class RegisterFigures {

	/** A figure and how it was obtained; {@code value} is null when there is nothing to count over. */
	record Figure(Rule rule, BigDecimal value, long numerator, Long denominator, String evidence) {
	}

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

	private final HouseholdStore households;
	private final RegisterUnits units;
	private final OcopProducts ocop;
	private final ModelAreas modelAreas;

	RegisterFigures(HouseholdStore households, RegisterUnits units, OcopProducts ocop, ModelAreas modelAreas) {
		this.households = households;
		this.units = units;
		this.ocop = ocop;
		this.modelAreas = modelAreas;
	}

	Figure compute(Rule rule, String unitCode, LocalDate day) {
		return switch (rule.register()) {
			case HOUSEHOLDS -> households(rule, unitCode, day);
			case OCOP_PRODUCTS -> ocop(rule, unitCode, day);
			case MODEL_AREAS -> modelAreas(rule, unitCode, day);
		};
	}

	private Figure households(Rule rule, String unitCode, LocalDate day) {
		int year = day.getYear();
		HouseholdStore.Counts c = households.counts(units.villageCodes(unitCode, day), year);
		String source = "Tính từ sổ hộ năm " + year + " (các thôn của đơn vị ngày " + date(day) + "): ";
		return switch (rule) {
			case POVERTY_RATE -> share(rule, c.poor(), c.households(), source + "hộ nghèo ÷ tổng số hộ");
			case NEAR_POVERTY_RATE -> share(rule, c.nearPoor(), c.households(), source + "hộ cận nghèo ÷ tổng số hộ");
			case INSURED_SHARE -> share(rule, c.insured(), c.members(), source + "người có thẻ BHYT ÷ nhân khẩu");
			case HOUSING_STANDARD_SHARE -> share(rule, c.housingStandard(), c.housingAssessed(),
					source + "hộ có nhà ở đạt chuẩn ÷ hộ đã đánh giá nhà ở");
			case CLEAN_WATER_SHARE -> share(rule, c.cleanWater(), c.waterAssessed(), source + "hộ dùng nước sạch ÷ hộ đã đánh giá nước");
			case POOR_HOUSEHOLDS -> new Figure(rule, c.households() == 0 ? null : BigDecimal.valueOf(c.poor()), c.poor(),
					c.households(), source + "số hộ nghèo = " + number(c.poor()) + " (trên " + number(c.households()) + " hộ).");
			default -> throw new IllegalArgumentException(rule + " is not a household rule");
		};
	}

	private Figure ocop(Rule rule, String unitCode, LocalDate day) {
		List<OcopProducts.ProductOn> valid = ocop.validOn(units.villageCodes(unitCode, day), day);
		StringBuilder evidence = new StringBuilder("Tính từ sổ sản phẩm OCOP ngày ").append(date(day)).append(": ")
			.append(valid.size()).append(" sản phẩm có giấy chứng nhận OCOP 3–5 sao còn hiệu lực");
		if (!valid.isEmpty()) {
			evidence.append(" (");
			for (int i = 0; i < valid.size(); i++) {
				OcopProducts.ProductOn p = valid.get(i);
				evidence.append(i == 0 ? "" : "; ").append(p.product().name()).append(", ").append(p.certificate().stars())
					.append(" sao, hiệu lực đến ").append(date(p.certificate().validUntil()));
			}
			evidence.append(")");
		}
		evidence.append('.');
		return new Figure(rule, BigDecimal.valueOf(valid.size()), valid.size(), null, evidence.toString());
	}

	private Figure modelAreas(Rule rule, String unitCode, LocalDate day) {
		ModelAreas.Counts c = modelAreas.countsOn(unitCode, day);
		String source = "Tính từ sổ khu dân cư kiểu mẫu, vườn mẫu ngày " + date(day) + ": ";
		return switch (rule) {
			case MODEL_RESIDENTIAL_AREA_SHARE -> {
				Figure share = share(rule, c.withArea().size(), c.villages(),
						source + "thôn có khu dân cư NTM kiểu mẫu được công nhận ÷ số thôn");
				String named = " Đã có: " + (c.withArea().isEmpty() ? "—" : String.join(", ", c.withArea())) + "; chưa có: "
						+ (c.withoutArea().isEmpty() ? "—" : String.join(", ", c.withoutArea())) + ".";
				yield new Figure(rule, share.value(), share.numerator(), share.denominator(), share.evidence() + named);
			}
			case MODEL_RESIDENTIAL_AREAS -> new Figure(rule, BigDecimal.valueOf(c.residentialAreas()), c.residentialAreas(), null,
					source + number(c.residentialAreas()) + " khu dân cư NTM kiểu mẫu được công nhận.");
			case MODEL_GARDENS -> new Figure(rule, BigDecimal.valueOf(c.gardens()), c.gardens(), null,
					source + number(c.gardens()) + " vườn mẫu được công nhận.");
			default -> throw new IllegalArgumentException(rule + " is not a model-area rule");
		};
	}

	private static Figure share(Rule rule, long part, long whole, String formula) {
		BigDecimal value = HouseholdStore.Counts.share(part, whole);
		return new Figure(rule, value, part, whole, formula + " = " + number(part) + " ÷ " + number(whole) + " = "
				+ (value == null ? "—" : percent(value) + " %") + ".");
	}

	/** 1.200 */
	static String number(long n) {
		return String.format(VIETNAMESE, "%,d", n);
	}

	/** 1,5 */
	static String percent(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString().replace('.', ',');
	}

	static String date(LocalDate d) {
		return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
	}
}
