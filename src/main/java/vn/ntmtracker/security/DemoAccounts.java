package vn.ntmtracker.security;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.ntmtracker.StartupTask;

/** Documented demo accounts (profile {@code demo} only), all with the password {@code ntm-demo}. */
@Component
@Profile("demo")
@Order(2)
class DemoAccounts implements StartupTask {

	static final String PASSWORD = "ntm-demo";

	record Account(String username, String displayName, Role role, String unitCode, Set<String> criteria) {
	}

	static final List<Account> ACCOUNTS = List.of(
			new Account("admin", "Quản trị hệ thống", Role.ADMIN, null, Set.of()),
			new Account("camquang", "Cán bộ NTM xã Cẩm Quang", Role.COMMUNE_OFFICER, "HT-CAMQUANG", Set.of()),
			new Account("camlinh", "Cán bộ NTM xã Cẩm Lĩnh", Role.COMMUNE_OFFICER, "HT-CAMLINH", Set.of()),
			new Account("camthach", "Cán bộ NTM xã Cẩm Thạch", Role.COMMUNE_OFFICER, "TH-CAMTHACH", Set.of()),
			new Account("camluong", "Cán bộ NTM xã Cẩm Lương", Role.COMMUNE_OFFICER, "TH-CAMLUONG", Set.of()),
			new Account("banbo", "Cán bộ NTM xã Bản Bo", Role.COMMUNE_OFFICER, "LC-BANBO", Set.of()),
			new Account("thon6", "Ban phát triển thôn 6, xã Cẩm Lĩnh", Role.VILLAGE_BOARD, "HT-CAMLINH-T6", Set.of()),
			new Account("vpdp-hatinh", "Văn phòng điều phối NTM tỉnh Hà Tĩnh", Role.COORDINATION, "42", Set.of()),
			new Account("vpdp-thanhhoa", "Văn phòng điều phối NTM tỉnh Thanh Hóa", Role.COORDINATION, "38", Set.of()),
			new Account("so-nnmt-hatinh", "Sở Nông nghiệp và Môi trường Hà Tĩnh (tiêu chí Môi trường)", Role.SECTOR, "42",
					Set.of("*:17")),
			new Account("lanhdao-hatinh", "Thường trực UBND tỉnh Hà Tĩnh", Role.LEADER, "42", Set.of()),
			// directives module: the district body that issued seed 002, and one of its departments
			new Account("vpdp-camxuyen", "Văn phòng điều phối NTM huyện Cẩm Xuyên", Role.COORDINATION, "HT-CAMXUYEN", Set.of()),
			new Account("pktht-camxuyen", "Phòng Kinh tế - Hạ tầng huyện Cẩm Xuyên (quy hoạch, giao thông, điện)", Role.SECTOR,
					"HT-CAMXUYEN", Set.of("*:1", "*:2", "*:4")));

	private final UserAccounts accounts;

	DemoAccounts(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void run() {
		for (Account account : ACCOUNTS) {
			if (accounts.find(account.username()).isEmpty()) {
				accounts.create(account.username(), account.displayName(), PASSWORD, false,
						List.of(new Grant(account.role(), account.unitCode(), account.criteria())));
			}
		}
	}
}
