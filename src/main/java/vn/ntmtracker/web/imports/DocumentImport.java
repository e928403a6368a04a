package vn.ntmtracker.web.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.assessment.StatedStatuses;
import vn.ntmtracker.directives.DirectiveForm;
import vn.ntmtracker.directives.Directive;
import vn.ntmtracker.directives.Document;
import vn.ntmtracker.directives.DocumentForm;
import vn.ntmtracker.directives.DocumentIntake;
import vn.ntmtracker.directives.Organisation;
import vn.ntmtracker.extraction.ExtractionDraft;
import vn.ntmtracker.units.SearchKey;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.UnitScopeProvider;
import vn.ntmtracker.units.Units;

/**
 * Turns a reviewed extraction draft into records, in one transaction: the document with its original file, its
 * directives and requests (documents register), and each criteria status the reviewer kept as a note in the unit's
 * assessment history. A person has checked every item first; if any item is refused nothing is saved.
 */
@Service
class DocumentImport {

	private static final Pattern DAY = Pattern.compile("[Nn]gày\\s+(\\d{1,2})/(\\d{1,2})/(\\d{4})");

	private static final Pattern YEAR_LINE = Pattern.compile("năm\\s+(\\d{4})");

	private final DocumentIntake intake;
	private final StatedStatuses stated;
	private final Units units;
	private final UnitScopeProvider scopes;

	private final Clock clock;

	DocumentImport(DocumentIntake intake, StatedStatuses stated, Units units, UnitScopeProvider scopes, Clock clock) {
		this.clock = clock;
		this.intake = intake;
		this.stated = stated;
		this.units = units;
		this.scopes = scopes;
	}

	/** One reviewed directive or request: kept or dropped, with the fields as the reviewer left them. */
	record ReviewedDirective(boolean keep, boolean request, String requestText, String text, Long leadId,
			String deadline, String criterion) {
	}

	/** One criteria status the document states, as the reviewer left it; kept ones become history notes. */
	record ReviewedStatus(boolean keep, String unitCode, LocalDate statedOn, StatedStatuses.Level level, Integer achieved,
			Integer total) {
	}

	/**
	 * The file as uploaded, kept between reading and saving so that the saved document carries its original;
	 * {@code token} ties it to the review form it was read for.
	 */
	record UploadedFile(String token, String name, byte[] content) implements java.io.Serializable {
	}

	/** Why the import was refused, in the user's language; nothing was saved. */
	static class ImportRefusedException extends RuntimeException {

		final String key;
		final Object[] arguments;

		ImportRefusedException(String key, Object... arguments) {
			super(key);
			this.key = key;
			this.arguments = arguments;
		}
	}

	@Transactional
	Document save(DocumentForm form, UploadedFile file, List<ReviewedDirective> directives,
			List<ReviewedStatus> statuses, String setCode) {
		// A draft often leaves the day blank ("ngày   tháng   năm 2024"): its directives count from the year's start.
		LocalDate assignedOn = form.issuedOn() != null ? form.issuedOn()
				: form.issuedYear() != null ? LocalDate.of(form.issuedYear(), 1, 1) : LocalDate.now(clock);
		String raisedBy = form.unitCodes().isEmpty() ? null : form.unitCodes().get(0);
		List<DirectiveForm> items = new ArrayList<>();
		int row = 0;
		for (ReviewedDirective directive : directives) {
			row++;
			if (!directive.keep()) {
				continue;
			}
			if (directive.leadId() == null) {
				throw new ImportRefusedException("import.error.lead", row);
			}
			boolean request = directive.request();
			if (request && raisedBy == null) {
				throw new ImportRefusedException("import.error.requestUnit", row);
			}
			String criterion = blankToNull(directive.criterion());
			items.add(new DirectiveForm(request ? Directive.Kind.REQUEST : Directive.Kind.DIRECTIVE, Integer.toString(row),
					directive.text(), request ? blankToNull(directive.requestText()) : null, request ? raisedBy : null,
					directive.leadId(), List.of(), null, form.unitCodes(), criterion == null ? null : setCode, criterion,
					assignedOn, directive.deadline(), false));
		}
		Document document = intake.register(form, file == null ? null : file.name(), file == null ? null : file.content(),
				items);
		row = 0;
		for (ReviewedStatus status : statuses) {
			row++;
			if (!status.keep()) {
				continue;
			}
			if (status.unitCode() == null || status.level() == null || status.achieved() == null || status.total() == null) {
				throw new ImportRefusedException("import.error.status", row);
			}
			if (status.statedOn() == null) {
				throw new ImportRefusedException("import.error.statusDate", row);
			}
			try {
				stated.note(status.unitCode(), status.statedOn(), status.level(), status.achieved(), status.total(), setCode,
						sourceOf(document), "/documents/" + document.id());
			}
			catch (AccessDeniedException ex) {
				throw new ImportRefusedException("import.error.statusAccess", row, status.unitCode());
			}
			catch (vn.ntmtracker.units.UnitNotFoundException ex) {
				throw new ImportRefusedException("import.error.statusUnit", row, status.unitCode());
			}
		}
		return document;
	}

	private static String sourceOf(Document document) {
		return (document.number() == null ? "" : document.number() + " ") + "ngày " + document.dateText()
				+ (document.issuerName() == null ? "" : " — " + document.issuerName());
	}

