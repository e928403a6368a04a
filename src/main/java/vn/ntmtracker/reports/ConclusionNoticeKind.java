package vn.ntmtracker.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.ntmtracker.directives.Directive;
import vn.ntmtracker.directives.Document;
import vn.ntmtracker.directives.DocumentIntake;
import vn.ntmtracker.directives.DocumentIntake.DirectiveLine;
import vn.ntmtracker.reports.OfficialDocument.Block;
import vn.ntmtracker.reports.OfficialDocument.Heading;
import vn.ntmtracker.units.Unit;
import vn.ntmtracker.units.Units;

/**
 * Thông báo kết luận from a registered document: its issuer, signer and recipients, and its directives grouped by the
 * body that leads them, each with its deadline as written, then the requests (kiến nghị) with who handles them. What
 * the meeting said (who attended, the assessment) is written in the draft.
 */
@Component
class ConclusionNoticeKind implements ReportKind {

	private static final Pattern NUMBER = Pattern.compile("^\\s*(\\d{1,6})\\s*/\\s*[^-]+-(.+)$");

	private final DocumentIntake intake;
	private final Issuers issuers;
	private final Units units;
	private final Clock clock;

	ConclusionNoticeKind(DocumentIntake intake, Issuers issuers, Units units, Clock clock) {
		this.intake = intake;
		this.issuers = issuers;
		this.units = units;
		this.clock = clock;
	}

	@Override
	public String key() {
		return "conclusion-notice";
	}

	@Override
	public String label() {
		return "Thông báo kết luận";
	}

	@Override
	public Document.Kind registerKind() {
		return Document.Kind.CONCLUSION_NOTICE;
	}

	@Override
	public Input input() {
		return Input.DOCUMENT;
	}

