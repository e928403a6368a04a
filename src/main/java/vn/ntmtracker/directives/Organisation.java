package vn.ntmtracker.directives;

/** A body that issues documents or receives directives, attached to the unit it belongs to. */
public record Organisation(long id, String code, Kind kind, String name, String unitCode, int version) {

	public enum Kind {
		PEOPLES_COMMITTEE, PARTY_COMMITTEE, STEERING_COMMITTEE, FATHERLAND_FRONT, MASS_ORGANISATION, VILLAGE_BOARD,
		DEPARTMENT, COORDINATION_OFFICE, PROJECT_BOARD, WORKING_GROUP, OTHER;

		public String messageKey() {
			return "organisation.kind." + name();
		}
	}
}
