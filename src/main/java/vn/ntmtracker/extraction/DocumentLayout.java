package vn.ntmtracker.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts normalised text into blocks: headings, list items and paragraphs. A line that starts in lower case continues
 * the previous block (page breaks and PDF line wrapping split sentences); list markers ("-", "+", "1.", "(1)", "a)",
 * "I.", "Một là:", the articles "Điều 2." of a decision) are kept apart from the block's body.
 */
final class DocumentLayout {

	enum MarkerKind {
		NONE, DASH, PLUS, NUMBER, PAREN_NUMBER, LETTER, ROMAN, ORDINAL,
		/** "Điều 2." of a decision: the article number is a list marker, not part of the text. */
		ARTICLE
	}

	/**
	 * {@code body} has the same length as the normalised text it came from (line breaks become spaces), so an offset
	 * in the body plus {@code bodyStart} is an offset in the normalised text.
	 */
	record Block(int start, int bodyStart, int end, MarkerKind kind, String marker, String body, boolean heading,
			String text) {

		static Block of(int start, int bodyStart, int end, MarkerKind kind, String marker, String body, boolean heading) {
			return new Block(start, bodyStart, end, kind, marker, body, heading,
					TextNormalizer.collapse(body));
		}

		/** A web page's own lists after the article ("Tin liên quan", "Tin cùng chuyên mục") end its content. */
		boolean pageEnd() {
			return text.length() < 40 && RELATED.matcher(text).lookingAt();
		}

		/** The "Nơi nhận" distribution list ends the content of a document. */
		boolean distributionList() {
			return text.regionMatches(true, 0, "Nơi nhận", 0, 8);
		}
	}

	private static final Pattern RELATED = Pattern.compile("(?:Tin liên quan|Tin mới hơn|Tin cũ hơn|Những tin mới hơn|Những tin cũ hơn"
			+ "|Tin cùng chuyên mục|Các tin khác|Các tin tức khác|Tin xem nhiều|Bài viết liên quan|Xem thêm|Tin khác)");

	private static final Pattern DAY_MONTH_START = Pattern.compile("^\\d{1,2}\\s+(?:tháng|năm).*");

	// "Điều 3." / "ĐIỀU 3:" opens an article of a decision; "Điều chỉnh …" (no number) does not.
	private static final Pattern MARKER = Pattern.compile("^(?:(?<article>(?:Điều|ĐIỀU)\\s+\\d{1,3}\\s*[.:])|(?<dash>[-•–—])|(?<plus>\\+)|(?<paren>\\(\\d{1,2}\\)|\\d{1,2}\\))"
			+ "|(?<roman>[IVX]{1,5})[.)\\-]|(?<letter>[a-zđ])\\)"
			+ "|(?<num>\\d{1,2}(?:\\.\\d{1,2})*)(?:[.)]|\\s*-)?"
			+ "|(?<ordinal>(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\\s+là\\s*:))\\s*(?=\\S)");

	private static final Pattern DATE_LIKE = Pattern.compile("(?=[\\dtq])(?:\\d{1,2}/\\d{1,2}|tháng\\s+\\d|quý\\s+[IV1-4])");

	// "Phần thứ nhất", "Chương II", "Mục 3": the parts of a long document are headings in any case.
	private static final Pattern PART = Pattern.compile("^(?:Phần|Chương|Mục)\\s+(?:thứ\\s+)?[\\p{L}\\d]{1,6}\\s*[.:]?$");

	private DocumentLayout() {
	}

	/** A block whose lines are still being collected; made a {@link Block} once the next block starts. */
	private static final class Open {

		final int start;

		final int bodyStart;

		int end;

		final MarkerKind kind;

		final String marker;

		boolean heading;

		Open(int start, int bodyStart, int end, MarkerKind kind, String marker, boolean heading) {
			this.start = start;
			this.bodyStart = bodyStart;
			this.end = end;
			this.kind = kind;
			this.marker = marker;
			this.heading = heading;
		}

		/** Whether the body, trailing whitespace stripped, ends with a comma. */
		boolean endsWithComma(String text) {
			int i = end - 1;
			while (i >= bodyStart && Character.isWhitespace(text.charAt(i))) {
				i--;
			}
			return i >= bodyStart && text.charAt(i) == ',';
		}

