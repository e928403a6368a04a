package vn.ntmtracker.directives;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.ntmtracker.IntegrationTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The buckets of seed 002 (06/TB-BCĐ on Cẩm Quang) as of 01/5/2024, counted by hand from the seed and the
 * demo progress entered in {@link DirectivesDemoData}. 34 items: 29 directives (§1: 12, §2: 11 incl. the
 * lead-in to UBND huyện and Phòng KT-HT split by its three deadlines, §3: 5, §4: 1) and 5 requests (§5).
 * <ul>
 * <li>completed on time 4: 1.2 (done 22/3, due 25/3), 1.3 (due 31/3 extended on 28/3 to 15/4, done 12/4),
 * 2.5 (done 25/4, due 30/10), 3.5 (no deadline, done 20/4);</li>
 * <li>completed late 1: 5.1 (due 10/4, done 18/4);</li>
 * <li>overdue 2: 1.10 (due 30/4, done only on 20/5), 5.2 (due 10/4, progress only);</li>
 * <li>in progress 9: 1.1 (thường xuyên), 1.4 (due 15/5), 1.8, 2.1c (due 30/6), 2.3, 2.8, 3.3, 4 (hàng tuần), 5.3 —
 * each with a progress report dated before 1/5;</li>
 * <li>not yet due 18: the rest — 1.5, 1.6, 1.7, 1.9, 1.11, 1.12, 2, 2.1a (done 10/7, after the day), 2.1b, 2.2, 2.4,
 * 2.6, 2.7, 3.1, 3.2, 3.4, 5.4, 5.5.</li>
 * </ul>
 */
@IntegrationTest
class DirectiveBucketsIntegrationTests {

	static final String PASSWORD = "ntm-demo";

	@Autowired
	MockMvc mvc;

	@Test
	void seed002AsOfFirstOfMayMatchesTheHandCount() throws Exception {
		mvc.perform(get("/api/directives/buckets").param("unit", "HT-CAMQUANG").param("asOf", "2024-05-01")
				.with(httpBasic("vpdp-hatinh", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notDue").value(18))
			.andExpect(jsonPath("$.inProgress").value(9))
			.andExpect(jsonPath("$.overdue").value(2))
			.andExpect(jsonPath("$.completedOnTime").value(4))
			.andExpect(jsonPath("$.completedLate").value(1));
	}

	@Test
	void beforeTheWorkingSessionNothingIsCounted() throws Exception {
		mvc.perform(get("/api/directives/buckets").param("unit", "HT-CAMQUANG").param("asOf", "2024-03-11")
				.with(httpBasic("vpdp-hatinh", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notDue").value(0))
			.andExpect(jsonPath("$.inProgress").value(0));
	}

	@Test
	void aVillageCountsOnlyDirectivesTargetingIt() throws Exception {
		// 1.3 (village plan frameworks) and 1.10 (model residential areas) name every village.
		mvc.perform(get("/api/directives/buckets").param("unit", "HT-CAMQUANG-T4").param("asOf", "2024-05-01")
				.with(httpBasic("camquang", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.overdue").value(1))
			.andExpect(jsonPath("$.completedOnTime").value(1))
			.andExpect(jsonPath("$.notDue").value(0));
	}

	@Test
	void sectorDepartmentCountsOnlyItsCriterion() throws Exception {
		// so-nnmt-hatinh is limited to criterion 17: 1.8, 2.3 and 3.3, all in progress on 1/5/2024.
		mvc.perform(get("/api/directives/buckets").param("unit", "HT-CAMQUANG").param("asOf", "2024-05-01")
				.with(httpBasic("so-nnmt-hatinh", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inProgress").value(3))
			.andExpect(jsonPath("$.notDue").value(0))
			.andExpect(jsonPath("$.overdue").value(0));
	}

	@Test
	void bucketsAreScopeChecked() throws Exception {
		mvc.perform(get("/api/directives/buckets").param("unit", "HT-CAMQUANG").param("asOf", "2024-05-01"))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/directives/buckets").param("unit", "LC-BANBO").param("asOf", "2024-05-01")
				.with(httpBasic("camquang", PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/directives/buckets").param("unit", "LC-BANBO").param("asOf", "2023-07-01")
				.with(httpBasic("banbo", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.completedOnTime").value(1))
			.andExpect(jsonPath("$.completedLate").value(1))
			.andExpect(jsonPath("$.overdue").value(1))
			.andExpect(jsonPath("$.notDue").value(8));
	}
}
