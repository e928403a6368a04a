package vn.ntmtracker.extraction;

import java.util.ArrayList;
import java.util.List;

/** Sentence boundaries for rules that read one sentence at a time: ". " (or "; ") before an upper-case letter. */
final class Sentences {

	private Sentences() {
	}

	static List<String> of(String text) {
		List<String> out = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length() - 2; i++) {
			char c = text.charAt(i);
			if ((c == '.' || c == '!' || c == '?') && text.charAt(i + 1) == ' '
					&& Character.isUpperCase(text.charAt(i + 2))) {
				out.add(text.substring(start, i + 1).strip());
				start = i + 2;
			}
		}
		String last = text.substring(start).strip();
		if (!last.isEmpty()) {
			out.add(last);
		}
		return out;
	}
}
