package vn.ntmtracker.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document being written, generated from its subject (a unit and period, a plan or a registered document) on a
 * pinned template version. While a draft it may be edited; issuing gives it its number and registers it, after which
 * it is fixed. Changes are methods that check their rules and refuse with a Vietnamese message naming the field.
 */
record ReportDraft(long id, String kind, String unitCode, LocalDate periodFrom, LocalDate periodTo, Long planId,
		Long sourceDocumentId, String templateScope, int templateVersion, LocalDate recordDay, Long issuerId, DraftHeader header,
		Map<String, String> texts, Status status, Integer number, String numberText, Long registeredDocumentId, String createdBy,
		int version) {

	enum Status {
		DRAFT, ISSUED
	}

	static final int MAX_LINE = 300;
	static final int MAX_SUMMARY = 1000;
	static final int MAX_RECIPIENTS = 3000;

	/** What a person changes in a draft; null free texts leave a section as it was. */
	record Edit(Long issuerId, String superiorBody, String issuingBody, String issuerCode, String place, LocalDate issuedOn,
			String summary, String signatureAuthority, String signatureTitle, String signerName, String recipients,
			Map<String, String> texts) {
	}

	ReportKind.Request request() {
		return new ReportKind.Request(unitCode, periodFrom, periodTo, planId, sourceDocumentId);
	}

	public boolean issued() {
		return status == Status.ISSUED;
	}

	/** The draft with the edit applied: refused when issued, when a text is too long or names no section of the template. */
	ReportDraft edit(Edit edit, ReportTemplate template) {
		if (issued()) {
			throw new ReportException("Văn bản đã ban hành (số " + numberText + "), không sửa được; hãy tạo dự thảo mới");
		}
		List<String> problems = new ArrayList<>();
		line(problems, "Cơ quan chủ quản (superiorBody)", edit.superiorBody(), MAX_LINE);
		line(problems, "Cơ quan ban hành (issuingBody)", edit.issuingBody(), MAX_LINE);
		line(problems, "Ký hiệu cơ quan (issuerCode)", edit.issuerCode(), 20);
		if (edit.issuerCode() != null && !edit.issuerCode().isBlank() && !edit.issuerCode().strip().matches("[\\p{L}\\d.&]+(-[\\p{L}\\d.&]+)*")) {
			problems.add("Ký hiệu cơ quan (issuerCode): chỉ gồm chữ in hoa, số, nối bằng '-', ví dụ UBND hoặc BCĐ");
		}
		line(problems, "Địa danh (place)", edit.place(), 100);
		line(problems, "Trích yếu (summary)", edit.summary(), MAX_SUMMARY);
		line(problems, "Quyền hạn ký (signatureAuthority)", edit.signatureAuthority(), MAX_LINE);
		line(problems, "Chức vụ người ký (signatureTitle)", edit.signatureTitle(), MAX_LINE);
		line(problems, "Người ký (signerName)", edit.signerName(), 100);
		line(problems, "Nơi nhận (recipients)", edit.recipients(), MAX_RECIPIENTS);
		if (edit.issuedOn() != null && (edit.issuedOn().getYear() < 2000 || edit.issuedOn().getYear() > 2100)) {
			problems.add("Ngày ban hành (issuedOn): năm " + edit.issuedOn().getYear() + " không hợp lệ");
		}
		Map<String, String> newTexts = new LinkedHashMap<>(texts);
		if (edit.texts() != null) {
			edit.texts().forEach((key, text) -> {
				var section = template.freeSection(key);
				if (section.isEmpty()) {
					problems.add("Mục '" + key + "': mẫu không có mục tự soạn này");
				}
				else if (text != null) {
					String clean = clean(text);
					if (clean.length() > section.get().maxLength()) {
						problems.add(section.get().label() + " (" + key + "): dài " + clean.length() + " ký tự, tối đa " + section.get().maxLength());
					}
					newTexts.put(key, clean);
				}
			});
		}
		if (!problems.isEmpty()) {
			throw new ReportException(String.join("; ", problems));
		}
		// A field left out (null) keeps its value; a blank one clears it (the template's summary and recipients apply).
		LocalDate issuedOn = edit.issuedOn() != null ? edit.issuedOn() : header.issuedOn();
		DraftHeader changed = new DraftHeader(keep(edit.superiorBody(), header.superiorBody()), keep(edit.issuingBody(), header.issuingBody()),
				keep(edit.issuerCode(), header.issuerCode()), keep(edit.place(), header.place()), issuedOn,
				issuedOn != null ? issuedOn.getYear() : header.year(), keepOrTemplate(edit.summary(), header.summary()),
				keep(edit.signatureAuthority(), header.signatureAuthority()), keep(edit.signatureTitle(), header.signatureTitle()),
				keep(edit.signerName(), header.signerName()), keepOrTemplate(edit.recipients(), header.recipients()));
		return new ReportDraft(id, kind, unitCode, periodFrom, periodTo, planId, sourceDocumentId, templateScope, templateVersion,
				recordDay, edit.issuerId() != null ? edit.issuerId() : issuerId, changed, newTexts, status, number, numberText,
				registeredDocumentId, createdBy, version);
	}

	/** Before numbering: an issuing organisation and a signer are needed, and the draft must not be issued already. */
	void checkIssuable() {
		if (issued()) {
			throw new ReportException("Văn bản đã được ban hành với số " + numberText);
		}
		List<String> problems = new ArrayList<>();
		if (issuerId == null) {
			problems.add("Cơ quan ban hành (issuerId): chưa chọn tổ chức ban hành trong sổ văn bản");
		}
		if (header.signerName() == null || header.signerName().isBlank()) {
			problems.add("Người ký (signerName): cần họ tên người ký");
		}
		if (header.issuerCode() == null || header.issuerCode().isBlank()) {
			problems.add("Ký hiệu cơ quan (issuerCode): cần để ghi số, ký hiệu");
		}
		if (!problems.isEmpty()) {
			throw new ReportException(String.join("; ", problems));
		}
	}

	private static void line(List<String> problems, String field, String value, int max) {
		if (value != null && value.length() > max) {
			problems.add(field + ": tối đa " + max + " ký tự");
		}
	}

	private static String clean(String text) {
		return java.text.Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), java.text.Normalizer.Form.NFC).strip();
	}

	private static String keep(String edited, String current) {
		return edited == null ? current : clean(edited);
	}

	private static String keepOrTemplate(String edited, String current) {
		if (edited == null) {
			return current;
		}
		return edited.isBlank() ? null : clean(edited);
	}
}
