package vn.ntmtracker.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import writes its values straight into COPY text; each line must hold what {@link Rounds#row} stores for the
 * same value (type, yes/no, number, text; an empty field is NULL, a quoted one is text), quotes doubled.
 */
class ImportCopyRowsTests {

	@Test
	void eachKindOfValueIsWrittenAsTheRoundsStoreIt() {
		Map<IndicatorValue, String> expected = new java.util.LinkedHashMap<>();
		expected.put(IndicatorValue.yes(), "7,\"1.1\",YES_NO,true,,,\"an \"\"o\"\"\"");
		expected.put(IndicatorValue.no(), "7,\"1.1\",YES_NO,false,,,\"an \"\"o\"\"\"");
		expected.put(new IndicatorValue.Percent(new BigDecimal("85.50")), "7,\"1.1\",PERCENT,,85.50,,\"an \"\"o\"\"\"");
		expected.put(new IndicatorValue.Amount(new BigDecimal("1E+3")), "7,\"1.1\",AMOUNT,,1E+3,,\"an \"\"o\"\"\"");
		expected.put(new IndicatorValue.Count(0), "7,\"1.1\",COUNT,,0,,\"an \"\"o\"\"\"");
		expected.put(new IndicatorValue.Evidence("Biên bản \"số 3\", ngày 2/3", true),
				"7,\"1.1\",EVIDENCE,true,,\"Biên bản \"\"số 3\"\", ngày 2/3\",\"an \"\"o\"\"\"");
		expected.put(IndicatorValue.NOT_APPLICABLE, "7,\"1.1\",NOT_APPLICABLE,,,,\"an \"\"o\"\"\"");
		expected.forEach((value, line) -> {
			StringBuilder out = new StringBuilder();
			AssessmentImport.valueCsv(out, "7", "1.1", value, "an \"o\"");
			assertThat(out.toString()).as(value.describe()).isEqualTo(line + "\n");
			// the same fields as the row the rounds write one by one
			Map<String, Object> row = Rounds.row(7, "1.1", value, null, "an \"o\"").getValues();
			List<String> fields = List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"));
			assertThat(fields.get(2)).isEqualTo(row.get("type"));
			assertThat(fields.get(3)).isEqualTo(row.get("bool") == null ? "" : row.get("bool").toString());
			assertThat(fields.get(4)).isEqualTo(row.get("num") == null ? "" : row.get("num").toString());
			assertThat(fields.get(5).isEmpty()).isEqualTo(row.get("text") == null);
		});
	}
}
