package vn.ntmtracker.reports;

import java.util.List;

/**
 * A document ready to print, independent of the file format: the header boxes of NĐ 30/2020 Phụ lục I (or HD 36 for
 * Party documents), the type and summary, the body as blocks, the closing with recipients and signature. Both
 * renderers write exactly this tree, so the DOCX and the PDF say the same.
 */
record OfficialDocument(Layout layout, Header header, String typeName, List<String> summaryLines, List<Block> body,
		Closing closing, boolean draft) {

	/** NĐ 30/2020 for state bodies; HD 36-HD/VPTW for Party committees. */
	enum Layout {
		STATE, PARTY
	}

	/**
	 * Top left: superior body (may be blank), issuing body, number line; top right: national motto (or the Party's
	 * name), place and date. Line breaks in the bodies' names are kept.
	 */
	record Header(String superiorBody, String issuingBody, String numberLine, String placeAndDate) {
	}

	sealed interface Block permits Heading, Paragraph, Table {
	}

	/** Part headings ("I. KẾT QUẢ ĐẠT ĐƯỢC", level 1) and items ("1. Mức độ đạt chuẩn", level 2): bold. */
	record Heading(int level, String text) implements Block {
	}

	enum ParagraphStyle {
		/** Justified, first line indented 1 cm. */
		BODY,
		/** A list item ("- …" or "+ …"), indented like a body paragraph. */
		ITEM,
		/** Centred. */
		CENTRED
	}

	record Paragraph(ParagraphStyle style, List<Run> runs) implements Block {

		static Paragraph body(String text) {
			return new Paragraph(ParagraphStyle.BODY, List.of(new Run(text, false, false)));
		}

		static Paragraph item(String text) {
			return new Paragraph(ParagraphStyle.ITEM, List.of(new Run(text, false, false)));
		}

		String text() {
			StringBuilder text = new StringBuilder();
			runs.forEach(run -> text.append(run.text()));
			return text.toString();
		}
	}

	record Run(String text, boolean bold, boolean italic) {
	}

	enum Align {
		LEFT, CENTRE, RIGHT
	}

	/** A column: its header, its share of the width (percent) and the alignment of its cells. */
	record Column(String header, int widthPercent, Align align) {
	}

	/**
	 * A table with one header row; a row marked {@code group} spans the whole width in bold (a criterion's tasks, a
	 * district's communes), a row marked {@code total} is bold.
	 */
	record Table(List<Column> columns, List<Row> rows) implements Block {
	}

	record Row(List<String> cells, boolean group, boolean total) {

		static Row of(String... cells) {
			return new Row(List.of(cells), false, false);
		}

		static Row group(String text) {
			return new Row(List.of(text), true, false);
		}

		static Row total(String... cells) {
			return new Row(List.of(cells), false, true);
		}
	}

	/** The closing: "Nơi nhận:" with its list on the left, the signature block on the right. */
	record Closing(List<String> recipients, Signature signature) {
	}

	/**
	 * Authority and title in capitals ("KT. TRƯỞNG BAN" / "PHÓ TRƯỞNG BAN", "T/M ĐẢNG ỦY" / "BÍ THƯ"), then the
	 * signer's name after the space left for the signature and seal.
	 */
	record Signature(String authority, String title, String name) {
	}
}
