package com.clinicsuite.auth.service;

import com.clinicsuite.auth.repository.Pharmacy;
import com.clinicsuite.auth.repository.PharmacyAccessGrant;
import com.clinicsuite.auth.repository.PharmacyAccessGrantRepository;
import com.clinicsuite.auth.repository.PharmacyRepository;
import com.clinicsuite.auth.repository.UserAccount;
import com.clinicsuite.auth.repository.UserAccountRepository;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.auth.GrantsChanged;
import com.clinicsuite.events.auth.UserAccessChanged;
import com.clinicsuite.events.auth.UserDeactivated;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.security.Claims;
import com.clinicsuite.web.errors.Conflict;
import com.clinicsuite.web.errors.NotFound;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admin changes to users and their pharmacy grants. Each change, its audit entry and its event (through the
 * outbox) commit together. Passwords are hashed before the transaction starts, so no connection waits on bcrypt.
 * A change of what a user may do (grants, roles, center), a password reset or a deactivation also ends the tokens
 * the user holds ({@link AccessChanges}): a token always states the user's current access, or is refused.
 */
@ApplicationScoped
public class UserAdminService {

    private final UserAccountRepository users;
    private final PharmacyRepository pharmacies;
    private final PharmacyAccessGrantRepository grants;
    private final UserAccessQueries accessQueries;
    private final RefreshTokens refreshTokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final AccessChanges accessChanges;
    private final Clock clock;

