package vn.ntmtracker.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"'            ' | password.error.short",
			"'   abc   def   ' | password.error.short",
			"short-pass1 | password.error.short",
			"aaaaaaaaaaaaaaa | password.error.weak",
			"ababababababab | password.error.weak",
			"camquang-2024-x | password.error.username",
			"matkhaumoi | password.error.short",
			"nongthonmoi2024 | password.error.common",
			"Password1234 | password.error.common",
			"123456789012 | password.error.common" })
	void refuses(String password, String problem) {
		assertThat(PasswordPolicy.problem("camquang", password)).contains(problem);
	}

	@Test
	void acceptsPassphrasesFromTwelveToOneHundredTwentyEightCharacters() {
		assertThat(PasswordPolicy.problem("camquang", "đường làng sạch đẹp")).isEmpty();
		assertThat(PasswordPolicy.problem("camquang", "x9!Lk2#pQ7vz")).isEmpty();
		assertThat(PasswordPolicy.problem("camquang", "ab1".repeat(42) + "zz")).as("128").isEmpty();
		assertThat(PasswordPolicy.problem("camquang", "ab1".repeat(43))).as("129").contains("password.error.long");
	}
}
