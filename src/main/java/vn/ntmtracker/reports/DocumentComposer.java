package vn.ntmtracker.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.ntmtracker.reports.OfficialDocument.Block;
import vn.ntmtracker.reports.OfficialDocument.Closing;
import vn.ntmtracker.reports.OfficialDocument.Header;
import vn.ntmtracker.reports.OfficialDocument.Heading;
import vn.ntmtracker.reports.OfficialDocument.Signature;
import vn.ntmtracker.reports.ReportTemplate.Condition;
import vn.ntmtracker.reports.ReportTemplate.DataSection;
import vn.ntmtracker.reports.ReportTemplate.FreeSection;
import vn.ntmtracker.reports.ReportTemplate.HeadingSection;
import vn.ntmtracker.reports.ReportTemplate.Section;
import vn.ntmtracker.reports.ReportTemplate.TextSection;

/** Template + what the records say + what people wrote → the document tree. Pure. */
final class DocumentComposer {

	private DocumentComposer() {
	}

	/**
	 * @param texts the free sections people wrote; a section missing here starts from the template's text, one present
	 * but blank is left out
	 */
	static OfficialDocument compose(ReportTemplate template, ReportModel model, DraftHeader header, Map<String, String> texts,
			DocumentNumber number, boolean draft) {
		List<Block> body = new ArrayList<>();
		for (Section section : template.sections()) {
			if (!holds(section.condition(), model, texts)) {
				continue;
			}
			if (section instanceof HeadingSection h) {
				body.add(new Heading(h.level(), model.fill(h.text())));
			}
			else if (section instanceof TextSection t) {
				body.addAll(RichText.blocks(t.text(), model::fill));
			}
			else if (section instanceof FreeSection f) {
				body.addAll(texts.containsKey(f.key()) ? RichText.blocks(texts.get(f.key()))
						: RichText.blocks(f.defaultText(), model::fill));
			}
			else if (section instanceof DataSection d) {
				body.addAll(model.data().getOrDefault(d.name(), List.of()));
			}
		}
		String summary = header.summary() != null && !header.summary().isBlank() ? header.summary() : model.fill(template.summary());
		List<String> summaryLines = summary.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
		List<String> recipients = header.recipients() != null ? lines(header.recipients())
				: template.recipients().stream().map(model::fill).flatMap(r -> lines(r).stream()).toList();
		Signature signature = new Signature(
				VietnameseText.upper(pick(header.signatureAuthority(), model.fill(template.signatureAuthority()))),
				VietnameseText.upper(pick(header.signatureTitle(), model.fill(template.signatureTitle()))),
				header.signerName() == null ? "" : header.signerName().strip());
		String placeAndDate = VietnameseText.placeAndDate(header.place(), header.issuedOn(), header.year());
		Header top = new Header(VietnameseText.upper(header.superiorBody()), VietnameseText.upper(header.issuingBody()),
				number.line(), placeAndDate);
		return new OfficialDocument(template.layout(), top, template.typeName(), summaryLines, body,
				new Closing(recipients, signature), draft);
	}

	private static boolean holds(Condition condition, ReportModel model, Map<String, String> texts) {
		if (condition.when() != null && !has(condition.when(), model, texts)) {
			return false;
		}
		return condition.unless() == null || !has(condition.unless(), model, texts);
	}

	private static boolean has(String name, ReportModel model, Map<String, String> texts) {
		String text = texts.get(name);
		return model.has(name) || text != null && !text.isBlank();
	}

	private static String pick(String chosen, String fallback) {
		return chosen != null && !chosen.isBlank() ? chosen : fallback;
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}
}