		Block close(String text) {
			return Block.of(start, bodyStart, end, kind, marker, text.substring(bodyStart, end).replace('\n', ' '),
					heading);
		}
	}

	static List<Block> split(String text) {
		List<Block> blocks = new ArrayList<>();
		Open previous = null;
		int pos = 0;
		while (pos <= text.length()) {
			int nl = text.indexOf('\n', pos);
			int end = nl < 0 ? text.length() : nl;
			if (!isBlank(text, pos, end)) {
				previous = addLine(blocks, previous, text, pos, end);
			}
			if (nl < 0) {
				break;
			}
			pos = nl + 1;
		}
		if (previous != null) {
			blocks.add(previous.close(text));
		}
		return blocks;
	}

	/** Adds one non-blank line: it continues the open block or closes it and opens the next; returns the open block. */
	private static Open addLine(List<Block> blocks, Open previous, String text, int lineStart, int lineEnd) {
		String raw = text.substring(lineStart, lineEnd);
		Matcher m = MARKER.matcher(raw);
		boolean marked = m.find() && !DAY_MONTH_START.matcher(raw).matches();
		char first = raw.charAt(0);
		boolean continues = previous != null && !marked && !previous.heading
				&& (Character.isLowerCase(first) || previous.endsWithComma(text));
		if (continues) {
			previous.end = lineEnd;
			previous.heading = false;
			return previous;
		}
		if (previous != null) {
			blocks.add(previous.close(text));
		}
		MarkerKind kind = MarkerKind.NONE;
		String marker = "";
		int bodyStart = lineStart;
		if (marked) {
			kind = kindOf(m);
			marker = m.group().strip();
			bodyStart = lineStart + m.end();
		}
		String body = text.substring(bodyStart, lineEnd);
		return new Open(lineStart, bodyStart, lineEnd, kind, marker, isHeading(kind, body));
	}

	/** {@code text.substring(from, to).isBlank()} without the copy; an empty range is blank. */
	private static boolean isBlank(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!Character.isWhitespace(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static MarkerKind kindOf(Matcher m) {
		if (m.group("article") != null) {
			return MarkerKind.ARTICLE;
		}
		if (m.group("dash") != null) {
			return MarkerKind.DASH;
		}
		if (m.group("plus") != null) {
			return MarkerKind.PLUS;
		}
		if (m.group("paren") != null) {
			return MarkerKind.PAREN_NUMBER;
		}
		if (m.group("roman") != null) {
			return MarkerKind.ROMAN;
		}
		if (m.group("letter") != null) {
			return MarkerKind.LETTER;
		}
		if (m.group("ordinal") != null) {
			return MarkerKind.ORDINAL;
		}
		return MarkerKind.NUMBER;
	}

	static boolean isHeading(MarkerKind kind, String body) {
		String b = body.strip();
		if (b.isEmpty()) {
			return false;
		}
		if (kind == MarkerKind.ROMAN) {
			return b.length() <= 160;
		}
		// Every DATE_LIKE match holds a '/', "tháng" or "quý".
		if ((b.indexOf('/') >= 0 || b.contains("tháng") || b.contains("quý")) && DATE_LIKE.matcher(b).find()
				|| b.startsWith("Giao ")) {
			return false;
		}
		if (kind == MarkerKind.NUMBER || kind == MarkerKind.LETTER || kind == MarkerKind.ARTICLE) {
			int colon = b.indexOf(": ");
			boolean terminal = b.endsWith(".") || b.endsWith(";") || b.endsWith("!");
			return b.length() <= 90 && colon < 0 && (!terminal || (b.endsWith(".") && wordCount(b) <= 8));
		}
		if (kind == MarkerKind.NONE) {
			return b.length() <= 160 && (isUpperCase(b) || PART.matcher(b).matches());
		}
		return false;
	}

	/** Number of whitespace-separated words: {@code collapse(s).split(" ").length} for a non-blank {@code s}. */
	private static int wordCount(String s) {
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < s.length(); i++) {
			boolean space = TextNormalizer.isWhitespace(s.charAt(i));
			if (!space && !inWord) {
				words++;
			}
			inWord = !space;
		}
		return words;
	}

	static boolean isUpperCase(String s) {
		int letters = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isLetter(c)) {
				letters++;
				if (Character.isLowerCase(c)) {
					return false;
				}
			}
		}
		return letters >= 4;
	}
}
