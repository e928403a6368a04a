package vn.ntmtracker.security;

/**
 * A redirect target given by the client is followed only when it is a path on this site: "/plans/3?x=1", never
 * "//evil.example", "https://…" or "/\evil" (ASVS V5.1.5, open redirects).
 */
final class LocalPath {

	private LocalPath() {
	}

	static String orNull(String target) {
		if (target == null || target.isEmpty() || target.length() > 2000 || !target.startsWith("/")
				|| target.startsWith("//") || target.startsWith("/\\")) {
			return null;
		}
		for (int i = 0; i < target.length(); i++) {
			char c = target.charAt(i);
			if (c < 0x20 || c == 0x7f || c == '\\') {
				return null;
			}
		}
		return target;
	}
}
