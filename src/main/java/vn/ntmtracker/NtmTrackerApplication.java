package vn.ntmtracker;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import vn.ntmtracker.extraction.ExtractCli;

@SpringBootApplication
public class NtmTrackerApplication {

	/**
	 * {@code java -jar ntm-tracker.jar extract FILE...} reads documents into JSON drafts without starting the
	 * web server or the database; anything else starts the application.
	 */
	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("extract")) {
			System.exit(ExtractCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		SpringApplication.run(NtmTrackerApplication.class, args);
	}
}