	/**
	 * The organisation a body named in a document most likely is: one found by its whole name, else the one most of
	 * whose name words the text uses, else one found by the first body listed ("Phòng Nội vụ, Phòng Tài chính").
	 */
	Optional<Organisation> matchOrganisation(String name, List<String> unitCodes, List<Organisation> all) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		Optional<Organisation> whole = preferLocal(intake.searchOrganisations(name), unitCodes);
		if (whole.isPresent()) {
			return whole;
		}
		Optional<Organisation> byWords = bestByWords(name, unitCodes, all);
		if (byWords.isPresent()) {
			return byWords;
		}
		List<String> parts = Arrays.stream(name.split("[,;]| và ")).map(String::trim).filter(s -> s.length() > 3).toList();
		for (String part : parts) {
			List<Organisation> direct = intake.searchOrganisations(part);
			Optional<Organisation> found = preferLocal(!direct.isEmpty() ? direct : intake.searchOrganisations(
					SearchKey.of(part).replaceAll("\\b(xa|huyen|tinh|thi tran)\\b.*$", "").trim()), unitCodes);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/** Of several organisations with a matching name, the one attached to a unit the document is about. */
	private static Optional<Organisation> preferLocal(List<Organisation> found, List<String> unitCodes) {
		return found.stream().filter(o -> unitCodes.contains(o.unitCode())).findFirst().or(() -> found.stream().findFirst());
	}

	/**
	 * Documents name bodies loosely ("Thường trực Ban Chỉ đạo huyện Cẩm Xuyên" for "Ban Chỉ đạo nông thôn mới
	 * huyện Cẩm Xuyên"): the organisation whose name shares most words with the text (Dice coefficient, at least
	 * one half), so that a short name sharing only the place ("UBND huyện Cẩm Xuyên") does not win.
	 */
	private static Optional<Organisation> bestByWords(String name, List<String> unitCodes, List<Organisation> all) {
		Set<String> words = new HashSet<>(Arrays.asList(SearchKey.of(name).split("[^a-z0-9]+")));
		words.remove("");
		Organisation best = null;
		double bestScore = 0.5;
		for (Organisation organisation : all) {
			Set<String> own = new HashSet<>(Arrays.asList(SearchKey.of(organisation.name()).split("[^a-z0-9]+")));
			own.remove("");
			long shared = own.stream().filter(words::contains).count();
			double score = own.isEmpty() ? 0 : 2.0 * shared / (own.size() + words.size())
					+ (unitCodes.contains(organisation.unitCode()) ? 0.01 : 0);
			if (score > bestScore) {
				bestScore = score;
				best = organisation;
			}
		}
		return Optional.ofNullable(best);
	}

	/** The year in the date line ("ngày   tháng   năm 2024"), for drafts whose day is blank. */
	static Integer yearOf(ExtractionDraft draft) {
		if (draft.date() != null) {
			return draft.date().getYear();
		}
		Matcher matcher = YEAR_LINE.matcher(draft.text() == null ? "" : draft.text());
		return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
	}

	/**
	 * The date a stated status holds on: the document's date, else — for a draft whose day is blank — the first date
	 * its text gives ("Ngày 12/3/2024, Thường trực Ban Chỉ đạo huyện tổ chức làm việc …"), else none.
	 */
	static LocalDate statedOn(ExtractionDraft draft) {
		if (draft.date() != null) {
			return draft.date();
		}
		Matcher day = DAY.matcher(draft.text() == null ? "" : draft.text());
		while (day.find()) {
			try {
				return LocalDate.of(Integer.parseInt(day.group(3)), Integer.parseInt(day.group(2)), Integer.parseInt(day.group(1)));
			}
			catch (java.time.DateTimeException ex) {
				// "ngày 31/2/2024" is a typo, not a date: try the next one.
			}
		}
		return null;
	}

	/** The subject (trích yếu): the lines under the document-type heading, up to the first blank line. */
	static String subjectOf(ExtractionDraft draft, String fallback) {
		String text = draft.text() == null ? "" : draft.text();
		String[] lines = text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String key = SearchKey.of(lines[i]);
			if (key.matches("(thong bao|ke hoach|nghi quyet|quyet dinh|bao cao|cong van|to trinh)( .*)?") && key.length() < 40) {
				StringBuilder subject = new StringBuilder(lines[i].trim().length() > 12 ? lines[i].trim() : "");
				for (int j = i + 1; j < lines.length && j < i + 5 && !lines[j].isBlank(); j++) {
					subject.append(subject.length() > 0 ? " " : "").append(lines[j].trim().replace("*", ""));
				}
				if (subject.length() > 0) {
					String result = subject.toString();
					return result.length() > 300 ? result.substring(0, 300) : result;
				}
			}
		}
		return fallback;
	}

	/** The unit code for a unit name a document gives ("xã Cẩm Quang"), within the reviewer's jurisdiction. */
	Optional<String> matchUnit(String name) {
		return units.search(name, null, null, scopes.current(), 0, 1).content().stream().map(Unit::code).findFirst();
	}

	/** Unit codes for the unit names a document is about, within the reviewer's jurisdiction. */
	List<String> matchUnits(List<String> names) {
		return names.stream().map(this::matchUnit).flatMap(Optional::stream).distinct().toList();
	}

	static ExtractionDraft.DocType docType(ExtractionDraft draft) {
		return draft.docType() == null ? ExtractionDraft.DocType.OTHER : draft.docType();
	}

	static Document.Kind kindOf(ExtractionDraft.DocType type) {
		return switch (type) {
			case THONG_BAO_KET_LUAN -> Document.Kind.CONCLUSION_NOTICE;
			case KE_HOACH -> Document.Kind.PLAN;
			case NGHI_QUYET -> Document.Kind.RESOLUTION;
			case QUYET_DINH -> Document.Kind.DECISION;
			case BAO_CAO -> Document.Kind.REPORT;
			default -> Document.Kind.OTHER;
		};
	}

	static StatedStatuses.Level levelOf(ExtractionDraft.Level level) {
		return level == null ? StatedStatuses.Level.NTM : StatedStatuses.Level.valueOf(level.name());
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
