package com.clinicsuite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicsuite.outbox.JsonRowsInsert.Type;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

    private final SqlDialect postgresql = new SqlDialect("postgresql");
    private final SqlDialect mssql = new SqlDialect("mssql");

    @Test
    void theDatabaseKindIsReadOnceIntoOneOfTheTwoDialects() {
        assertThat(postgresql.isPostgresql()).isTrue();
        assertThat(postgresql.isMssql()).isFalse();
        assertThat(mssql.isMssql()).isTrue();
        assertThat(new SqlDialect("sqlserver").isMssql()).isTrue();
        assertThat(new SqlDialect("postgres").isPostgresql()).isTrue();
        assertThat(postgresql.choose("pg", "ms")).isEqualTo("pg");
        assertThat(mssql.choose("pg", "ms")).isEqualTo("ms");
    }

    @Test
    void anotherDatabaseKindIsRefusedAtStartNamingTheProperty() {
        assertThatThrownBy(() -> new SqlDialect("h2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quarkus.datasource.db-kind=h2");
    }

    @Test
    void placeholdersFollowTheDialect() {
        String sql = "UPDATE t SET a = $2 WHERE k = $1 AND b > $12";
        assertThat(postgresql.placeholders(sql)).isEqualTo(sql);
        assertThat(mssql.placeholders(sql)).isEqualTo("UPDATE t SET a = @p2 WHERE k = @p1 AND b > @p12");
    }

    @Test
    void jsonArrayStatementsTakeTheDialect() {
        assertThat(JsonRowsInsert.valuesOf(Type.BIGINT, postgresql)).contains("json_array_elements_text");
        assertThat(JsonRowsInsert.valuesOf(Type.BIGINT, mssql)).contains("openjson(?)");
    }
}
