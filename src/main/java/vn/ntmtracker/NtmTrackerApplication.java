package vn.ntmtracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NtmTrackerApplication {

	public static void main(String[] args) {
		SpringApplication.run(NtmTrackerApplication.class, args);
	}
}
