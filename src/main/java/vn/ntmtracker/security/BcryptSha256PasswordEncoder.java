package vn.ntmtracker.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt over the SHA-256 of the password (base64, 44 bytes): bcrypt reads only the first 72 bytes of its input and
 * refuses longer ones, which made a long passphrase either fail with a 500 or lose its end. Stored as
 * {@code {bcrypt-sha256}$2a$…} by the delegating encoder; older plain bcrypt hashes still match.
 */
final class BcryptSha256PasswordEncoder implements PasswordEncoder {

	private final BCryptPasswordEncoder bcrypt;

	BcryptSha256PasswordEncoder(int strength) {
		this.bcrypt = new BCryptPasswordEncoder(strength);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return bcrypt.encode(prehash(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return rawPassword != null && encodedPassword != null && bcrypt.matches(prehash(rawPassword), encodedPassword);
	}

	static String prehash(CharSequence rawPassword) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}
}
