/** Prints the password hash the application stores for a password (its DelegatingPasswordEncoder, bcrypt). */
public class Hash {

	public static void main(String[] args) {
		System.out.println(org.springframework.security.crypto.factory.PasswordEncoderFactories
			.createDelegatingPasswordEncoder().encode(args[0]));
	}
}
