package com.clinicsuite.auth.service;

import com.clinicsuite.auth.repository.PharmacyAccessGrantRepository;
import com.clinicsuite.auth.repository.UserAccount;
import com.clinicsuite.auth.repository.UserAccountRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads of users with their grants, in a session of their own (or the caller's). */
@ApplicationScoped
public class UserAccessQueries {

    private final UserAccountRepository users;
    private final PharmacyAccessGrantRepository grants;

    public UserAccessQueries(UserAccountRepository users, PharmacyAccessGrantRepository grants) {
        this.users = users;
        this.grants = grants;
    }

    /** The account with this username, or null. */
    @WithSession
    public Uni<UserAccount> byUsername(String username) {
        return users.findByUsername(username);
    }

    /**
     * The user with their grants, or null when there is no such user. The user row (with its access_changed_at) is
     * read before the grants, on purpose: a grant change committed between the two reads then yields old
     * access_changed_at with new grants, a token that is refused, never the reverse (new value, old grants).
     */
    @WithSession
    public Uni<UserAccess> access(long userId) {
        return users.findById(userId)
                .chain(user -> user == null
                        ? Uni.createFrom().nullItem()
                        : grants.forUser(userId).map(list -> new UserAccess(user, list)));
    }
}
