package vn.ntmtracker.assessment;

/** Where the assessment template puts its header and values, for tests of other modules that fill one. */
public final class TestWorkbooks {

	private TestWorkbooks() {
	}

	public static int headerRow() {
		return AssessmentWorkbook.HEADER_ROW;
	}

	public static int firstValueColumn() {
		return AssessmentWorkbook.FIRST_VALUE_COLUMN;
	}
}
