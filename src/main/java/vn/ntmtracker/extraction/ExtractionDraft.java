package vn.ntmtracker.extraction;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the engine read from one document, before anyone reviewed it. Serialises to exactly the JSON shape;
 * the normalised text the spans point into is kept out of the JSON.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "doc_type", "number", "date", "issuer", "subject_units", "criteria_status", "unmet_criteria",
		"target", "directives", "funding" })
public record ExtractionDraft(@JsonProperty("doc_type") DocType docType, @JsonProperty("number") String number,
		@JsonProperty("date") @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd") LocalDate date,
		@JsonProperty("issuer") String issuer, @JsonProperty("subject_units") List<String> subjectUnits,
		@JsonProperty("criteria_status") List<CriteriaStatus> criteriaStatus,
		@JsonProperty("unmet_criteria") List<UnmetCriterion> unmetCriteria, @JsonProperty("target") Target target,
		@JsonProperty("directives") List<Directive> directives, @JsonProperty("funding") List<Funding> funding,
		@JsonIgnore String text) {

	public ExtractionDraft {
		subjectUnits = subjectUnits == null ? List.of() : List.copyOf(subjectUnits);
		criteriaStatus = criteriaStatus == null ? List.of() : List.copyOf(criteriaStatus);
		unmetCriteria = unmetCriteria == null ? List.of() : List.copyOf(unmetCriteria);
		directives = directives == null ? List.of() : List.copyOf(directives);
		funding = funding == null ? List.of() : List.copyOf(funding);
	}

	public enum DocType {
		THONG_BAO_KET_LUAN, KE_HOACH, NGHI_QUYET, BAO_CAO, QUYET_DINH, OTHER
	}

	public enum Level {
		NTM, NTM_NANG_CAO, NTM_KIEU_MAU, KDC_NTM_KIEU_MAU, THON_NTM
	}

	/** "16/19 tiêu chí" stated for one unit: achieved of total criteria of the set at that level. */
	@JsonPropertyOrder({ "unit", "achieved", "total", "level" })
	public record CriteriaStatus(@JsonProperty("unit") String unit, @JsonProperty("achieved") int achieved,
			@JsonProperty("total") int total, @JsonProperty("level") Level level) {
	}

	/** A criterion the document says is not (yet) met; {@code number} is null when only the name is given. */
	@JsonPropertyOrder({ "number", "name" })
	public record UnmetCriterion(@JsonProperty("number") Integer number, @JsonProperty("name") String name) {
	}

	@JsonPropertyOrder({ "level", "year" })
	public record Target(@JsonProperty("level") Level level, @JsonProperty("year") int year) {
	}

	/**
	 * One instruction with its lead body and deadline. {@code span} is where it sits in the normalised text, for
	 * highlighting; {@code request} is the request (kiến nghị) the instruction answers ("Đề nghị bổ sung 02 công
	 * chức"), null for a plain directive. Neither is part of the JSON.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	@JsonPropertyOrder({ "text", "assignee", "deadline", "deadline_text", "criterion" })
	public record Directive(@JsonProperty("text") String text, @JsonProperty("assignee") String assignee,
			@JsonProperty("deadline") @JsonFormat(shape = JsonFormat.Shape.STRING,
					pattern = "yyyy-MM-dd") LocalDate deadline,
			@JsonProperty("deadline_text") String deadlineText, @JsonProperty("criterion") Integer criterion,
			@JsonIgnore Span span, @JsonIgnore String request) {

		public Directive(String text, String assignee, LocalDate deadline, String deadlineText, Integer criterion,
				Span span) {
			this(text, assignee, deadline, deadlineText, criterion, span, null);
		}

		/** What is asked of the assignee: for a request, the answer after "Đề nghị …:", else the whole text. */
		@JsonIgnore
		public String handling() {
			if (request == null || !text.startsWith(request)) {
				return text;
			}
			String rest = text.substring(request.length()).replaceFirst("^\\s*:\\s*", "").strip();
			return rest.isEmpty() ? text : rest;
		}
	}

	@JsonPropertyOrder({ "source", "amount_vnd" })
	public record Funding(@JsonProperty("source") String source, @JsonProperty("amount_vnd") long amountVnd) {
	}

	/** Character range [start, end) in {@link ExtractionDraft#text()}. */
	public record Span(int start, int end) {
	}
}
