package vn.ntmtracker.criteria;

import java.util.List;

/**
 * What publishing a draft version will change in the modules that hold work on criteria sets, named on the
 * confirmation page before the administrator publishes (the assessment module moves the open rounds the new version
 * will judge). Implemented by those modules; the criteria module knows none of them.
 */
public interface PublicationImpact {

	/** One Vietnamese line per record that will change when {@code draft} is published; empty when nothing will. */
	List<String> of(CriteriaSetDefinition draft);
}