	@Override
	public Catalogue catalogue() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("document.subject", "trích yếu của văn bản trong sổ");
		fields.put("document.number", "số, ký hiệu của văn bản trong sổ (có thể trống)");
		fields.put("meeting.date", "ngày làm việc (ngày giao nhiệm vụ sớm nhất), ví dụ 12/3/2024");
		fields.put("units.names", "các đơn vị của văn bản, ví dụ 'xã Cẩm Quang'");
		fields.put("issuer.name", "tên cơ quan ban hành");
		fields.put("issuer.collective", "tập thể ban hành viết hoa, ví dụ 'BAN CHỈ ĐẠO'");
		fields.put("year", "năm của văn bản");
		fields.put("directives.count", "số nhiệm vụ");
		fields.put("requests.count", "số kiến nghị");
		fields.put("requests.number", "số thứ tự của phần kiến nghị (sau các nhóm nhiệm vụ)");
		Map<String, String> data = new LinkedHashMap<>();
		data.put("directives", "nhiệm vụ theo cơ quan chủ trì: '1. UBND xã …:' rồi từng nhiệm vụ với thời hạn");
		data.put("requests", "các kiến nghị, mỗi kiến nghị với cơ quan giải quyết và thời hạn");
		return new Catalogue(fields, data);
	}

	@Override
	public ReportModel build(Request request) {
		if (request.documentId() == null) {
			throw new ReportException("Văn bản (document): cần chọn văn bản trong sổ");
		}
		Document document = intake.readable(request.documentId());
		List<DirectiveLine> lines = intake.directivesOf(document.id(), LocalDate.now(clock));
		LocalDate met = lines.stream().map(DirectiveLine::assignedOn).min(LocalDate::compareTo).orElse(document.issuedOn());
		LocalDate day = document.issuedOn() != null ? document.issuedOn() : met != null ? met : LocalDate.of(document.issuedYear(), 12, 31);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("document.subject", document.subject());
		values.put("document.number", document.number() == null ? "" : document.number());
		values.put("meeting.date", VietnameseText.date(met));
		values.put("units.names", unitNames(document.unitCodes(), day));
		values.put("issuer.name", document.issuerName());
		values.put("year", Integer.toString(document.issuedYear()));
		Issuers.Issuer issuer = issuers.of(document.issuerId(), day);
		values.put("issuer.collective", issuer.collective());
		List<DirectiveLine> directives = lines.stream().filter(l -> l.kind() == Directive.Kind.DIRECTIVE).toList();
		List<DirectiveLine> requests = lines.stream().filter(l -> l.kind() == Directive.Kind.REQUEST).toList();
		Map<String, List<Block>> data = new LinkedHashMap<>();
		int groups = byBody(directives, data);
		values.put("directives.count", Integer.toString(directives.size()));
		values.put("requests.count", Integer.toString(requests.size()));
		values.put("requests.number", Integer.toString(groups + 1));
		data.put("requests", requests(requests));

		Integer number = null;
		String code = issuer.code();
		if (document.number() != null) {
			Matcher matcher = NUMBER.matcher(document.number());
			if (matcher.matches()) {
				number = Integer.valueOf(matcher.group(1));
				code = matcher.group(2).strip();
			}
		}
		String authority = document.signingForm() == null ? null : switch (document.signingForm()) {
			case TM -> "TM. " + issuer.collective();
			case KT -> "KT. " + issuer.headTitle();
			case TL -> "TL. " + issuer.headTitle();
		};
		String title = document.signerTitle() == null ? null : document.signerTitle().split(" - ")[0].strip();
		ReportModel.Defaults defaults = new ReportModel.Defaults(document.issuerId(), issuer.superiorBody(), issuer.issuingBody(),
				code, issuer.place(), document.issuedOn(), document.issuedYear(), authority, title, document.signer(),
				document.distribution(), document.unitCodes(), number, document.id(), day);
		return new ReportModel(values, data, defaults);
	}

	/** Groups in the order the document first names each lead body; returns how many groups there are. */
	private static int byBody(List<DirectiveLine> directives, Map<String, List<Block>> data) {
		Map<Long, List<DirectiveLine>> groups = new LinkedHashMap<>();
		directives.forEach(d -> groups.computeIfAbsent(d.leadId(), k -> new ArrayList<>()).add(d));
		List<Block> blocks = new ArrayList<>();
		int n = 0;
		for (List<DirectiveLine> group : groups.values()) {
			n++;
			blocks.add(new Heading(2, n + ". " + group.get(0).leadName() + ":"));
			for (DirectiveLine line : group) {
				blocks.add(OfficialDocument.Paragraph.item("- " + sentence(line.text()) + cooperation(line) + deadline(line)));
			}
		}
		data.put("directives", blocks);
		return n;
	}

	private static List<Block> requests(List<DirectiveLine> requests) {
		List<String> items = new ArrayList<>();
		for (DirectiveLine request : requests) {
			String asked = request.requestText() == null ? "" : "Đề nghị " + lowerFirst(stripDot(request.requestText())) + ": ";
			items.add("- " + asked + "Giao " + request.leadName() + cooperationShort(request) + ": "
					+ lowerFirst(stripDot(request.text())) + deadline(request));
		}
		return Blocks.items(items);
	}

	private static String cooperation(DirectiveLine line) {
		return line.cooperating() == null || line.cooperating().isBlank() ? "" : " (phối hợp: " + line.cooperating() + ")";
	}

	private static String cooperationShort(DirectiveLine line) {
		return line.cooperating() == null || line.cooperating().isBlank() ? "" : ", phối hợp " + line.cooperating();
	}

	/** The deadline as the document wrote it ("trước ngày 25/3/2024", "hàng tuần"), or a full stop. */
	private static String deadline(DirectiveLine line) {
		String wording = line.deadlineWording();
		if (wording == null || wording.isBlank()) {
			return ".";
		}
		return "; thời hạn: " + wording.strip() + ".";
	}

	private static String sentence(String text) {
		String stripped = text == null ? "" : text.strip();
		return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
	}

	private static String stripDot(String text) {
		return sentence(text);
	}

	private static String lowerFirst(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(VietnameseText.VIETNAMESE) + text.substring(1);
	}

	private String unitNames(List<String> codes, LocalDate day) {
		List<String> names = new ArrayList<>();
		for (String code : codes) {
			names.add(units.find(code, day).map(Unit::displayName).orElse(code));
		}
		return String.join(", ", names);
	}
}
