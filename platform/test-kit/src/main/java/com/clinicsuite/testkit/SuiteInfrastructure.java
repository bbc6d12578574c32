package com.clinicsuite.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The real infrastructure every service test runs against: PostgreSQL, a Kafka broker and an SMTP/IMAP server,
 * started once per test JVM and shared by every Quarkus boot in it. Declare it on every {@code @QuarkusTest}
 * of a module with the same arguments ({@code @WithTestResource(SuiteInfrastructure.class)}) so the app boots
 * once. The addresses the other services would have if a test started them ({@link ServiceProcess}) come as
 * {@code testkit.services.<service>.url}.
 */
public class SuiteInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static String database;

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = PostgresServer.get();
        synchronized (SuiteInfrastructure.class) {
            if (database == null) {
                database = postgres.createDatabase();
            }
        }
        KafkaBroker kafka = KafkaBroker.get();
        MailServer mail = MailServer.get();

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(mail.smtpPort()));
        config.put("quarkus.mailer.mock", "false");
        config.put("testkit.imap.port", Integer.toString(mail.imapPort()));
        config.put("mp.jwt.verify.publickey", TestTokens.publicKeyPem());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("mp.jwt.verify.audiences", TestTokens.AUDIENCE);
        // where another service of the suite will listen if a test starts it (ServiceProcess): nothing until then
        config.putAll(ServiceProcess.reservedUrls());
        return config;
    }

    /** A JDBC connection to the database the service under test uses, for assertions on its tables. */
    public static java.sql.Connection jdbcConnection() throws java.sql.SQLException {
        if (database == null) {
            throw new IllegalStateException("SuiteInfrastructure has not started");
        }
        return java.sql.DriverManager.getConnection(PostgresServer.get().jdbcUrl(database), "postgres", "postgres");
    }

    @Override
    public void stop() {
        // Shared for the JVM's lifetime; shutdown hooks stop the servers.
    }
}
