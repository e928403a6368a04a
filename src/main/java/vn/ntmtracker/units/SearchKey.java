package vn.ntmtracker.units;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The form of a Vietnamese text used for searching: no diacritics, lower case, single spaces.
 * "Cẩm Quang" in NFC or NFD, "CAM QUANG" and "cam  quang" all give "cam quang"; đ becomes d.
 */
public final class SearchKey {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern SPACES = Pattern.compile("\\s+");

	private SearchKey() {
	}

	public static String of(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String stripped = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return SPACES.matcher(stripped.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").trim();
	}

	/** NFC, trimmed, inner whitespace collapsed: how every name is stored. */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").trim();
	}
}
