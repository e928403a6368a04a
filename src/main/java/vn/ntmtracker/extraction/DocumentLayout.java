package vn.ntmtracker.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts normalised text into blocks: headings, list items and paragraphs. A line that starts in lower case continues
 * the previous block (page breaks and PDF line wrapping split sentences); list markers ("-", "+", "1.", "(1)", "a)",
 * "I.", "Một là:") are kept apart from the block's body.
 */
final class DocumentLayout {

	enum MarkerKind {
		NONE, DASH, PLUS, NUMBER, PAREN_NUMBER, LETTER, ROMAN, ORDINAL
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

		/** The "Nơi nhận" distribution list ends the content of a document. */
		boolean distributionList() {
			return text.regionMatches(true, 0, "Nơi nhận", 0, 8);
		}
	}

	private static final Pattern DAY_MONTH_START = Pattern.compile("^\\d{1,2}\\s+(?:tháng|năm).*");

	private static final Pattern MARKER = Pattern.compile("^(?:(?<dash>[-•–—])|(?<plus>\\+)|(?<paren>\\(\\d{1,2}\\)|\\d{1,2}\\))"
			+ "|(?<roman>[IVX]{1,5})[.)\\-]|(?<letter>[a-zđ])\\)"
			+ "|(?<num>\\d{1,2}(?:\\.\\d{1,2})*)(?:[.)]|\\s*-)?"
			+ "|(?<ordinal>(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\\s+là\\s*:))\\s*(?=\\S)");

	private static final Pattern DATE_LIKE = Pattern.compile("(?=[\\dtq])(?:\\d{1,2}/\\d{1,2}|tháng\\s+\\d|quý\\s+[IV1-4])");

	private DocumentLayout() {
	}

	static List<Block> split(String text) {
		List<int[]> lines = new ArrayList<>();
		int pos = 0;
		while (pos <= text.length()) {
			int nl = text.indexOf('\n', pos);
			int end = nl < 0 ? text.length() : nl;
			if (end > pos && !text.substring(pos, end).isBlank()) {
				lines.add(new int[] { pos, end });
			}
			if (nl < 0) {
				break;
			}
			pos = nl + 1;
		}
		List<Block> blocks = new ArrayList<>();
		for (int[] line : lines) {
			String raw = text.substring(line[0], line[1]);
			Matcher m = MARKER.matcher(raw);
			boolean marked = m.find() && !DAY_MONTH_START.matcher(raw).matches();
			char first = raw.charAt(0);
			Block previous = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
			boolean continues = previous != null && !marked && !previous.heading()
					&& (Character.isLowerCase(first) || previous.body().stripTrailing().endsWith(","));
			if (continues) {
				String body = text.substring(previous.bodyStart(), line[1]).replace('\n', ' ');
				blocks.set(blocks.size() - 1, Block.of(previous.start(), previous.bodyStart(), line[1], previous.kind(),
						previous.marker(), body, false));
				continue;
			}
			MarkerKind kind = MarkerKind.NONE;
			String marker = "";
			int bodyStart = line[0];
			if (marked) {
				kind = kindOf(m);
				marker = m.group().strip();
				bodyStart = line[0] + m.end();
			}
			String body = text.substring(bodyStart, line[1]);
			blocks.add(Block.of(line[0], bodyStart, line[1], kind, marker, body, isHeading(kind, body)));
		}
		return blocks;
	}

	private static MarkerKind kindOf(Matcher m) {
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
		if (DATE_LIKE.matcher(b).find() || b.startsWith("Giao ")) {
			return false;
		}
		if (kind == MarkerKind.NUMBER || kind == MarkerKind.LETTER) {
			int colon = b.indexOf(": ");
			int words = TextNormalizer.collapse(b).split(" ").length;
			boolean terminal = b.endsWith(".") || b.endsWith(";") || b.endsWith("!");
			return b.length() <= 90 && colon < 0 && (!terminal || (b.endsWith(".") && words <= 8));
		}
		if (kind == MarkerKind.NONE) {
			return b.length() <= 160 && isUpperCase(b);
		}
		return false;
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
