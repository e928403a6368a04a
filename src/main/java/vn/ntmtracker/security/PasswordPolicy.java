package vn.ntmtracker.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password chosen by a person must be (ASVS V2.1): 12 to 128 characters, not blank nor one character
 * repeated, not the username, not on the list of common passwords. Passwords longer than bcrypt's 72 bytes are
 * fine: {@link BcryptSha256PasswordEncoder} hashes them whole. Returns the message key of the first problem.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;
	static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	static Optional<String> problem(String username, String password) {
		if (password == null) {
			return Optional.of("password.error.short");
		}
		String normalized = Normalizer.normalize(password, Normalizer.Form.NFC);
		int length = normalized.codePointCount(0, normalized.length());
		if (length < MIN_LENGTH || normalized.strip().codePointCount(0, normalized.strip().length()) < MIN_LENGTH) {
			return Optional.of("password.error.short");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("password.error.long");
		}
		if (normalized.codePoints().distinct().count() < 4) {
			return Optional.of("password.error.weak");
		}
		String lower = normalized.toLowerCase(Locale.ROOT);
		if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("password.error.username");
		}
		if (COMMON.contains(lower) || COMMON.contains(lower.replaceAll("[0-9!@#.\\-_ ]+$", ""))) {
			return Optional.of("password.error.common");
		}
		return Optional.empty();
	}

	private static Set<String> load() {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("security/common-passwords.txt is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
