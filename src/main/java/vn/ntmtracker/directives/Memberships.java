package vn.ntmtracker.directives;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ntmtracker.security.Authorization;
import vn.ntmtracker.security.Authorization.Target;
import vn.ntmtracker.security.Permission;

/**
 * Who belongs to which organisation, for other modules: the account pages show and edit a user's organisations, and
 * notifications go to the members of the bodies a directive is assigned to. Adding or removing a member is an edit of
 * the organisation: {@link Permission#EDIT_ORGANISATION} over its unit today (the caller checks that it manages the
 * account). Both are audited.
 */
@Service
public class Memberships {

	private final Organisations organisations;
	private final Authorization authorization;
	private final DirectiveMessages messages;
	private final Clock clock;

	Memberships(Organisations organisations, Authorization authorization, DirectiveMessages messages, Clock clock) {
		this.organisations = organisations;
		this.authorization = authorization;
		this.messages = messages;
		this.clock = clock;
	}

	/** A refused change, with the reason in the request's language. */
	public static class RefusedException extends RuntimeException {

		RefusedException(String message) {
			super(message);
		}
	}

	public List<Organisation> of(String username) {
		return organisations.organisationsOf(username);
	}

	public Optional<Organisation> find(long organisationId) {
		return organisations.find(organisationId);
	}

	/**
	 * Organisations whose name or code matches (diacritics ignored) and whose members the current user may change, at
	 * most {@code limit} (of the first ten times as many matches).
	 */
	public List<Organisation> search(String query, int limit) {
		List<Organisation> found = query == null || query.isBlank() ? organisations.all() : organisations.search(query);
		LocalDate today = LocalDate.now(clock);
		return found.stream().limit(limit * 10L)
			.filter(o -> authorization.may(Permission.EDIT_ORGANISATION, Target.unit(o.unitCode(), today))).limit(limit).toList();
	}

	/** Usernames of the members of any of these organisations. */
	public Set<String> membersOf(Collection<Long> organisationIds) {
		return organisations.membersOfAny(organisationIds);
	}

	@Transactional
	public void add(String username, long organisationId) {
		Organisation organisation = require(organisationId);
		authorization.require(Permission.EDIT_ORGANISATION, Target.unit(organisation.unitCode(), LocalDate.now(clock)));
		organisations.addMember(organisationId, username);
	}

	@Transactional
	public void remove(String username, long organisationId) {
		Organisation organisation = require(organisationId);
		authorization.require(Permission.EDIT_ORGANISATION, Target.unit(organisation.unitCode(), LocalDate.now(clock)));
		if (!organisations.removeMember(organisationId, username)) {
			throw new RefusedException(messages.text("membership.error.notMember", username, organisation.name()));
		}
	}

	private Organisation require(long organisationId) {
		return organisations.find(organisationId)
			.orElseThrow(() -> new RefusedException(messages.text("organisation.error.unknown", String.valueOf(organisationId))));
	}
}
