package vn.ntmtracker.directives;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.extraction.ExtractionDraft;
import vn.ntmtracker.units.SearchKey;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.UnitScopeProvider;
import vn.ntmtracker.units.Units;

/**
 * Turns a reviewed extraction draft into a registered document and its directives, in one transaction: a
 * person has checked every item first, and nothing is saved if any item is refused.
 */
@Service
class DocumentImport {

	private final DocumentRegister register;
	private final DirectiveDesk desk;
	private final Organisations organisations;
	private final Units units;
	private final UnitScopeProvider scopes;

	DocumentImport(DocumentRegister register, DirectiveDesk desk, Organisations organisations, Units units,
			UnitScopeProvider scopes) {
		this.register = register;
		this.desk = desk;
		this.organisations = organisations;
		this.units = units;
		this.scopes = scopes;
	}

	/** One reviewed directive: kept or dropped, with the fields as the reviewer left them. */
	record ReviewedDirective(boolean keep, String text, Long leadId, String deadline, String criterion) {
	}

	@Transactional
	Document save(DocumentForm form, List<ReviewedDirective> directives, String setCode) {
		Document document = register.register(form, List.of());
		// A draft often leaves the day blank ("ngày   tháng   năm 2024"): its directives count from the year's start.
		LocalDate assignedOn = form.issuedOn() != null ? form.issuedOn()
				: form.issuedYear() != null ? LocalDate.of(form.issuedYear(), 1, 1) : LocalDate.now();
		int row = 0;
		for (ReviewedDirective directive : directives) {
			row++;
			if (!directive.keep()) {
				continue;
			}
			if (directive.leadId() == null) {
				throw new DirectiveRuleException("import.error.lead", row);
			}
			desk.create(document.id(), new DirectiveForm(Directive.Kind.DIRECTIVE, Integer.toString(row), directive.text(),
					null, null, directive.leadId(), List.of(), null, form.unitCodes(),
					directive.criterion() == null || directive.criterion().isBlank() ? null : setCode,
					directive.criterion() == null || directive.criterion().isBlank() ? null : directive.criterion().trim(),
					assignedOn, directive.deadline(), false));
		}
		return document;
	}

	/** The organisation a body named in a document most likely is: the whole name, else its first listed body. */
	Optional<Organisation> matchOrganisation(String name, List<String> unitCodes, List<Organisation> all) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		List<String> candidates = new ArrayList<>();
		candidates.add(name);
		candidates.addAll(Arrays.stream(name.split("[,;]| và ")).map(String::trim).filter(s -> s.length() > 3).toList());
		Optional<Organisation> byWords = bestByWords(name, unitCodes, all);
		for (String candidate : candidates) {
			List<Organisation> direct = organisations.search(candidate);
			List<Organisation> found = !direct.isEmpty() ? direct
					: organisations.search(SearchKey.of(candidate).replaceAll("\\b(xa|huyen|tinh|thi tran)\\b.*$", "").trim());
			if (!found.isEmpty()) {
				return found.stream().filter(o -> unitCodes.contains(o.unitCode())).findFirst().or(() -> Optional.of(found.get(0)));
			}
		}
		return byWords;
	}

	/**
	 * Documents name bodies loosely ("Thường trực Ban Chỉ đạo huyện Cẩm Xuyên" for "Ban Chỉ đạo nông thôn mới
	 * huyện Cẩm Xuyên"): the organisation most of whose name words appear in the text, if at least half do.
	 */
	private static Optional<Organisation> bestByWords(String name, List<String> unitCodes, List<Organisation> all) {
		java.util.Set<String> words = new java.util.HashSet<>(Arrays.asList(SearchKey.of(name).split("[^a-z0-9]+")));
		Organisation best = null;
		double bestScore = 0.5;
		for (Organisation organisation : all) {
			String[] own = SearchKey.of(organisation.name()).split("[^a-z0-9]+");
			long shared = Arrays.stream(own).filter(words::contains).count();
			double score = own.length == 0 ? 0 : (double) shared / own.length + (unitCodes.contains(organisation.unitCode()) ? 0.01 : 0);
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
		var matcher = java.util.regex.Pattern.compile("năm\\s+(\\d{4})").matcher(draft.text() == null ? "" : draft.text());
		return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
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

	/** Unit codes for the unit names a document is about ("xã Cẩm Quang"), within the reviewer's jurisdiction. */
	List<String> matchUnits(List<String> names) {
		List<String> codes = new ArrayList<>();
		for (String name : names) {
			units.search(name, null, null, scopes.current(), 0, 1).content().stream().map(Unit::code).findFirst()
				.ifPresent(codes::add);
		}
		return codes;
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
}
