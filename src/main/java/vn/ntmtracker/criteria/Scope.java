package vn.ntmtracker.criteria;

/** National, or one province (its code and name); both fields are null for a national set. */
public record Scope(String provinceCode, String provinceName) {

	public static final Scope NATIONAL = new Scope(null, null);

	public static Scope province(String code, String name) {
		return new Scope(code, name);
	}

	public boolean national() {
		return provinceCode == null && provinceName == null;
	}

	public String label() {
		return national() ? "Toàn quốc" : provinceName;
	}
}
