package vn.ntmtracker.units;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitCsvImportTests {

	static final String HEADER = "code,name,kind,parent_code,valid_from,valid_to\n";
	static final Map<String, UnitCsvImport.KnownUnit> KNOWN = Map.of("42",
			new UnitCsvImport.KnownUnit("42", UnitKind.TINH, LocalDate.of(2000, 1, 1), null));

	static UnitCsvImport.Result read(String csv) throws IOException {
		return UnitCsvImport.read(new StringReader(csv), KNOWN::get);
	}

	@Test
	void readsPeriodsOfOneUnitAcrossTheReform() throws IOException {
		var result = read(HEADER + """
				D1,Cẩm Xuyên,huyện,42,2000-01-01,2025-06-30
				C1,Cẩm Quang,xã,D1,1/1/2000,30/6/2025
				C1,Cẩm Quang,xã,42,2025-07-01,
				V1,Thôn 1,thôn,C1,2000-01-01,
				""");
		assertThat(result.errors()).isEmpty();
		assertThat(result.rows()).hasSize(4);
		assertThat(result.rows().get(2).parentCode()).isEqualTo("42");
		assertThat(result.rows().get(2).validTo()).isNull();
	}

	@Test
	void namesRowAndFieldOfEveryMalformedValue() throws IOException {
		var result = read(HEADER + """
				,Không mã,xã,42,2000-01-01,
				C2,,xã,42,2000-01-01,
				C3,Cẩm Ba,làng,42,2000-01-01,
				C4,Cẩm Bốn,xã,42,31/02/2020,
				C5,Cẩm Năm,xã,42,2020-01-01,2019-01-01
				""");
		assertThat(result.ok()).isFalse();
		assertThat(result.rows()).isEmpty();
		assertThat(result.errors()).extracting(ImportError::row, ImportError::field)
			.contains(org.assertj.core.groups.Tuple.tuple(2, "code"), org.assertj.core.groups.Tuple.tuple(3, "name"),
					org.assertj.core.groups.Tuple.tuple(4, "kind"), org.assertj.core.groups.Tuple.tuple(5, "valid_from"),
					org.assertj.core.groups.Tuple.tuple(6, "valid_to"));
		assertThat(result.errors().get(0).message()).contains("Thiếu mã");
	}

	@Test
	void rejectsUnknownParentCode() throws IOException {
		var result = read(HEADER + "C1,Cẩm Quang,xã,HT-NOWHERE,2000-01-01,\n");
		assertThat(result.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(2);
			assertThat(error.field()).isEqualTo("parent_code");
			assertThat(error.message()).contains("HT-NOWHERE");
		});
	}

	@Test
	void rejectsOverlappingPeriodsOfOneCode() throws IOException {
		var result = read(HEADER + """
				C1,Cẩm Quang,xã,42,2000-01-01,2020-12-31
				C1,Cẩm Quang mới,xã,42,2020-06-01,
				""");
		assertThat(result.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(3);
			assertThat(error.message()).contains("trùng với dòng 2");
		});
	}

	@Test
	void rejectsCommuneUnderDistrictAfterTheReformAndOpenEndedDistricts() throws IOException {
		var result = read(HEADER + """
				D1,Cẩm Xuyên,huyện,42,2000-01-01,
				D2,Thạch Hà,huyện,42,2000-01-01,2025-06-30
				C1,Cẩm Quang,xã,D2,2000-01-01,
				""");
		assertThat(result.errors()).extracting(ImportError::row).containsExactly(2, 4);
		assertThat(result.errors().get(0).message()).contains("30/06/2025");
		assertThat(result.errors().get(1).message()).contains("sau 30/06/2025");
	}

	@Test
	void rejectsParentThatDoesNotCoverThePeriod() throws IOException {
		var result = read(HEADER + """
				C1,Cẩm Quang,xã,42,2000-01-01,2010-12-31
				V1,Thôn 1,thôn,C1,2000-01-01,
				""");
		assertThat(result.errors()).singleElement().satisfies(error -> assertThat(error.message()).contains("không có hiệu lực suốt"));
	}

	@Test
	void reportsCyclesAndSelfParents() throws IOException {
		var result = read(HEADER + """
				A,Xã A,xã,B,2000-01-01,
				B,Xã B,xã,A,2000-01-01,
				S,Xã S,xã,S,2000-01-01,
				""");
		assertThat(result.errors()).extracting(ImportError::message)
			.anyMatch(message -> message.contains("Vòng lặp"))
			.anyMatch(message -> message.contains("chính nó"));
	}

	@Test
	void rejectsCodesAlreadyInTheSystemAndMissingColumns() throws IOException {
		assertThat(read(HEADER + "42,Hà Tĩnh,tỉnh,,2000-01-01,\n").errors()).singleElement()
			.satisfies(error -> assertThat(error.message()).contains("đã có"));
		assertThat(read("code,name\nX,Y\n").errors()).extracting(ImportError::field)
			.contains("kind", "parent_code", "valid_from", "valid_to");
	}

	@Test
	void acceptsSemicolonsQuotesBomAndCrLf() throws IOException {
		var result = read("\uFEFFcode;name;kind;parent_code;valid_from;valid_to\r\nC1;\"Cẩm \"\"Quang\"\"; mới\";xã;42;2000-01-01;\r\n");
		assertThat(result.errors()).isEmpty();
		assertThat(result.rows().get(0).name()).isEqualTo("Cẩm \"Quang\"; mới");
	}

	@Test
	void rejectsBinaryAndEmptyFiles() throws IOException {
		assertThat(read("\u0000\u0001PK").errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("nhị phân"));
		assertThat(read("").errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("trống"));
		assertThat(read(HEADER).errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("không có dòng"));
	}
}
