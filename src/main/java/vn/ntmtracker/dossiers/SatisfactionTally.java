package vn.ntmtracker.dossiers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The satisfaction survey counted (recognition-and-formats §5): for each item (one per criterion) and overall, the
 * rate is satisfied ballots over returned ballots, per village and for the whole unit; participation is returned
 * ballots over the households given one. Thresholds come from the procedure template and are compared exactly
 * (79,95 % is below 80 %); the percentages shown are rounded to one decimal. A pure function.
 */
final class SatisfactionTally {

	/** An item of the ballot: a criterion of the dossier's set. */
	record Item(int number, String name) {
	}

	/** One household's ballot: answers in the items' order (Y satisfied, N not) and the overall answer. */
	record Ballot(String village, String answers, boolean overall) {
	}

	record Rate(int satisfied, int returned) {

		/** Rounded to one decimal for showing; null without ballots. */
		public BigDecimal percent() {
			return returned == 0 ? null
					: BigDecimal.valueOf(satisfied * 100L).divide(BigDecimal.valueOf(returned), 1, RoundingMode.HALF_UP);
		}

		/** satisfied / returned ≥ threshold %, exactly: 100·satisfied ≥ threshold·returned. */
		public boolean reaches(BigDecimal threshold) {
			return returned > 0
					&& BigDecimal.valueOf(satisfied * 100L).compareTo(threshold.multiply(BigDecimal.valueOf(returned))) >= 0;
		}
	}

	record ItemRate(Item item, Rate rate, boolean below) {
	}

	record VillageResult(String code, String name, Integer households, int returned, Rate overall, List<Rate> items,
			BigDecimal participation) {
	}

	/** Why the survey does not meet the template's thresholds, as a message key and its arguments. */
	record Shortfall(String key, List<Object> arguments) {
	}

	record Result(List<ItemRate> items, Rate overall, int returned, Integer households, BigDecimal participation,
			List<VillageResult> villages, Procedure.Satisfaction thresholds, List<Shortfall> shortfalls) {

		public boolean met() {
			return returned > 0 && shortfalls.isEmpty();
		}

		/** The item with the lowest rate, for a one-line summary. */
		public ItemRate lowest() {
			return items.stream().filter(i -> i.rate().returned() > 0)
				.min(java.util.Comparator.comparing((ItemRate i) -> (double) i.rate().satisfied() / i.rate().returned())).orElse(null);
		}
	}

	private SatisfactionTally() {
	}

	static Result tally(List<Item> items, List<Ballot> ballots, Map<String, String> villages, Map<String, Integer> households,
			Procedure.Satisfaction thresholds) {
		int[] satisfied = new int[items.size()];
		int overall = 0;
		Map<String, List<Ballot>> byVillage = new LinkedHashMap<>();
		villages.keySet().forEach(code -> byVillage.put(code, new ArrayList<>()));
		for (Ballot ballot : ballots) {
			byVillage.computeIfAbsent(ballot.village(), k -> new ArrayList<>()).add(ballot);
			for (int i = 0; i < items.size() && i < ballot.answers().length(); i++) {
				if (ballot.answers().charAt(i) == 'Y') {
					satisfied[i]++;
				}
			}
			if (ballot.overall()) {
				overall++;
			}
		}
		int returned = ballots.size();
		List<ItemRate> itemRates = new ArrayList<>();
		BigDecimal perItem = thresholds == null ? null : thresholds.perItemAtLeast();
		for (int i = 0; i < items.size(); i++) {
			Rate rate = new Rate(satisfied[i], returned);
			itemRates.add(new ItemRate(items.get(i), rate, perItem != null && returned > 0 && !rate.reaches(perItem)));
		}
		Rate overallRate = new Rate(overall, returned);
		List<VillageResult> villageResults = new ArrayList<>();
		int householdsTotal = 0;
		boolean householdsKnown = true;
		List<String> missingHouseholds = new ArrayList<>();
		for (var entry : byVillage.entrySet()) {
			List<Ballot> own = entry.getValue();
			Integer given = households.get(entry.getKey());
			if (given != null) {
				householdsTotal += given;
			}
			else if (!own.isEmpty()) {
				householdsKnown = false;
				missingHouseholds.add(villages.getOrDefault(entry.getKey(), entry.getKey()));
			}
			List<Rate> rates = new ArrayList<>();
			for (int i = 0; i < items.size(); i++) {
				int index = i;
				rates.add(new Rate((int) own.stream().filter(b -> index < b.answers().length() && b.answers().charAt(index) == 'Y').count(),
						own.size()));
			}
			villageResults.add(new VillageResult(entry.getKey(), villages.getOrDefault(entry.getKey(), entry.getKey()), given, own.size(),
					new Rate((int) own.stream().filter(Ballot::overall).count(), own.size()), rates, share(own.size(), given)));
		}
		Integer householdsShown = householdsKnown && householdsTotal > 0 ? householdsTotal : null;
		BigDecimal participation = share(returned, householdsShown);
		List<Shortfall> shortfalls = new ArrayList<>();
		if (returned == 0) {
			shortfalls.add(new Shortfall("dossier.survey.noBallots", List.of()));
		}
		else if (thresholds != null) {
			if (thresholds.overallAtLeast() != null && !overallRate.reaches(thresholds.overallAtLeast())) {
				shortfalls.add(new Shortfall("dossier.survey.overallBelow", List.of(overallRate.percent(), thresholds.overallAtLeast(),
						overallRate.satisfied(), returned)));
			}
			for (ItemRate item : itemRates) {
				if (item.below()) {
					shortfalls.add(new Shortfall("dossier.survey.itemBelow", List.of(item.item().number(), item.item().name(),
							item.rate().percent(), perItem)));
				}
			}
			if (thresholds.minParticipation() != null) {
				if (!householdsKnown || householdsShown == null) {
					shortfalls.add(new Shortfall("dossier.survey.householdsMissing",
							List.of(missingHouseholds.isEmpty() ? "" : " (" + String.join(", ", missingHouseholds) + ")")));
				}
				else if (!new Rate(returned, householdsShown).reaches(thresholds.minParticipation())) {
					shortfalls.add(new Shortfall("dossier.survey.participationBelow", List.of(participation,
							thresholds.minParticipation(), returned, householdsShown)));
				}
			}
		}
		return new Result(itemRates, overallRate, returned, householdsShown, participation, villageResults, thresholds, shortfalls);
	}

	private static BigDecimal share(int returned, Integer households) {
		return households == null || households == 0 ? null
				: BigDecimal.valueOf(returned * 100L).divide(BigDecimal.valueOf(households), 1, RoundingMode.HALF_UP);
	}
}
