package vn.ntmtracker.extraction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Matcher#find()} for patterns that open with a lookaround or a branch, which the regex engine tries at every
 * position of the text: the caller names, as a cheap test, the only positions where a match can start, and the
 * pattern runs there alone. Only for patterns that cannot match the empty string. The outcome is that of
 * {@code find()}, the same match included, because every match begins where the test holds and a region with transparent, non-anchoring bounds lets the pattern see the whole
 * text around it.
 */
final class RegexScan {

	/** Whether a match may start at {@code i} of {@code text}; must hold wherever one does. */
	@FunctionalInterface
	interface StartTest {

		boolean mayStartAt(String text, int i);
	}

	private final Matcher matcher;

	private final String text;

	private final StartTest test;

	private int from;

	RegexScan(Pattern pattern, String text, StartTest test) {
		this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
		this.text = text;
		this.test = test;
	}

	/** Finds the next match, as {@code matcher().find()} would; on success {@link #matcher()} holds it. */
	boolean find() {
		for (int i = from; i < text.length(); i++) {
			if (test.mayStartAt(text, i) && matcher.region(i, text.length()).lookingAt()) {
				// Like find(): the next search starts where this match ends.
				from = matcher.end();
				return true;
			}
		}
		from = text.length();
		return false;
	}

	Matcher matcher() {
		return matcher;
	}

	static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}
}
