package vn.ntmtracker.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.ntmtracker.Fixtures;
import vn.ntmtracker.IntegrationTest;
import vn.ntmtracker.assessment.Assessments;
import vn.ntmtracker.assessment.TestRounds;
import vn.ntmtracker.security.Role;
import vn.ntmtracker.security.UserAccounts;

/** Each role's home page answers "what do I do now?" from its own data. */
@IntegrationTest
class HomePagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestRounds rounds;

	@Autowired
	Assessments assessments;

	String page(String username, String path) throws Exception {
		return mvc.perform(get(path).with(user(accounts.loadUserByUsername(username)))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	@Test
	void aCommuneOfficerSeesTheStandingTheUnmetCriteriaWithoutTasksAndWhatWasReturned() throws Exception {
		String commune = fixtures.commune("38", "BTB", 1);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "38");
		long signed = rounds.draft(officer, commune, "QD318-2022-XA-NTM", LocalDate.of(2023, 6, 30), Set.of(2, 17));
		rounds.as(officer, () -> {
			assessments.submit(signed, assessments.round(signed).version());
			return null;
		});
		rounds.as(office, () -> {
			assessments.verify(signed, assessments.round(signed).version());
			return null;
		});
		long open = rounds.draft(officer, commune, "QD318-2022-XA-NTM", LocalDate.of(2024, 1, 31), Set.of(17));
		rounds.as(officer, () -> {
			assessments.submit(open, assessments.round(open).version());
			return null;
		});
		rounds.as(office, () -> {
			assessments.returnToSubmitter(open, "Thiếu biên bản thu gom rác", assessments.round(open).version());
			return null;
		});

		String home = page(officer, "/");
		assertThat(home).contains("id=\"standing\"", "17/19", "18/19", "17. Môi trường", "chưa có nhiệm vụ", "id=\"returned\"",
				"Thiếu biên bản thu gom rác");
		// the office sees the submitted round nowhere (it was returned) and the commune among its communes
		assertThat(page(office, "/")).contains("id=\"awaiting\"", "id=\"communes\"", commune.replace("-", "-"));
	}

	@Test
	void anOfficeSeesTheRoundsWaitingForItsSignOff() throws Exception {
		String commune = fixtures.commune("38", "BTB", 0);
		String officer = fixtures.user(Role.COMMUNE_OFFICER, commune);
		String office = fixtures.user(Role.COORDINATION, "38");
		long round = rounds.draft(officer, commune, "QD318-2022-XA-NTM", LocalDate.of(2024, 3, 31), Set.of());
		rounds.as(officer, () -> {
			assessments.submit(round, assessments.round(round).version());
			return null;
		});
		assertThat(page(office, "/")).contains("/assessments/" + round + "\"", "Xã kiểm thử " + commune);
		assertThat(page(fixtures.user(Role.COORDINATION, "42"), "/")).doesNotContain("/assessments/" + round + "\"");
	}

	@Test
	void theLeaderSeesTheProvinceAtAGlanceWithChartsAndTables() throws Exception {
		String home = page("lanhdao-hatinh", "/");
		assertThat(home).contains("id=\"leader-cards\"", "id=\"trend\"", "data-chart=", "id=\"overdue-by-assignee\"", "id=\"meeting-link\"",
				"chart.umd.min.js");
		assertThat(home).doesNotContain("<script>").doesNotContain("style=");
		String meeting = page("lanhdao-hatinh", "/meeting");
		assertThat(meeting).contains("class=\"meeting\"", "id=\"trend\"", "id=\"watch\"").doesNotContain("class=\"topbar\"");
	}

	@Test
	void theAdministratorSeesTheFirstRunChecklist() throws Exception {
		String home = page("admin", "/");
		assertThat(home).contains("id=\"first-run\"", "id=\"step-units\"", "id=\"step-users\"", "/units/template.csv");
	}

	@Test
	void anAccountWithoutARoleIsToldSo() throws Exception {
		String nobody = Fixtures.uniqueCode("nobody").toLowerCase();
		accounts.create(nobody, "Chưa có vai trò", Fixtures.PASSWORD, false, java.util.List.of());
		assertThat(page(nobody, "/")).contains("id=\"no-role\"");
	}
}
