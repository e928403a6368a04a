package vn.ntmtracker.assessment;

import java.util.List;

import vn.ntmtracker.criteria.Tier;

/**
 * Revocation of recognition, QĐ 18/2022/QĐ-TTg (criteria-facts §7.3 [V:S16,S17]). A recognised xã is at risk when
 * <ul>
 * <li>≥ 50% of its criteria are below standard, or</li>
 * <li>30% to under 50% are below standard and one of them is a critical criterion (Thu nhập; Môi trường và an toàn
 * thực phẩm; Môi trường; Chất lượng môi trường sống; Quốc phòng và An ninh — flagged per set version).</li>
 * </ul>
 * A huyện is also at risk when ≥ 30% of its xã had their recognition revoked. A xã NTM is judged on the xã NTM set;
 * a xã NTM nâng cao or kiểu mẫu on the nâng cao set. Shares are compared exactly (6/19 = 31.6% is "30% to under 50%").
 */
public final class RevocationRule {

	public static final String LEGAL_BASIS = "QĐ 18/2022/QĐ-TTg ngày 02/08/2022 (thu hồi quyết định công nhận)";

	public enum Ground {
		/** ≥ 50% of the criteria below standard. */
		HALF_OR_MORE_BELOW_STANDARD,
		/** 30% to under 50% below standard, including a critical criterion. */
		THIRTY_PERCENT_WITH_CRITICAL,
		/** Huyện: ≥ 30% of its xã lost recognition. */
		COMMUNES_REVOKED
	}

	/**
	 * The outcome; {@code criticalBelowStandard} lists the critical criteria that are below standard (by number).
	 */
	public record Risk(boolean atRisk, List<Ground> grounds, int belowStandard, int total,
			List<Integer> criticalBelowStandard) {

		/** Vietnamese summary for a warning, citing the rule. */
		public String describe() {
			if (!atRisk) {
				return belowStandard + "/" + total + " tiêu chí không đạt chuẩn: chưa thuộc diện thu hồi theo "
						+ LEGAL_BASIS;
			}
			StringBuilder text = new StringBuilder("Có nguy cơ bị thu hồi công nhận (").append(LEGAL_BASIS).append("): ");
			if (grounds.contains(Ground.HALF_OR_MORE_BELOW_STANDARD)) {
				text.append(belowStandard).append("/").append(total).append(" tiêu chí không đạt chuẩn, từ 50% trở lên");
			}
			else if (grounds.contains(Ground.THIRTY_PERCENT_WITH_CRITICAL)) {
				text.append(belowStandard).append("/").append(total)
					.append(" tiêu chí không đạt chuẩn (từ 30% đến dưới 50%), trong đó có tiêu chí số ")
					.append(criticalBelowStandard.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
			}
			if (grounds.contains(Ground.COMMUNES_REVOKED)) {
				text.append(grounds.size() > 1 ? "; " : "").append("từ 30% số xã trở lên bị thu hồi công nhận");
			}
			return text.toString();
		}
	}

	private RevocationRule() {
	}

	/** The risk for a recognised xã, from its latest evaluation on the judging set. */
	public static Risk assess(Evaluation evaluation) {
		return assess(evaluation, 0, 0);
	}

	/** The risk for a recognised huyện: its own criteria plus the share of its xã whose recognition was revoked. */
	public static Risk assessDistrict(Evaluation evaluation, int communesRevoked, int communes) {
		return assess(evaluation, communesRevoked, communes);
	}

	private static Risk assess(Evaluation evaluation, int communesRevoked, int communes) {
		int total = evaluation.total();
		int below = evaluation.belowStandard();
		List<Integer> critical = evaluation.criteria().stream()
			.filter(c -> c.critical() && !c.achieved())
			.map(CriterionResult::number)
			.toList();
		List<Ground> grounds = new java.util.ArrayList<>();
		// Exact integer comparison: below/total ≥ 50%  ⇔  100·below ≥ 50·total.
		if (total > 0 && 100L * below >= 50L * total) {
			grounds.add(Ground.HALF_OR_MORE_BELOW_STANDARD);
		}
		else if (total > 0 && 100L * below >= 30L * total && !critical.isEmpty()) {
			grounds.add(Ground.THIRTY_PERCENT_WITH_CRITICAL);
		}
		if (communes > 0 && 100L * communesRevoked >= 30L * communes) {
			grounds.add(Ground.COMMUNES_REVOKED);
		}
		return new Risk(!grounds.isEmpty(), List.copyOf(grounds), below, total, critical);
	}

	/** The tier whose set judges a recognised xã: the NTM set for NTM, the nâng cao set for nâng cao and kiểu mẫu. */
	public static Tier judgingTier(Tier recognised) {
		return recognised == Tier.XA_NTM_KIEU_MAU ? Tier.XA_NTM_NANG_CAO : recognised;
	}
}
