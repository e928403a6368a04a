package vn.ntmtracker.extraction;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The tests' own reading of an expected directive text, independent of the production scorer they check: equal
 * apart from case, punctuation and spacing, or, when the expectation is abbreviated "start … end", the same start
 * and the same end.
 */
final class ExpectedText {

	private ExpectedText() {
	}

	static boolean matches(String expected, String actual) {
		if (expected == null || actual == null) {
			return expected == actual;
		}
		int ellipsis = expected.indexOf('…');
		String a = plain(actual);
		if (ellipsis < 0) {
			return plain(expected).equals(a);
		}
		String head = plain(expected.substring(0, ellipsis));
		String tail = plain(expected.substring(ellipsis + 1));
		return a.length() >= head.length() + tail.length() && a.startsWith(head) && a.endsWith(tail);
	}

	/** Lower case NFC letters and digits, every other run of characters one space. */
	private static String plain(String s) {
		String nfc = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(nfc.length());
		boolean space = false;
		for (int i = 0; i < nfc.length(); i++) {
			char c = nfc.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				if (space && !out.isEmpty()) {
					out.append(' ');
				}
				out.append(c);
				space = false;
			}
			else {
				space = true;
			}
		}
		return out.toString();
	}
}
