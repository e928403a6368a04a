package vn.ntmtracker.reports;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.ntmtracker.units.Units;

/**
 * Generating a document: the kind reads the records, the template in force for the unit's province gives the wording,
 * the composer builds the tree and a renderer writes the file. A document without a registered number is a draft and
 * carries "DỰ THẢO".
 */
@Service
class Reports {

	private final ReportKinds kinds;
	private final ReportTemplates templates;
	private final Units units;

	Reports(ReportKinds kinds, ReportTemplates templates, Units units) {
		this.kinds = kinds;
		this.templates = templates;
		this.units = units;
	}

	/** Straight from the records with the template in force and the defaults: what the API's GET answers. */
	Rendered generate(String kindKey, ReportKind.Request request, Rendered.Format format) {
		return generate(kindKey, request, format, Map.of());
	}

	/** As {@link #generate(String, ReportKind.Request, Rendered.Format)}, with texts given for some free sections. */
	Rendered generate(String kindKey, ReportKind.Request request, Rendered.Format format, Map<String, String> texts) {
		ReportKind kind = kinds.require(kindKey);
		ReportModel model = kind.build(request);
		ReportTemplates.Version template = templates.current(kindKey, provinceOf(model));
		DraftHeader header = DraftHeader.from(model.defaults());
		DocumentNumber number = new DocumentNumber(template.template().layout(), model.defaults().number(),
				template.template().typeCode(), header.issuerCode());
		for (Map.Entry<String, String> text : texts.entrySet()) {
			var section = template.template().freeSection(text.getKey())
				.orElseThrow(() -> new ReportException("Mục '" + text.getKey() + "': mẫu không có mục tự soạn này"));
			if (text.getValue() != null && text.getValue().length() > section.maxLength()) {
				throw new ReportException(section.label() + " (" + text.getKey() + "): tối đa " + section.maxLength() + " ký tự");
			}
		}
		OfficialDocument document = DocumentComposer.compose(template.template(), model, header, texts, number,
				model.defaults().number() == null);
		return write(document, format, fileName(kind, model, document, number));
	}

	/** The province a subject belongs to, for its template: the first unit's top ancestor. */
	String provinceOf(ReportModel model) {
		if (model.defaults().unitCodes() == null || model.defaults().unitCodes().isEmpty()) {
			return null;
		}
		return provinceOf(model.defaults().unitCodes().get(0), model.defaults().day());
	}

	String provinceOf(String unitCode, LocalDate day) {
		return units.find(unitCode, day).or(() -> units.find(unitCode, vn.ntmtracker.units.UnitKind.LAST_DAY_OF_DISTRICTS))
			.map(unit -> unit.path() == null ? null : unit.path().substring(1).split("/")[0]).orElse(null);
	}

	static Rendered write(OfficialDocument document, Rendered.Format format, String baseName) {
		byte[] bytes = switch (format) {
			case PDF -> PdfRenderer.render(document);
			case DOCX -> DocxRenderer.render(document);
			case HTML -> HtmlWriter.write(document).getBytes(java.nio.charset.StandardCharsets.UTF_8);
			case XLSX -> throw new ReportException("Định dạng (format): văn bản xuất ra docx hoặc pdf, không phải xlsx");
		};
		return new Rendered(bytes, baseName + "." + format.extension, format.mediaType);
	}

	/** "Báo cáo kết quả thực hiện - xã Cẩm Quang - năm 2024 (dự thảo)", "Thông báo kết luận 06-TB-BCĐ". */
	static String fileName(ReportKind kind, ReportModel model, OfficialDocument document, DocumentNumber number) {
		String registered = number.registered();
		StringBuilder name = new StringBuilder(kind.label());
		if (registered != null) {
			name.append(' ').append(registered.replace('/', '-'));
		}
		else {
			String unit = model.values().getOrDefault("unit.name", model.values().get("units.names"));
			if (unit != null && !unit.isBlank()) {
				name.append(" - ").append(unit);
			}
			String period = model.values().getOrDefault("period.text", model.values().get("plan.targetYear"));
			if (period != null && !period.isBlank()) {
				name.append(" - ").append(period);
			}
			name.append(document.draft() ? " (dự thảo)" : "");
		}
		return name.toString();
	}
}
