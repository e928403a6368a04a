package vn.ntmtracker.extraction;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the engine read from one document, before anyone reviewed it. Serialises to the JSON shape, the
 * fields of issue 18 after it (the date the stated status refers to, the signer, the distribution list); the
 * normalised text the spans point into is kept out of the JSON.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "doc_type", "number", "date", "issuer", "subject_units", "criteria_status", "unmet_criteria",
		"target", "directives", "funding", "status_date", "signer", "recipients" })
public record ExtractionDraft(@JsonProperty("doc_type") DocType docType, @JsonProperty("number") String number,
		@JsonProperty("date") @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd") LocalDate date,
		@JsonProperty("issuer") String issuer, @JsonProperty("subject_units") List<String> subjectUnits,
		@JsonProperty("criteria_status") List<CriteriaStatus> criteriaStatus,
		@JsonProperty("unmet_criteria") List<UnmetCriterion> unmetCriteria, @JsonProperty("target") Target target,
		@JsonProperty("directives") List<Directive> directives, @JsonProperty("funding") List<Funding> funding,
		@JsonProperty("status_date") @JsonFormat(shape = JsonFormat.Shape.STRING,
				pattern = "yyyy-MM-dd") LocalDate statusDate,
		@JsonProperty("signer") Signer signer, @JsonProperty("recipients") List<String> recipients,
		@JsonIgnore String text) {

	public ExtractionDraft {
		subjectUnits = subjectUnits == null ? List.of() : List.copyOf(subjectUnits);
		criteriaStatus = criteriaStatus == null ? List.of() : List.copyOf(criteriaStatus);
		unmetCriteria = unmetCriteria == null ? List.of() : List.copyOf(unmetCriteria);
		directives = directives == null ? List.of() : List.copyOf(directives);
		funding = funding == null ? List.of() : List.copyOf(funding);
		recipients = recipients == null ? List.of() : List.copyOf(recipients);
	}

	/** A draft without the header context of issue 18 (status date, signer, recipients). */
	public ExtractionDraft(DocType docType, String number, LocalDate date, String issuer, List<String> subjectUnits,
			List<CriteriaStatus> criteriaStatus, List<UnmetCriterion> unmetCriteria, Target target,
			List<Directive> directives, List<Funding> funding, String text) {
		this(docType, number, date, issuer, subjectUnits, criteriaStatus, unmetCriteria, target, directives, funding,
				null, null, null, text);
	}

	/**
	 * Who signed: the signing capacity ("T/M", "KT.", "T/L", "TM.") and the body it signs for, the signer's title and
	 * name as the signature block writes them; any part may be missing.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	@JsonPropertyOrder({ "capacity", "on_behalf_of", "title", "name" })
	public record Signer(@JsonProperty("capacity") String capacity, @JsonProperty("on_behalf_of") String onBehalfOf,
			@JsonProperty("title") String title, @JsonProperty("name") String name) {
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
	@JsonPropertyOrder({ "text", "assignee", "deadline", "deadline_text", "criterion", "assignees", "cooperating",
			"item_number" })
	public record Directive(@JsonProperty("text") String text, @JsonProperty("assignee") String assignee,
			@JsonProperty("deadline") @JsonFormat(shape = JsonFormat.Shape.STRING,
					pattern = "yyyy-MM-dd") LocalDate deadline,
			@JsonProperty("deadline_text") String deadlineText, @JsonProperty("criterion") Integer criterion,
			@JsonIgnore Span span, @JsonIgnore String request, @JsonProperty("assignees") List<String> assignees,
			@JsonProperty("cooperating") List<String> cooperating, @JsonProperty("item_number") String itemNumber) {

		/**
		 * {@code assignee} stays the lead as the document names it ("Đảng ủy, Ủy ban nhân dân xã Cẩm Quang");
		 * {@code assignees} holds each lead body of a joint lead, worked out from it when not given.
		 */
		public Directive {
			assignees = assignees != null ? List.copyOf(assignees) : BodyNames.leads(assignee);
			cooperating = cooperating == null ? List.of() : List.copyOf(cooperating);
		}

		public Directive(String text, String assignee, LocalDate deadline, String deadlineText, Integer criterion,
				Span span) {
			this(text, assignee, deadline, deadlineText, criterion, span, null);
		}

		public Directive(String text, String assignee, LocalDate deadline, String deadlineText, Integer criterion,
				Span span, String request) {
			this(text, assignee, deadline, deadlineText, criterion, span, request, null, null, null);
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