    public UserAdminService(
            UserAccountRepository users,
            PharmacyRepository pharmacies,
            PharmacyAccessGrantRepository grants,
            UserAccessQueries accessQueries,
            RefreshTokens refreshTokens,
            PasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            AuditTrail audit,
            Outbox outbox,
            AccessChanges accessChanges,
            Clock clock) {
        this.users = users;
        this.pharmacies = pharmacies;
        this.grants = grants;
        this.accessQueries = accessQueries;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
        this.outbox = outbox;
        this.accessChanges = accessChanges;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<UserSummary>> list() {
        return users.listByUsername()
                .chain(all -> grants.countsByUser()
                        .map(counts -> all.stream()
                                .map(u -> new UserSummary(u, counts.getOrDefault(u.id, 0L)))
                                .toList()));
    }

    @WithSession
    public Uni<List<UserAccess>> listWithAccess() {
        return users.listByUsername()
                .chain(all -> grants.allWithPharmacies().map(every -> {
                    Map<Long, List<PharmacyAccessGrant>> byUser =
                            every.stream().collect(Collectors.groupingBy(g -> g.userId));
                    return all.stream()
                            .map(u -> new UserAccess(u, byUser.getOrDefault(u.id, List.of())))
                            .toList();
                }));
    }

    public Uni<UserAccess> get(long userId) {
        return accessQueries.access(userId).onItem().ifNull().failWith(() -> userNotFound(userId));
    }

    public Uni<UserAccess> create(Actor actor, NewUser request) {
        passwordPolicy.check(request.password());
        Set<String> roles = UserRules.roles(request.roles());
        String center = UserRules.center(request.center());
        return hasher.hash(request.password())
                .chain(hash -> Panache.withTransaction(() -> requireUsernameFree(request.username(), null)
                        .chain(() -> users.persist(newUser(request, hash, roles, center)))
                        .call(user -> audit.record(
                                actor,
                                "user.created",
                                "user",
                                user.id,
                                "roles=" + roles + (center == null ? "" : ", center=" + center)))
                        .map(user -> new UserAccess(user, List.of()))));
    }

    private UserAccount newUser(NewUser request, String hash, Set<String> roles, String center) {
        UserAccount user = new UserAccount();
        user.username = request.username();
        user.email = UserRules.blankToNull(request.email());
        user.fullName = UserRules.blankToNull(request.fullName());
        user.passwordHash = hash;
        user.roles = roles;
        user.center = center;
        user.active = true;
        user.createdAt = now();
        user.updatedAt = user.createdAt;
        user.accessChangedAt = accessChanges.initial();
        return user;
    }

    /** Fails with 409 when another user than {@code exceptUserId} has the username. */
    private Uni<Void> requireUsernameFree(String username, Long exceptUserId) {
        return users.usernameTaken(username, exceptUserId)
                .invoke(taken -> {
                    if (taken) {
                        throw usernameTaken(username);
                    }
                })
                .replaceWithVoid();
    }

    public Uni<UserAccess> update(Actor actor, long userId, UserChanges changes) {
        if (changes.password() != null) {
            passwordPolicy.check(changes.password());
        }
        Set<String> roles = changes.roles() == null ? null : UserRules.roles(changes.roles());
        String center = changes.center() == null ? null : UserRules.center(changes.center());
        Uni<String> newHash =
                changes.password() == null ? Uni.createFrom().nullItem() : hasher.hash(changes.password());
        return newHash.chain(hash -> Panache.withTransaction(() -> users.findById(userId)
                .onItem()
                .ifNull()
                .failWith(() -> userNotFound(userId))
                .call(user -> changes.username() == null || changes.username().equals(user.username)
                        ? Uni.createFrom().voidItem()
                        : requireUsernameFree(changes.username(), userId))
                .call(user -> keepsAnAdmin(user, changes, roles))
                .chain(user -> apply(actor, user, changes, roles, center, hash))
                .chain(user -> grants.forUser(userId).map(list -> new UserAccess(user, list)))));
    }

    public Uni<GrantView> setGrant(Actor actor, long userId, long pharmacyId, GrantChange change) {
        boolean canWrite = change.canWrite();
        boolean canRead = change.canRead() || canWrite;
        return Panache.withTransaction(() -> userAndPharmacy(userId, pharmacyId)
                .chain(found -> grants.find(userId, pharmacyId)
                        .chain(existing -> {
                            // read before the write: it changes the existing grant in place
                            boolean differs = grantsDiffer(existing, canRead, canWrite);
                            return writeGrant(found, existing, canRead, canWrite)
                                    .chain(() -> grantsChanged(
                                            actor, found.user(), pharmacyId, canWrite ? "rw" : canRead ? "r" : "none"))
                                    .chain(() -> differs
                                            ? accessChanges.changed(found.user(), List.of(UserAccessChanged.GRANTS))
                                            : Uni.createFrom().voidItem());
                        })
                        .replaceWith(new GrantView(userId, pharmacyId, found.pharmacy().name, canRead, canWrite))));
    }

    /** Whether the new access differs from the grant there was (none: no grant). */
    private static boolean grantsDiffer(PharmacyAccessGrant existing, boolean canRead, boolean canWrite) {
        return existing == null ? canRead : !canRead || existing.canWrite != canWrite || !existing.canRead;
    }

    /** Stores the grant, or removes it for no access at all (which is the absence of a grant). */
    private Uni<Void> writeGrant(
            UserAndPharmacy found, PharmacyAccessGrant existing, boolean canRead, boolean canWrite) {
        if (!canRead) {
            return removeIfPresent(existing);
        }
        PharmacyAccessGrant grant = existing != null ? existing : new PharmacyAccessGrant();
        grant.userId = found.user().id;
        grant.pharmacy = found.pharmacy();
        grant.canRead = true;
        grant.canWrite = canWrite;
        grant.updatedAt = now();
        return grants.persist(grant).replaceWithVoid();
    }

    public Uni<Void> removeGrant(Actor actor, long userId, long pharmacyId) {
        return Panache.withTransaction(() -> userAndPharmacy(userId, pharmacyId)
                .chain(found -> grants.find(userId, pharmacyId)
                        .chain(existing -> existing == null
                                ? Uni.createFrom().voidItem()
                                : removeIfPresent(existing)
                                        .chain(() -> grantsChanged(actor, found.user(), pharmacyId, "none"))
                                        .chain(() -> accessChanges.changed(
                                                found.user(), List.of(UserAccessChanged.GRANTS))))));
    }

    /** What an update changed: audit words, reasons the user's tokens end, and the two that have side effects. */
    private record Applied(
            List<String> changed, List<String> accessReasons, boolean deactivated, boolean passwordReset) {}

    private Uni<UserAccount> apply(
            Actor actor, UserAccount user, UserChanges changes, Set<String> roles, String center, String newHash) {
        Applied applied = change(user, changes, roles, center, newHash);
        if (applied.changed().isEmpty()) {
            return Uni.createFrom().item(user);
        }
        user.updatedAt = now();
        return sideEffects(user, applied)
                .chain(() -> audit.record(actor, "user.updated", "user", user.id, String.join(", ", applied.changed())))
                .replaceWith(user);
    }

    /** Sets the changed fields on the (managed) user; writes nothing else. */
    private Applied change(UserAccount user, UserChanges changes, Set<String> roles, String center, String newHash) {
        List<String> changed = new ArrayList<>();
        List<String> accessReasons = new ArrayList<>();
        if (changes.username() != null && !changes.username().equals(user.username)) {
            user.username = changes.username();
            changed.add("username");
        }
        if (changes.email() != null && !Objects.equals(UserRules.blankToNull(changes.email()), user.email)) {
            user.email = UserRules.blankToNull(changes.email());
            changed.add("email");
        }
        if (changes.fullName() != null && !Objects.equals(UserRules.blankToNull(changes.fullName()), user.fullName)) {
            user.fullName = UserRules.blankToNull(changes.fullName());
            changed.add("full_name");
        }
        if (roles != null && !roles.equals(user.roles)) {
            user.roles = roles;
            changed.add("roles=" + roles);
            accessReasons.add(UserAccessChanged.ROLES);
        }
        if (changes.center() != null && !Objects.equals(center, user.center)) {
            user.center = center;
            changed.add("center=" + center);
            accessReasons.add(UserAccessChanged.CENTER);
        }
        boolean deactivated = Boolean.FALSE.equals(changes.isActive()) && user.active;
        if (changes.isActive() != null && changes.isActive() != user.active) {
            user.active = changes.isActive();
            user.deactivatedAt = user.active ? null : now();
            changed.add("is_active=" + user.active);
        }
        if (deactivated) {
            accessReasons.add(UserAccessChanged.DEACTIVATED);
        }
        if (newHash != null) {
            user.passwordHash = newHash;
            changed.add("password reset");
            accessReasons.add(UserAccessChanged.PASSWORD_RESET);
        }
        return new Applied(changed, accessReasons, deactivated, newHash != null);
    }

    /** Ends the user's sessions, announces a deactivation and records the access change, as the change requires. */
    private Uni<Void> sideEffects(UserAccount user, Applied applied) {
        Uni<Void> sideEffects = Uni.createFrom().voidItem();
        if (applied.deactivated()
                || applied.passwordReset()
                || applied.accessReasons().contains(UserAccessChanged.ROLES)) {
            // these end every session the user had: the user signs in again (a grant or center change does not;
            // the client's next refresh then carries the new access)
            sideEffects = refreshTokens.revokeAllOf(user.id).replaceWithVoid();
        }
        if (applied.deactivated()) {
            sideEffects = sideEffects.chain(() -> outbox.publish(
                            EventCatalog.USER_DEACTIVATED,
                            user.id.toString(),
                            new UserDeactivated(user.id, user.username, user.deactivatedAt.toInstant()))
                    .replaceWithVoid());
        }
        if (!applied.accessReasons().isEmpty()) {
            sideEffects = sideEffects.chain(() -> accessChanges.changed(user, applied.accessReasons()));
        }
        return sideEffects;
    }

    /** Refuses to deactivate or demote the last active admin: nobody could administer the suite anymore. */
    private Uni<Void> keepsAnAdmin(UserAccount user, UserChanges changes, Set<String> roles) {
        boolean isActiveAdmin = user.active && user.roles.contains(Claims.ROLE_ADMIN);
        boolean losesAdmin =
                Boolean.FALSE.equals(changes.isActive()) || (roles != null && !roles.contains(Claims.ROLE_ADMIN));
        if (!isActiveAdmin || !losesAdmin) {
            return Uni.createFrom().voidItem();
        }
        return users.otherActiveAdminExists(user.id)
                .invoke(others -> {
                    if (!others) {
                        throw new Conflict("User " + user.id + " is the last active admin");
                    }
                })
                .replaceWithVoid();
    }

    private record UserAndPharmacy(UserAccount user, Pharmacy pharmacy) {}

    private Uni<UserAndPharmacy> userAndPharmacy(long userId, long pharmacyId) {
        return users.findById(userId)
                .onItem()
                .ifNull()
                .failWith(() -> userNotFound(userId))
                .chain(user -> pharmacies
                        .findById(pharmacyId)
                        .onItem()
                        .ifNull()
                        .failWith(() -> new NotFound("Pharmacy " + pharmacyId + " not found"))
                        .map(pharmacy -> new UserAndPharmacy(user, pharmacy)));
    }

    private Uni<Void> removeIfPresent(PharmacyAccessGrant existing) {
        return existing == null ? Uni.createFrom().voidItem() : grants.delete(existing);
    }

    /** Publishes the user's complete new set of grants and audits the change. */
    private Uni<Void> grantsChanged(Actor actor, UserAccount user, long pharmacyId, String access) {
        return grants.flush()
                .chain(() -> grants.forUser(user.id))
                .chain(current -> {
                    List<GrantsChanged.Grant> all = current.stream()
                            .map(g -> new GrantsChanged.Grant(g.pharmacy.id, g.canRead, g.canWrite))
                            .toList();
                    return outbox.publish(
                            EventCatalog.GRANTS_CHANGED,
                            user.id.toString(),
                            new GrantsChanged(user.id, user.username, all, clock.instant()));
                })
                .chain(() -> audit.record(
                        actor, "user.grant_changed", "user", user.id, "pharmacy " + pharmacyId + ": " + access));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static NotFound userNotFound(long userId) {
        return new NotFound("User " + userId + " not found");
    }

    private static Conflict usernameTaken(String username) {
        return new Conflict("Username '" + username + "' is already taken");
    }
}
