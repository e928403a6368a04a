package vn.ntmtracker;

import java.time.Clock;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One clock: no main code reads the wall clock except the {@link TimeConfiguration} bean, so that answers about a
 * date never depend on the day the code runs (ARCHITECTURE.md, principle 8).
 */
class ClockRuleTests {

	private static final Set<String> TIME_TYPES = Set.of("java.time.LocalDate", "java.time.LocalDateTime",
			"java.time.LocalTime", "java.time.Instant", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
			"java.time.OffsetTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

	/** {@code X.now()} or {@code X.now(ZoneId)} of a java.time type; {@code X.now(Clock)} is the allowed form. */
	static final DescribedPredicate<JavaCall<?>> READS_THE_WALL_CLOCK = new DescribedPredicate<>("reads the wall clock") {
		@Override
		public boolean test(JavaCall<?> call) {
			String owner = call.getTargetOwner().getName();
			String name = call.getName();
			var parameters = call.getTarget().getRawParameterTypes();
			if (TIME_TYPES.contains(owner) && name.equals("now")) {
				return parameters.stream().noneMatch(type -> type.isEquivalentTo(Clock.class));
			}
			if (owner.equals("java.lang.System") && name.equals("currentTimeMillis")) {
				return true;
			}
			if (owner.equals("java.time.Clock") && name.startsWith("system")) {
				return true;
			}
			return (owner.equals("java.util.Date") || owner.equals("java.util.GregorianCalendar")) && name.equals("<init>")
					&& parameters.isEmpty() || owner.equals("java.util.Calendar") && name.equals("getInstance");
		}
	};

	static final ArchRule ONE_CLOCK = noClasses().that().doNotHaveFullyQualifiedName(TimeConfiguration.class.getName())
		.should().callCodeUnitWhere(READS_THE_WALL_CLOCK)
		.because("every 'today' and 'now' comes from the injected java.time.Clock (TimeConfiguration)");

	@Test
	void mainCodeReadsTimeOnlyFromTheInjectedClock() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("vn.ntmtracker");
		assertThat(main.size()).as("main classes imported").isGreaterThan(100);
		ONE_CLOCK.check(main);
	}

	@Test
	void theRuleCatchesAPlantedWallClockRead() {
		JavaClasses planted = new ClassFileImporter().importPackages("fixtures.clock");
		EvaluationResult result = ONE_CLOCK.evaluate(planted);
		assertThat(result.hasViolation()).isTrue();
		String report = String.join("\n", result.getFailureReport().getDetails());
		assertThat(report).contains("PlantedClockRead.today()").contains("LocalDate.now()")
			.contains("ZonedDateTime.now(java.time.ZoneId)").contains("System.currentTimeMillis()")
			.contains("Instant.now()").contains("java.util.Date.<init>()")
			.doesNotContain("ClockInjected");
	}
}
