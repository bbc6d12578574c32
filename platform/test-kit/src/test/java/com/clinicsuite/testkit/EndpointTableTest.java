package com.clinicsuite.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicsuite.testkit.AccessRule.Expected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matrix's table as committed, the reader's refusals, what each access rule expects of each caller, and the
 * path parameters a new row gets without code.
 */
class EndpointTableTest {

    @TempDir
    Path dir;

    @Test
    void theCommittedTableReadsAndCoversEveryService() {
        EndpointTable table = EndpointTable.load();
        assertThat(table.file()).endsWith(EndpointTable.RELATIVE);
        for (String service : new String[] {
            "auth-service", "credit-balance-service", "debtor-service", "import-service", "notification-service"
        }) {
            assertThat(table.rowsOf(service)).as(service).isNotEmpty();
        }
        // the contract: notification settings need admin or write, and the preview only read
        assertThat(table.rows())
                .filteredOn(r -> r.path().equals("/pharmacies/{pharmacy_id}/notification-settings"))
                .extracting(EndpointTable.Endpoint::access)
                .containsOnly(AccessRule.PHARMACY_WRITE);
    }

    @Test
    void malformedRowsAreRefusedWithTheirLineNumbers() throws IOException {
        Path file = write(
                "# header",
                "GET\t/a\tdebtor-service\tpharmacy-read",
                "GET\t/a\tdebtor-service\tadmin",
                "FETCH\t/b\tdebtor-service\tadmin",
                "GET\t/c\tdebtor-service\tstaff",
                "GET\t/d\tdebtor-service",
                "GET\tno-slash\tdebtor-service\tadmin");
        assertThatThrownBy(() -> EndpointTable.parse(file))
                .hasMessageContaining("3: GET /a is listed twice (also line 2)")
                .hasMessageContaining("4: unknown method FETCH")
                .hasMessageContaining("5: unknown access 'staff'; one of public, webhook,")
                .hasMessageContaining("6: expected 4 tab-separated columns")
                .hasMessageContaining("7: the path must start with /");
    }

    @Test
    void rowsAreKeptWithTheirService() throws IOException {
        EndpointTable table = EndpointTable.parse(
                write("GET\t/x/{id}\timport-service\tadmin", "", "POST\t/y\tdebtor-service\tpharmacy-write"));
        assertThat(table.rowsOf("import-service")).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("GET /x/{id}");
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.toString()).isEqualTo("GET /x/{id} [admin, endpoints.tsv:1]");
        });
        assertThat(EndpointTable.Endpoint.missingRow("PUT", "/z", "auth-service"))
                .isEqualTo("PUT\t/z\tauth-service\t<access>");
    }

    @Test
    void rowsOfEveryServiceBelongToEachService() throws IOException {
        EndpointTable table =
                EndpointTable.parse(write("GET\t/ops/x\t*\tadmin", "POST\t/y\tdebtor-service\tpharmacy-write"));
        assertThat(table.rowsOf("debtor-service"))
                .extracting(EndpointTable.Endpoint::key)
                .containsExactly("GET /ops/x", "POST /y");
        assertThat(table.rowsOf("auth-service"))
                .extracting(EndpointTable.Endpoint::key)
                .containsExactly("GET /ops/x");
        // the committed table: platform-outbox's operations endpoints, admin only, in every service
        assertThat(EndpointTable.load().rowsOf("auth-service"))
                .filteredOn(r -> r.path().startsWith("/ops/"))
                .extracting(EndpointTable.Endpoint::access)
                .hasSize(7)
                .containsOnly(AccessRule.ADMIN_ONLY);
        assertThat(EndpointTable.Endpoint.missingRow("PUT", "/z", "auth-service"))
                .isEqualTo("PUT\t/z\tauth-service\t<access>");
    }

    @Test
    void eachRuleExpectsWhatDocsSecurityMdSays() {
        // rows: the callers in MatrixCaller order; A = authorized, U = 401, F = 403, H = 404
        Map<AccessRule, String> table = new EnumMap<>(AccessRule.class);
        table.put(AccessRule.PUBLIC, "AAAAAAAAAA");
        table.put(AccessRule.WEBHOOK, "AAAAAAAAAA");
        table.put(AccessRule.AUTHENTICATED, "UUUAAAAAAA");
        table.put(AccessRule.ADMIN_ONLY, "UUUFFFFFFA");
        table.put(AccessRule.STAFF_WITH_CENTER, "UUUFFFAAFA");
        table.put(AccessRule.STAFF_OWN_CENTER, "UUUFFFFAFA");
        table.put(AccessRule.STAFF_OWN_CENTER_HIDDEN, "UUUFFFHAFA");
        table.put(AccessRule.PHARMACY_READ, "UUUFAAFFFA");
        table.put(AccessRule.PHARMACY_WRITE, "UUUFFAFFFA");
        assertThat(table).containsOnlyKeys(AccessRule.values());
        table.forEach((rule, expected) -> {
            StringBuilder actual = new StringBuilder();
            for (MatrixCaller caller : MatrixCaller.values()) {
                Expected e = rule.expectedFor(caller);
                actual.append(
                        switch (e) {
                            case AUTHORIZED -> 'A';
                            case UNAUTHENTICATED -> 'U';
                            case FORBIDDEN -> 'F';
                            case HIDDEN -> 'H';
                        });
            }
            assertThat(actual.toString()).as(rule.word()).isEqualTo(expected);
            assertThat(AccessRule.of(rule.word())).contains(rule);
        });
    }

    @Test
    void aNewRowsPathParametersHaveDefaults() {
        AuthorizationMatrixContract contract = new AuthorizationMatrixContract() {
            @Override
            protected String service() {
                return "debtor-service";
            }

            @Override
            protected long pharmacyId() {
                return 42;
            }
        };
        EndpointTable.Endpoint row = new EndpointTable.Endpoint(
                "POST", "/ops/{pharmacy_id}/dead-letters/{dlq_id}/{topic}", "debtor-service", AccessRule.ADMIN_ONLY, 1);
        assertThat(contract.pathParameter("pharmacy_id", row, MatrixCaller.ADMIN))
                .isEqualTo("42");
        assertThat(contract.pathParameter("dlq_id", row, MatrixCaller.ADMIN)).isEqualTo("999999999");
        assertThat(contract.pathParameter("topic", row, MatrixCaller.ADMIN)).isEqualTo("matrix");
    }

    private Path write(String... lines) throws IOException {
        return Files.write(
                dir.resolve("endpoints.tsv"), String.join("\n", lines).getBytes());
    }
}
