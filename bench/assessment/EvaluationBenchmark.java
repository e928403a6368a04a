package vn.ntmtracker.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import vn.ntmtracker.assessment.Evaluation;
import vn.ntmtracker.assessment.EvaluationEngine;
import vn.ntmtracker.assessment.IndicatorValue;
import vn.ntmtracker.criteria.CriteriaSetDefinition;
import vn.ntmtracker.criteria.CriteriaSetFiles;
import vn.ntmtracker.criteria.Criterion;
import vn.ntmtracker.criteria.Indicator;
import vn.ntmtracker.criteria.Region;
import vn.ntmtracker.criteria.UnitClassification;

/**
 * Issue 4 performance target: evaluating 10,000 units × 57 indicators (QD318-2022-XA-NTM) in memory "well under a
 * second". One operation = all 10,000 units, each with its own region (ĐBKK/ATK included) and value map, through the
 * public engine API (plan cache lookup included).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluationBenchmark {

	private static final int UNITS = 10_000;

	private EvaluationEngine engine;

	private CriteriaSetDefinition set;

	private List<UnitClassification> units;

	private List<Map<String, IndicatorValue>> values;

	@Setup
	public void setUp() {
		set = CriteriaSetFiles.loadAll().stream()
			.map(CriteriaSetFiles.LoadedSet::definition)
			.filter(s -> s.code().equals("QD318-2022-XA-NTM"))
			.findFirst()
			.orElseThrow();
		if (set.indicatorCount() != 57) {
			throw new IllegalStateException("expected 57 indicators, got " + set.indicatorCount());
		}
		engine = new EvaluationEngine();
		Random random = new Random(42);
		units = new ArrayList<>(UNITS);
		values = new ArrayList<>(UNITS);
		for (int u = 0; u < UNITS; u++) {
			units.add(new UnitClassification(Region.values()[random.nextInt(7)], null, random.nextInt(10) == 0,
					random.nextInt(20) == 0));
			Map<String, IndicatorValue> unitValues = new HashMap<>();
			for (Criterion criterion : set.criteria()) {
				for (Indicator indicator : criterion.indicators()) {
					unitValues.put(indicator.code(), value(indicator, random));
				}
			}
			values.add(unitValues);
		}
	}

	private static IndicatorValue value(Indicator indicator, Random random) {
		return switch (indicator.kind()) {
			case BOOLEAN -> new IndicatorValue.YesNo(random.nextInt(10) > 0);
			case PERCENT_AT_LEAST, PERCENT_AT_MOST -> new IndicatorValue.Percent(BigDecimal.valueOf(random.nextInt(1001), 1));
			case AMOUNT_AT_LEAST, AREA_PER_PERSON_AT_LEAST -> new IndicatorValue.Amount(BigDecimal.valueOf(random.nextInt(100)));
			case COUNT_MUST_BE_ZERO -> new IndicatorValue.Count(random.nextInt(3));
			case TEXT_EVIDENCE -> new IndicatorValue.Evidence("biên bản", random.nextBoolean());
		};
	}

	@Benchmark
	public long evaluateTenThousandUnits() {
		long achieved = 0;
		for (int u = 0; u < UNITS; u++) {
			Evaluation evaluation = engine.evaluate(set, units.get(u), 2024, values.get(u));
			achieved += evaluation.achieved();
		}
		return achieved;
	}

	/**
	 * The same 10,000 evaluations over the first 100 units only (their values stay in the CPU caches): the difference
	 * to {@link #evaluateTenThousandUnits} is the cost of reading 10,000 units' value maps from memory.
	 */
	@Benchmark
	public long evaluateOneHundredUnitsOneHundredTimes() {
		long achieved = 0;
		for (int u = 0; u < UNITS; u++) {
			Evaluation evaluation = engine.evaluate(set, units.get(u % 100), 2024, values.get(u % 100));
			achieved += evaluation.achieved();
		}
		return achieved;
	}
}
