package com.clinicsuite.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class UserAccountRepository implements PanacheRepositoryBase<UserAccount, Long> {

    public Uni<UserAccount> findByUsername(String username) {
        return find("username", username).firstResult();
    }

    public Uni<Boolean> usernameTaken(String username, Long exceptId) {
        return count("username = ?1 and id <> ?2", username, exceptId == null ? -1L : exceptId)
                .map(n -> n > 0);
    }

    private static final String IS_ACTIVE_ADMIN = "active = true and (roles = 'admin' or roles like 'admin,%' "
            + "or roles like '%,admin' or roles like '%,admin,%')";

    /** Whether an active admin exists (roles is a comma list, so the role is matched as a whole item). */
    public Uni<Boolean> activeAdminExists() {
        return count(IS_ACTIVE_ADMIN).map(n -> n > 0);
    }

    public Uni<Boolean> otherActiveAdminExists(long userId) {
        return count(IS_ACTIVE_ADMIN + " and id <> ?1", userId).map(n -> n > 0);
    }

    public Uni<List<UserAccount>> listByUsername() {
        return listAll(Sort.by("username"));
    }
}
