package vn.ntmtracker.reports;

import java.util.List;

import vn.ntmtracker.reports.OfficialDocument.Block;
import vn.ntmtracker.reports.OfficialDocument.Column;
import vn.ntmtracker.reports.OfficialDocument.Heading;
import vn.ntmtracker.reports.OfficialDocument.Layout;
import vn.ntmtracker.reports.OfficialDocument.Paragraph;
import vn.ntmtracker.reports.OfficialDocument.Row;
import vn.ntmtracker.reports.OfficialDocument.Run;
import vn.ntmtracker.reports.OfficialDocument.Table;

/**
 * The document as XHTML with paged-media CSS in the official layout — what the PDF renderer prints and the app shows
 * as a preview. Sizes follow NĐ 30/2020 Phụ lục I (Mục V) and HD 36-HD/VPTW; the measures themselves live in
 * {@link PageLayout}, shared with the DOCX writer.
 */
final class HtmlWriter {

	private HtmlWriter() {
	}

	static String write(OfficialDocument document) {
		boolean party = document.layout() == Layout.PARTY;
		PageLayout.Sizes sizes = PageLayout.sizes(document.layout());
		StringBuilder html = new StringBuilder(32_768);
		html.append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"/><title>")
			.append(escape(document.typeName())).append("</title><style>\n").append(css(sizes)).append("</style></head><body>\n");
		if (document.draft()) {
			html.append("<div class=\"watermark\">DỰ THẢO</div>\n");
		}
		header(html, document, party);
		html.append("<p class=\"type\">").append(escape(document.typeName())).append("</p>\n");
		for (String line : document.summaryLines()) {
			html.append("<p class=\"summary\">").append(escape(line)).append("</p>\n");
		}
		if (!document.summaryLines().isEmpty()) {
			html.append("<div class=\"rule summary-rule\"></div>\n");
		}
		for (Block block : document.body()) {
			block(html, block);
		}
		closing(html, document, party);
		html.append("</body></html>\n");
		return html.toString();
	}

	private static String css(PageLayout.Sizes sizes) {
		return """
				@page { size: A4; margin: %smm %smm %smm %smm;
				  @top-center { content: counter(page); font-family: 'Times New Roman'; font-size: %spt; vertical-align: middle; } }
				@page :first { @top-center { content: none; } }
				body { font-family: 'Times New Roman'; font-size: %spt; color: #000; margin: 0; }
				p { margin: 0; }
				table.frame { width: 100%%; border-collapse: collapse; table-layout: fixed; }
				table.frame td { vertical-align: top; text-align: center; padding: 0; }
				.superior { font-size: %spt; }
				.issuer { font-size: %spt; font-weight: bold; }
				.number { font-size: 13pt; margin-top: 3pt; white-space: pre; }
				.motto-top { font-size: %spt; font-weight: bold; white-space: nowrap; }
				.motto { font-size: 14pt; font-weight: bold; }
				.underlined { border-bottom: 0.75pt solid #000; padding-bottom: 1pt; }
				.star { font-size: 14pt; }
				.place { font-size: %spt; font-style: italic; margin-top: 6pt; white-space: pre-wrap; }
				.rule { border-top: 0.75pt solid #000; margin: 3pt auto 0 auto; width: 34%%; height: 0; }
				.type { text-align: center; font-weight: bold; font-size: %spt; margin-top: 18pt; }
				.summary { text-align: center; font-weight: bold; font-size: %spt; }
				.summary-rule { width: 30%%; margin-bottom: 12pt; margin-top: 5pt; }
				.body { text-align: justify; text-indent: 1cm; margin-bottom: 6pt; line-height: 1.25; }
				.item { text-align: justify; text-indent: 1cm; margin-bottom: 6pt; line-height: 1.25; }
				.centred { text-align: center; margin-bottom: 6pt; }
				.h1 { font-weight: bold; text-indent: 1cm; margin: 6pt 0 6pt 0; line-height: 1.25; text-align: justify; page-break-after: avoid; }
				.h2 { font-weight: bold; text-indent: 1cm; margin: 0 0 6pt 0; line-height: 1.25; text-align: justify; page-break-after: avoid; }
				table.data { width: 100%%; border-collapse: collapse; margin: 3pt 0 9pt 0; font-size: 12pt; -fs-table-paginate: paginate; }
				table.data th, table.data td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; }
				table.data th { font-weight: bold; text-align: center; vertical-align: middle; }
				table.data tr { page-break-inside: avoid; }
				table.data td.group { font-weight: bold; }
				table.data tr.total td { font-weight: bold; }
				.left { text-align: left; } .centre { text-align: center; } .right { text-align: right; }
				table.closing { margin-top: 6pt; page-break-inside: avoid; }
				.nb { white-space: nowrap; }
				table.closing td.recipients { text-align: left; }
				.recipients-title { font-size: 12pt; font-weight: bold; font-style: italic; }
				.recipient { font-size: 11pt; }
				.authority, .title, .signer { font-size: 14pt; font-weight: bold; }
				.signer { margin-top: 72pt; }
				.watermark { position: fixed; top: 105mm; left: 5mm; width: 160mm; text-align: center; font-size: 80pt;
				  font-weight: bold; color: #d9d9d9; transform: rotate(-40deg); z-index: -1; }
				""".formatted(PageLayout.TOP_MM, PageLayout.RIGHT_MM, PageLayout.BOTTOM_MM, PageLayout.LEFT_MM,
				sizes.pageNumber(), sizes.body(), sizes.superior(), sizes.issuer(), sizes.mottoTop(), sizes.place(), sizes.type(),
				sizes.summary());
	}

	private static void header(StringBuilder html, OfficialDocument document, boolean party) {
		OfficialDocument.Header header = document.header();
		int left = PageLayout.headerLeftPercent(document.layout());
		html.append("<table class=\"frame header\"><tr><td style=\"width: ").append(left).append("%\">");
		if (header.superiorBody() != null && !header.superiorBody().isBlank()) {
			html.append("<p class=\"superior\">").append(lines(header.superiorBody())).append("</p>");
		}
		html.append("<p class=\"issuer\">").append(lines(header.issuingBody())).append("</p>");
		if (party) {
			html.append("<p class=\"star\">*</p>");
		}
		else {
			html.append("<div class=\"rule\"></div>");
		}
		html.append("<p class=\"number\">").append(escape(header.numberLine())).append("</p>");
		html.append("</td><td style=\"width: ").append(100 - left).append("%\">");
		if (party) {
			html.append("<p class=\"motto-top\"><span class=\"underlined\">ĐẢNG CỘNG SẢN VIỆT NAM</span></p>");
		}
		else {
			html.append("<p class=\"motto-top\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>");
			html.append("<p class=\"motto\"><span class=\"underlined\">Độc lập - Tự do - Hạnh phúc</span></p>");
		}
		html.append("<p class=\"place\">").append(escape(header.placeAndDate())).append("</p>");
		html.append("</td></tr></table>\n");
	}

	private static void block(StringBuilder html, Block block) {
		if (block instanceof Heading heading) {
			html.append("<p class=\"h").append(heading.level() == 1 ? 1 : 2).append("\">")
				.append(escape(heading.text())).append("</p>\n");
		}
		else if (block instanceof Paragraph paragraph) {
				String css = switch (paragraph.style()) {
					case BODY -> "body";
					case ITEM -> "item";
					case CENTRED -> "centred";
				};
				html.append("<p class=\"").append(css).append("\">");
				runs(html, paragraph.runs());
				html.append("</p>\n");
		}
		else if (block instanceof Table table) {
			table(html, table);
		}
	}

	/** A date or a number and code ("25/3/2024", "06/TB-BCĐ") is never split at its slash. */
	private static final java.util.regex.Pattern SLASHED = java.util.regex.Pattern.compile("[^\\s<>&;]*/[^\\s<>&;]*");

	private static String unbroken(String escaped) {
		return SLASHED.matcher(escaped).replaceAll("<span class=\"nb\">$0</span>");
	}

	private static void runs(StringBuilder html, List<Run> runs) {
		for (Run run : runs) {
			String text = unbroken(escape(run.text()));
			if (run.bold()) {
				text = "<b>" + text + "</b>";
			}
			if (run.italic()) {
				text = "<i>" + text + "</i>";
			}
			html.append(text);
		}
	}

	private static void table(StringBuilder html, Table table) {
		html.append("<table class=\"data\"><thead><tr>");
		for (Column column : table.columns()) {
			html.append("<th style=\"width: ").append(column.widthPercent()).append("%\">").append(escape(column.header())).append("</th>");
		}
		html.append("</tr></thead><tbody>");
		for (Row row : table.rows()) {
			if (row.group()) {
				html.append("<tr><td class=\"group\" colspan=\"").append(table.columns().size()).append("\">")
					.append(escape(row.cells().get(0))).append("</td></tr>");
				continue;
			}
			html.append(row.total() ? "<tr class=\"total\">" : "<tr>");
			for (int i = 0; i < table.columns().size(); i++) {
				String cell = i < row.cells().size() ? row.cells().get(i) : "";
				html.append("<td class=\"").append(table.columns().get(i).align().name().toLowerCase(java.util.Locale.ROOT))
					.append("\">").append(unbroken(escape(cell))).append("</td>");
			}
			html.append("</tr>");
		}
		html.append("</tbody></table>\n");
	}

	private static void closing(StringBuilder html, OfficialDocument document, boolean party) {
		OfficialDocument.Closing closing = document.closing();
		html.append("<table class=\"frame closing\"><tr><td class=\"recipients\" style=\"width: ").append(PageLayout.CLOSING_LEFT_PERCENT)
			.append("%\">");
		if (!closing.recipients().isEmpty()) {
			html.append("<p class=\"recipients-title\">Nơi nhận:</p>");
			for (String recipient : closing.recipients()) {
				html.append("<p class=\"recipient\">").append(escape(PageLayout.recipientLine(recipient))).append("</p>");
			}
		}
		html.append("</td><td style=\"width: ").append(100 - PageLayout.CLOSING_LEFT_PERCENT).append("%\">");
		OfficialDocument.Signature signature = closing.signature();
		if (!signature.authority().isBlank()) {
			html.append("<p class=\"authority\">").append(lines(signature.authority())).append("</p>");
		}
		if (!signature.title().isBlank()) {
			html.append("<p class=\"title\">").append(lines(signature.title())).append("</p>");
		}
		html.append("<p class=\"signer\">").append(signature.name().isBlank() ? "&#160;" : escape(signature.name())).append("</p>");
		html.append("</td></tr></table>\n");
	}

	private static String lines(String text) {
		return String.join("<br/>", text.lines().map(HtmlWriter::escape).toList());
	}

	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				default -> {
					// XML 1.0 has no place for most control characters; a pasted one would break the whole page.
					if (c >= 0x20 || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}
}
