package vn.ntmtracker.extraction;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings text from any source to one form the rules can rely on: NFC, the new tone placement ("hoà" → "hòa",
 * "thuỷ" → "thủy"), no markdown emphasis, single spaces, and document numbers without stray spaces ("01 -KH/BCĐ" →
 * "01-KH/BCĐ").
 */
final class TextNormalizer {

	private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

	private static final String CODE = "[A-ZĐ][A-ZĐ0-9&]+(?![\\p{L}])";

	private static final Pattern DOC_NUMBER = Pattern.compile("(?=\\d)(?<![\\d/.,])\\d{1,5}(?:\\s*[-/]\\s*(?:\\d{4}(?!\\d)|" + CODE
			+ "))*(?:\\s*[-/]\\s*" + CODE + ")(?:\\s*[-/]\\s*" + CODE + ")*");

	private static final Pattern INVISIBLE = Pattern.compile("[\u200B\u200C\u200D\uFEFF\u00AD]");

	private static final Pattern SPACES = Pattern.compile(" {2,}");

	private static final Pattern BLANK_RUNS = Pattern.compile("\n{3,}");

	private static final Pattern HEADING_MARK = Pattern.compile("^\\s*#{1,6}\\s+");

	private static final Pattern ESCAPE = Pattern.compile("\\\\([*_#\\-.()\\[\\]])");

	private static final Pattern STAR_BULLET = Pattern.compile("^(\\s*)\\*\\s+(?=\\S)");

	private static final Pattern RULE = Pattern.compile("-{3,}|_{3,}|={3,}");

	private TextNormalizer() {
	}

	static String normalize(String raw) {
		if (raw == null) {
			return "";
		}
		String text = raw.replace("\r\n", "\n").replace('\r', '\n');
		text = text.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ').replace('\t', ' ');
		if (INVISIBLE.matcher(text).find()) {
			text = INVISIBLE.matcher(text).replaceAll("");
		}
		// Legacy converters put the Icelandic eth where Đ belongs.
		text = text.replace('Ð', 'Đ').replace('ð', 'đ');
		// fixTonePlacement composes (NFC) as it goes.
		text = fixTonePlacement(text);
		text = stripMarkdown(text);
		text = fixDocumentNumbers(text);
		StringBuilder out = new StringBuilder(text.length());
		for (String line : text.split("\n", -1)) {
			out.append(line.contains("  ") ? SPACES.matcher(line).replaceAll(" ").strip() : line.strip()).append('\n');
		}
		return BLANK_RUNS.matcher(out).replaceAll("\n\n").strip() + "\n";
	}

	// Old placement puts the tone on the second vowel of an open "oa", "oe", "uy" syllable; "qu" + y is not such a pair.
	static String fixTonePlacement(String text) {
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(composed.length());
		int i = 0;
		while (i < composed.length()) {
			char c = composed.charAt(i);
			if (i + 1 < composed.length() && composed.charAt(i + 1) > 0x7F && isOpenPairStart(composed, i)
					&& isWordEnd(composed, i + 2)) {
				String first = String.valueOf(c);
				String second = String.valueOf(composed.charAt(i + 1));
				String secondNfd = Normalizer.normalize(second, Normalizer.Form.NFD);
				char base = secondNfd.charAt(0);
				String tone = toneOf(secondNfd);
				boolean pair = (Character.toLowerCase(c) == 'o' && "aAeE".indexOf(base) >= 0)
						|| (Character.toLowerCase(c) == 'u' && "yY".indexOf(base) >= 0);
				if (pair && tone != null && secondNfd.length() == 2) {
					out.append(Normalizer.normalize(first + tone, Normalizer.Form.NFC)).append(base);
					i += 2;
					continue;
				}
			}
			out.append(c);
			i++;
		}
		return out.toString();
	}

	private static boolean isOpenPairStart(String s, int i) {
		char c = s.charAt(i);
		if (c != 'o' && c != 'O' && c != 'u' && c != 'U') {
			return false;
		}
		if (i > 0 && (s.charAt(i - 1) == 'q' || s.charAt(i - 1) == 'Q')) {
			return false;
		}
		return true;
	}

	private static boolean isWordEnd(String s, int i) {
		return i >= s.length() || !Character.isLetter(s.charAt(i));
	}

	private static String toneOf(String nfd) {
		for (int k = 1; k < nfd.length(); k++) {
			if (TONES.indexOf(nfd.charAt(k)) >= 0) {
				return String.valueOf(nfd.charAt(k));
			}
		}
		return null;
	}

	static String stripMarkdown(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (String line : text.split("\n", -1)) {
			String l = line;
			if (l.indexOf('#') >= 0) {
				l = HEADING_MARK.matcher(l).replaceAll("");
			}
			if (l.indexOf('\\') >= 0) {
				l = ESCAPE.matcher(l).replaceAll("$1");
			}
			if (l.indexOf('*') >= 0) {
				l = STAR_BULLET.matcher(l).replaceAll("$1- ");
				l = l.replace("**", "").replace("*", "");
			}
			l = l.replace("__", "");
			if (RULE.matcher(l.strip()).matches()) {
				l = "";
			}
			out.append(l).append('\n');
		}
		return out.substring(0, out.length() - 1);
	}

	static String fixDocumentNumbers(String text) {
		Matcher m = DOC_NUMBER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("\\s+", "")));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** Lower-cased, accent-kept, single-spaced form used for keyword tests. */
	static String key(String text) {
		return collapse(lowerSameLength(text));
	}

	/** Runs of whitespace as one space, ends trimmed; what {@code replaceAll("\\s+", " ").strip()} does, cheaper. */
	static String collapse(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				space = out.length() > 0;
			}
			else {
				if (space) {
					out.append(' ');
					space = false;
				}
				out.append(c);
			}
		}
		return out.toString();
	}

	/** Lower case with the same length as the input, so offsets found in it hold in the original. */
	static String lowerSameLength(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			if (c < 0x80) {
				if (c >= 'A' && c <= 'Z') {
					chars[i] = (char) (c + 32);
				}
			}
			else {
				chars[i] = Character.toLowerCase(c);
			}
		}
		return new String(chars);
	}

	/** Accent-free lower case form, for tolerant comparisons ("Quốc phòng an ninh" ~ "quoc phong va an ninh"). */
	static String fold(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean gap = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			char base = c < FOLD.length ? FOLD[c] : ' ';
			if (base == ' ') {
				gap = out.length() > 0;
				continue;
			}
			if (gap) {
				out.append(' ');
				gap = false;
			}
			out.append(base);
		}
		return out.toString();
	}

	// Base letter of every Latin character up to U+1EFF (Vietnamese lives there), ' ' for anything else.
	private static final char[] FOLD = new char[0x1F00];

	static {
		for (char c = 0; c < FOLD.length; c++) {
			String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
			char b = Character.toLowerCase(nfd.charAt(0));
			if (c == 'đ' || c == 'Đ') {
				b = 'd';
			}
			FOLD[c] = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ? b : ' ';
		}
	}
}
