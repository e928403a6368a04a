package vn.ntmtracker.security;

/** What a user may do within the unit subtree a role is granted on. */
public enum Role {

	ADMIN(true),
	COORDINATION(true),
	SECTOR(true),
	COMMUNE_OFFICER(true),
	VILLAGE_BOARD(true),
	LEADER(false);

	private final boolean writes;

	Role(boolean writes) {
		this.writes = writes;
	}

	public boolean writes() {
		return writes;
	}

	public String messageKey() {
		return "role." + name();
	}
}
