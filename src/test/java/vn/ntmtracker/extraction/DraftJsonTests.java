package vn.ntmtracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ntmtracker.extraction.ExtractionDraft.DocType;
import vn.ntmtracker.extraction.ExtractionDraft.Directive;
import vn.ntmtracker.extraction.ExtractionDraft.Span;

class DraftJsonTests {

	@Test
	void writesNullsAndEmptyListsAndKeepsSpansAndTextOut() {
		ExtractionDraft draft = new ExtractionDraft(DocType.OTHER, null, LocalDate.of(2024, 3, 5), null, List.of(),
				List.of(), List.of(), null,
				List.of(new Directive("Rà soát", null, LocalDate.of(2024, 6, 30), "trước 30/6", null, new Span(3, 10))),
				List.of(), "normalised text");
		String json = DraftJson.write(draft).replaceAll("\\s+", "");
		assertThat(json).isEqualTo("{\"doc_type\":\"OTHER\",\"number\":null,\"date\":\"2024-03-05\",\"issuer\":null,"
				+ "\"subject_units\":[],\"criteria_status\":[],\"unmet_criteria\":[],\"target\":null,"
				+ "\"directives\":[{\"text\":\"Ràsoát\",\"assignee\":null,\"deadline\":\"2024-06-30\","
				+ "\"deadline_text\":\"trước30/6\",\"criterion\":null,\"assignees\":[],\"cooperating\":[],"
				+ "\"item_number\":null}],\"funding\":[],\"status_date\":null,\"signer\":null,\"recipients\":[]}");
	}

	@Test
	void anExpectationWithItsOwnNotesAndWithoutTheNewFieldsReads() {
		ExtractionDraft draft = DraftJson.read("""
				{"doc_type": "OTHER", "number": null, "date": null, "issuer": null, "subject_units": [],
				 "criteria_status": [], "unmet_criteria": [], "target": null, "funding": [],
				 "directives": [{"text": "x", "assignee": "Đảng ủy, UBND xã Kỳ Tân", "deadline": null,
				                 "deadline_text": null, "criterion": null}],
				 "source": {"url": "https://example.org"}, "notes": "a doubt"}
				""");
		assertThat(draft.directives().get(0).assignees()).containsExactly("Đảng ủy xã Kỳ Tân", "Ủy ban nhân dân xã Kỳ Tân");
		assertThat(draft.recipients()).isEmpty();
	}

	@Test
	void readsBackWhatItWrites() {
		ExtractionDraft draft = new ExtractionDraft(DocType.KE_HOACH, "1/KH-UBND", null, "Ủy ban nhân dân xã A",
				List.of("xã A"), List.of(), List.of(), new ExtractionDraft.Target(ExtractionDraft.Level.NTM, 2024),
				List.of(), List.of(new ExtractionDraft.Funding("Dân góp", 13_055_000_000L)), null);
		ExtractionDraft back = DraftJson.read(DraftJson.write(draft));
		assertThat(back.target()).isEqualTo(draft.target());
		assertThat(back.funding()).isEqualTo(draft.funding());
		assertThat(back.number()).isEqualTo("1/KH-UBND");
	}
}
