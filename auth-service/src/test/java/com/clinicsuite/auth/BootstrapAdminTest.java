package com.clinicsuite.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.auth.repository.UserAccountRepository;
import com.clinicsuite.auth.service.AccessChanges;
import com.clinicsuite.auth.service.AuditTrail;
import com.clinicsuite.auth.service.BootstrapAdmin;
import com.clinicsuite.auth.service.PasswordHasher;
import com.clinicsuite.auth.service.PasswordPolicy;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap admin's password is used once. The start-up check runs here as on a restart, in the one situation
 * where it acts: no active admin (every admin is deactivated in the database for the test, then restored).
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class BootstrapAdminTest {

    @Inject
    UserAccountRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    AccessChanges accessChanges;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Test
    void theConfiguredAdminIsCreatedOnceAndARestartNeverResetsOrRevivesIt() throws Throwable {
        String username = AuthApi.unique("first-admin");
        List<Long> admins = deactivateEveryActiveAdmin();
        try {
            startWith(username, "first-Configured-Pass");
            Account created = account(username);
            assertThat(created.roles()).isEqualTo("admin");
            assertThat(created.active()).isTrue();
            assertThat(BcryptUtil.matches("first-Configured-Pass", created.passwordHash()))
                    .isTrue();

            // the admins are lost again (this one too), and the service restarts with another configured password
            setActive(List.of(created.id()), false);
            startWith(username, "second-Configured-Pass");
            Account after = account(username);
            assertThat(after.passwordHash()).isEqualTo(created.passwordHash());
            assertThat(after.active()).isFalse();
        } finally {
            setActive(admins, true);
        }
    }

    @Test
    void anExistingUserWithTheConfiguredNameIsNeverMadeAdminNorGivenThePassword() throws Throwable {
        String username = AuthApi.unique("existing");
        AuthApi.createUser(username, List.of("staff"), null);
        Account before = account(username);
        List<Long> admins = deactivateEveryActiveAdmin();
        try {
            startWith(username, "configured-Pass-123");
        } finally {
            setActive(admins, true);
        }
        assertThat(account(username)).isEqualTo(before);
        AuthApi.login(username, AuthApi.PASSWORD).then().statusCode(200);
        AuthApi.login(username, "configured-Pass-123").then().statusCode(401);
    }

    /** What the start-up check does with these settings (as BootstrapAdmin does on every start). */
    private void startWith(String username, String password) throws Throwable {
        new BootstrapAdmin(
                        TestAuthConfig.bootstrapAdmin(username, password),
                        users,
                        hasher,
                        passwordPolicy,
                        accessChanges,
                        audit,
                        clock)
                .ensureFirstAdmin();
    }

    private record Account(long id, String roles, boolean active, String passwordHash) {}

    private static Account account(String username) throws Exception {
        try (Connection db = SuiteInfrastructure.jdbcConnection();
                PreparedStatement query = db.prepareStatement(
                        "SELECT id, roles, is_active, password_hash FROM app_user WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as(username).isTrue();
                return new Account(rows.getLong(1), rows.getString(2), rows.getBoolean(3), rows.getString(4));
            }
        }
    }

    private static List<Long> deactivateEveryActiveAdmin() throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection db = SuiteInfrastructure.jdbcConnection();
                PreparedStatement update = db.prepareStatement(
                        "UPDATE app_user SET is_active = false WHERE is_active AND ',' || roles || ',' LIKE '%,admin,%'"
                                + " RETURNING id");
                ResultSet rows = update.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static void setActive(List<Long> ids, boolean active) throws Exception {
        try (Connection db = SuiteInfrastructure.jdbcConnection();
                PreparedStatement update =
                        db.prepareStatement("UPDATE app_user SET is_active = ? WHERE id = ANY (?)")) {
            Array array = db.createArrayOf("bigint", ids.toArray());
            update.setBoolean(1, active);
            update.setArray(2, array);
            update.executeUpdate();
        }
    }
}
