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
		if (hasInvisible(text)) {
			text = INVISIBLE.matcher(text).replaceAll("");
		}
		// Legacy converters put the Icelandic eth where Đ belongs.
		text = text.replace('Ð', 'Đ').replace('ð', 'đ');
		// fixTonePlacement composes (NFC) as it goes.
		text = fixTonePlacement(text);
		text = stripMarkdown(text);
		text = fixDocumentNumbers(text);
		StringBuilder out = new StringBuilder(text.length() + 1);
		int pos = 0;
		while (true) {
			int nl = text.indexOf('\n', pos);
			String line = text.substring(pos, nl < 0 ? text.length() : nl);
			out.append(line.contains("  ") ? SPACES.matcher(line).replaceAll(" ").strip() : line.strip()).append('\n');
			if (nl < 0) {
				break;
			}
			pos = nl + 1;
		}
		return limitBlankRuns(out).strip() + "\n";
	}

	/** Every run of three or more line breaks becomes two: {@code replaceAll("\n{3,}", "\n\n")}, cheaper. */
	private static String limitBlankRuns(CharSequence text) {
		StringBuilder out = new StringBuilder(text.length());
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			run = c == '\n' ? run + 1 : 0;
			if (run <= 2) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static boolean hasInvisible(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD') {
				return true;
			}
		}
		return false;
	}

	// Old placement puts the tone on the second vowel of an open "oa", "oe", "uy" syllable; "qu" + y is not such a pair.
	static String fixTonePlacement(String text) {
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
		int i = firstOpenPairCandidate(composed);
		if (i < 0) {
			return composed;
		}
		StringBuilder out = new StringBuilder(composed.length());
		out.append(composed, 0, i);
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

	/** The first index where {@link #fixTonePlacement} may change something, -1 if none. */
	private static int firstOpenPairCandidate(String s) {
		for (int i = 0; i + 1 < s.length(); i++) {
			if (s.charAt(i + 1) > 0x7F && isOpenPairStart(s, i) && isWordEnd(s, i + 2)) {
				return i;
			}
		}
		return -1;
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
			if (mayBeRule(l) && RULE.matcher(l.strip()).matches()) {
				l = "";
			}
			out.append(l).append('\n');
		}
		return out.substring(0, out.length() - 1);
	}

	/** A RULE line is, once stripped, made of '-', '_' or '=' only: its first non-blank character tells. */
	private static boolean mayBeRule(String line) {
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (!Character.isWhitespace(c)) {
				return c == '-' || c == '_' || c == '=';
			}
		}
		return false;
	}

	static String fixDocumentNumbers(String text) {
		// DOC_NUMBER opens with lookarounds: a match starts at a digit that does not follow [\d/.,].
		RegexScan numbers = new RegexScan(DOC_NUMBER, text, (s, i) -> RegexScan.isAsciiDigit(s.charAt(i))
				&& (i == 0 || !isDigitOrNumberPunctuation(s.charAt(i - 1))));
		Matcher m = numbers.matcher();
		StringBuilder out = null;
		int copied = 0;
		while (numbers.find()) {
			if (out == null) {
				out = new StringBuilder(text.length());
			}
			out.append(text, copied, m.start());
			appendWithoutRegexSpaces(out, text, m.start(), m.end());
			copied = m.end();
		}
		if (out == null) {
			return text;
		}
		return out.append(text, copied, text.length()).toString();
	}

	private static boolean isDigitOrNumberPunctuation(char c) {
		return (c >= '0' && c <= '9') || c == '/' || c == '.' || c == ',';
	}

	/** Appends text[from, to) without the characters of regex {@code \s} (what {@code replaceAll("\\s+", "")} drops). */
	private static void appendWithoutRegexSpaces(StringBuilder out, String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
				out.append(c);
			}
		}
	}

	/** Lower-cased, accent-kept, single-spaced form used for keyword tests. */
	static String key(String text) {
		return collapse(lowerSameLength(text));
	}

	/** Runs of whitespace as one space, ends trimmed; what {@code replaceAll("\\s+", " ").strip()} does, cheaper. */
	static String collapse(String text) {
		if (isCollapsed(text)) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isWhitespace(c)) {
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

	/** Whether {@link #collapse} would return the text unchanged: no whitespace but single inner spaces. */
	private static boolean isCollapsed(String text) {
		int n = text.length();
		if (n == 0) {
			return true;
		}
		if (isWhitespace(text.charAt(0)) || isWhitespace(text.charAt(n - 1))) {
			return false;
		}
		for (int i = 1; i < n - 1; i++) {
			char c = text.charAt(i);
			if (isWhitespace(c) && (c != ' ' || text.charAt(i + 1) == ' ')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {@link Character#isWhitespace(char)}, answered without a lookup for all but the control characters, U+1680 and
	 * U+2000–U+3000 (the only ranges holding whitespace besides ' ').
	 */
	static boolean isWhitespace(char c) {
		return c == ' ' || (c < ' ' || c == '\u1680' || (c >= '\u2000' && c <= '\u3000')) && Character.isWhitespace(c);
	}

	/** {@code lowerSameLength(text).contains(lowerNeedle)}, without the copy. */
	static boolean containsLowerCased(String text, String lowerNeedle) {
		int m = lowerNeedle.length();
		if (m == 0) {
			return true;
		}
		char first = lowerNeedle.charAt(0);
		for (int i = 0, last = text.length() - m; i <= last; i++) {
			if (lower(text.charAt(i)) != first) {
				continue;
			}
			int j = 1;
			while (j < m && lower(text.charAt(i + j)) == lowerNeedle.charAt(j)) {
				j++;
			}
			if (j == m) {
				return true;
			}
		}
		return false;
	}

	/**
	 * False only when {@code text.toLowerCase().contains(lowerNeedle)} is false too, for a needle of precomposed
	 * lower-case letters and spaces. Each character of such a match lower-cases on its own, as in
	 * {@link #lowerSameLength}, in every locale; the one exception, the Turkic "I" + U+0307 → "i", is let through.
	 */
	static boolean mayContainLowerCased(String text, String lowerNeedle) {
		return containsLowerCased(text, lowerNeedle) || text.indexOf('\u0307') >= 0;
	}

	/** Lower case with the same length as the input, so offsets found in it hold in the original. */
	static String lowerSameLength(String text) {
		int first = 0;
		while (first < text.length() && lower(text.charAt(first)) == text.charAt(first)) {
			first++;
		}
		if (first == text.length()) {
			return text;
		}
		char[] chars = text.toCharArray();
		for (int i = first; i < chars.length; i++) {
			chars[i] = lower(chars[i]);
		}
		return new String(chars);
	}

	/** {@link Character#toLowerCase(char)}, from a table for the Latin and Vietnamese range. */
	private static char lower(char c) {
		return c < LOWER.length ? LOWER[c] : Character.toLowerCase(c);
	}

	private static final char[] LOWER = new char[0x2000];

	static {
		for (char c = 0; c < LOWER.length; c++) {
			LOWER[c] = Character.toLowerCase(c);
		}
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
