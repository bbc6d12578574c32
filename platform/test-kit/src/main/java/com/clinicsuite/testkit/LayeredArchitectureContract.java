package com.clinicsuite.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layers of a service, checked on its compiled classes (docs/development.md, "Layers"). A module's
 * {@code ArchitectureTest} extends this class from the service's root test package ({@code com.clinicsuite.auth},
 * {@code com.clinicsuite.imports} ...), which is the package whose main classes it checks.
 *
 * <p>A class plays the role its package names: the first package segment below the service's root that is a
 * {@link Role} ({@code rest}, {@code service}, {@code repository}, {@code events}, {@code client}, {@code config}),
 * so {@code imports.credit.rest} and {@code auth.rest.dto} are {@code rest}. A service may give a package of its own a
 * role ({@link #packageRoles()}: auth-service's {@code keys} is service code), and the rules treat it as that role.
 *
 * <p>Two rules look beyond the service: events leave only through the outbox, and no Quarkus internal API; they check
 * the platform modules the service runs too.
 */
public abstract class LayeredArchitectureContract {

    /** What a package does; a class belongs to exactly one. */
    public enum Role {
        /** JAX-RS resources and their DTOs: parse, authorize, call a service, map the answer. */
        REST,
        /** Business logic, transactions, outbox writes. */
        SERVICE,
        /** Entities, repositories, queries and their projections. */
        REPOSITORY,
        /** Kafka consumers ({@code @Incoming}) and other inbound adapters: hand what arrives to services. */
        EVENTS,
        /** Clients of third parties (SendGrid, SMSPortal, another service's HTTP API). */
        CLIENT,
        /** Configuration mappings and producers. */
        CONFIG;

        String packageName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Quarkus packages whose names say runtime or deployment, but that are public API. */
    static final Set<String> PUBLIC_QUARKUS_RUNTIME_PACKAGES = Set.of(
            // StartupEvent, ShutdownEvent, @Startup, Quarkus
            "io.quarkus.runtime",
            // @RegisterForReflection and the other build hints
            "io.quarkus.runtime.annotations",
            // MemorySize, config converters
            "io.quarkus.runtime.configuration",
            // HttpAuthenticationMechanism, the documented extension point of HTTP security
            "io.quarkus.vertx.http.runtime.security");

    /** Packages of Quarkus internals outside the {@code runtime} naming pattern. */
    static final List<String> INTERNAL_QUARKUS_PACKAGES = List.of("io.quarkus.arc.impl..", "io.quarkus.arc.runtime..");

    /**
     * Classes of the platform that use a Quarkus internal today, each with the reason; the rule fails as soon as one no
     * longer does (remove it here then), and for any other class.
     */
    static final Map<String, String> KNOWN_INTERNAL_API_USES = Map.of();

    /** Senders that put a record on Kafka directly. */
    static final List<String> DIRECT_SENDERS = List.of(
            "org.eclipse.microprofile.reactive.messaging.Channel",
            "org.eclipse.microprofile.reactive.messaging.Emitter",
            "org.eclipse.microprofile.reactive.messaging.Outgoing",
            "io.smallrye.reactive.messaging.MutinyEmitter",
            "io.smallrye.reactive.messaging.annotations.Broadcast",
            "io.smallrye.reactive.messaging.kafka.KafkaClientService",
            "io.smallrye.reactive.messaging.kafka.KafkaProducer",
            "io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions");

    static final List<String> DIRECT_SENDER_PACKAGES =
            List.of("org.apache.kafka.clients.producer..", "io.vertx.kafka..", "io.vertx.mutiny.kafka..");

    private static final String TESTKIT = "com.clinicsuite.testkit";
    private static final String OUTBOX = "com.clinicsuite.outbox";

    private static JavaClasses suiteClasses;

    private JavaClasses serviceClasses;

    /** The package whose classes are checked: by default the package of the test class. */
    protected String servicePackage() {
        return getClass().getPackageName();
    }

    /**
     * Packages of this service that are named for what they hold rather than by role, each with the role it plays:
     * key = the package's last segment ({@code keys}, {@code pdf}), value = its role. Keep it short: a new package
     * should be named by role.
     */
    protected Map<String, Role> packageRoles() {
        return Map.of();
    }

    @Test
    void everyClassLivesInARolePackage() {
        classes()
                .should(new RoleCondition())
                .because("code is packaged by role (rest, service, repository, events, client, config), so a"
                        + " newcomer finds a class by what it does and the layer rules can tell what it is;"
                        + " move the class, or declare its package's role in packageRoles()")
                .check(serviceClasses());
    }

    /**
     * Resources use services (and may map entities, projections and filters of the repository package), but they do
     * not read or write data themselves: no {@code *Repository}, no Hibernate session, no transaction boundary, no
     * Panache call on an entity. Data access goes through a service, where the transaction and the outbox write are.
     */
    @Test
    void restReachesDataOnlyThroughServices() {
        noClasses()
                .that(role(Role.REST))
                .should()
                .dependOnClassesThat(dataAccess())
                .because("data access belongs to services (transactions, outbox writes) and repositories; a resource"
                        + " calls a service and maps what it returns (docs/development.md, Layers)")
                .allowEmptyShould(true)
                .check(serviceClasses());
        noClasses()
                .that(role(Role.REST))
                .should()
                .callMethodWhere(panacheOperation())
                .because("a Panache call on an entity (find, list, persist, delete...) is data access: put it in a"
                        + " repository or service method and call that (docs/development.md, Layers)")
                .allowEmptyShould(true)
                .check(serviceClasses());
    }

    @Test
    void servicesDoNotDependOnRest() {
        noClasses()
                .that(role(Role.SERVICE))
                .should()
                .dependOnClassesThat(role(Role.REST))
                .because("business logic must not know the HTTP shape: a resource maps its DTOs to what the service"
                        + " takes and returns (put shared records in the service package)")
                .allowEmptyShould(true)
                .check(serviceClasses());
    }

    @Test
    void repositoriesDependOnNeitherServicesNorRestNorEvents() {
        noClasses()
                .that(role(Role.REPOSITORY))
                .should()
                .dependOnClassesThat(role(Role.SERVICE, Role.REST, Role.EVENTS))
                .because("a repository only stores and reads; what it needs from above (cache names, filters) is"
                        + " defined in the repository package and used from there")
                .allowEmptyShould(true)
                .check(serviceClasses());
    }

    @Test
    void consumersCallServicesNotResources() {
        noClasses()
                .that(role(Role.EVENTS))
                .should()
                .dependOnClassesThat(role(Role.REST))
                .because("a consumer hands the event to a service, the same one a resource calls; a resource is an"
                        + " HTTP entry point, not an API for other code")
                .allowEmptyShould(true)
                .check(serviceClasses());
    }

    /** Issue 20.5: services throw domain exceptions ({@code com.clinicsuite.web.errors}); one mapper answers HTTP. */
    @Test
    void noJaxRsBelowTheRestLayer() {
        noClasses()
                .that(role(Role.SERVICE, Role.REPOSITORY, Role.EVENTS))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.ws.rs..")
                .because("services and repositories are called by resources and consumers alike: they throw the"
                        + " domain exceptions of com.clinicsuite.web.errors (NotFound, Conflict, Rejected, NotAllowed,"
                        + " NotAuthenticated, UnprocessableEntityException), which platform-web's ApiErrorMappers turn"
                        + " into HTTP answers")
                .allowEmptyShould(true)
                .check(serviceClasses());
    }

    @Test
    void noCyclesBetweenRolePackages() {
        SlicesRuleDefinition.slices()
                .assignedFrom(new RolePackages())
                .should()
                .beFreeOfCycles()
                .because("role packages form layers (rest, events -> service -> repository); a cycle means two"
                        + " packages can only be understood and changed together")
                .allowEmptyShould(true)
                .check(serviceClasses());
    }

    @Test
    void eventsLeaveOnlyThroughTheOutbox() {
        noClasses()
                .that()
                .resideOutsideOfPackages(OUTBOX + "..", TESTKIT + "..")
                .should()
                .dependOnClassesThat(directSender())
                .because("an event is written to the outbox in the transaction of the change and relayed after the"
                        + " commit (platform/outbox); sending to Kafka directly loses it when the transaction rolls"
                        + " back after the send, or the send fails after the commit: use Outbox.publish")
                .check(suiteClasses());
    }

    @Test
    void noQuarkusInternalApi() {
        ArchRule rule = classes()
                .that(DescribedPredicate.describe(
                        "are not listed in KNOWN_INTERNAL_API_USES",
                        (JavaClass c) -> !KNOWN_INTERNAL_API_USES.containsKey(c.getName())))
                .should(
                        new com.tngtech.archunit.lang.ArchCondition<JavaClass>(
                                "use no Quarkus internal (" + quarkusInternal().getDescription() + ")") {
                            @Override
                            public void check(JavaClass item, com.tngtech.archunit.lang.ConditionEvents events) {
                                item.getDirectDependenciesFromSelf().stream()
                                        .filter(LayeredArchitectureContract::usesQuarkusInternal)
                                        .forEach(
                                                d -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                                        d, d.getDescription())));
                            }
                        })
                .because("Quarkus' internal classes change without notice between versions and are not documented;"
                        + " use the public API (VertxContextSupport, @WithSession, Uni all the way)");
        rule.check(suiteClasses());

        Set<String> stale = new TreeSet<>();
        KNOWN_INTERNAL_API_USES.keySet().forEach(name -> {
            if (suiteClasses().contain(name)
                    && suiteClasses().get(name).getDirectDependenciesFromSelf().stream()
                            .noneMatch(LayeredArchitectureContract::usesQuarkusInternal)) {
                stale.add(name);
            }
        });
        assertThat(stale)
                .as("classes listed in KNOWN_INTERNAL_API_USES that no longer use a Quarkus internal: remove them"
                        + " from the list")
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The role of {@code javaClass}, if its package names one (or one {@link #packageRoles()} gives a role). */
    Optional<Role> roleOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        String root = servicePackage();
        if (!pkg.startsWith(root + ".")) {
            return Optional.empty();
        }
        for (String segment : pkg.substring(root.length() + 1).split("\\.")) {
            for (Role role : Role.values()) {
                if (role.packageName().equals(segment)) {
                    return Optional.of(role);
                }
            }
            Role declared = packageRoles().get(segment);
            if (declared != null) {
                return Optional.of(declared);
            }
        }
        return Optional.empty();
    }

    /** The role package {@code javaClass} is in ({@code com.clinicsuite.imports.credit.rest}), if any. */
    Optional<String> rolePackageOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        String root = servicePackage();
        if (!pkg.startsWith(root + ".")) {
            return Optional.empty();
        }
        StringBuilder prefix = new StringBuilder(root);
        for (String segment : pkg.substring(root.length() + 1).split("\\.")) {
            prefix.append('.').append(segment);
            boolean isRole =
                    Arrays.stream(Role.values()).anyMatch(r -> r.packageName().equals(segment))
                            || packageRoles().containsKey(segment);
            if (isRole) {
                return Optional.of(prefix.toString());
            }
        }
        return Optional.empty();
    }

    private DescribedPredicate<JavaClass> role(Role... roles) {
        Set<Role> wanted = Set.of(roles);
        return DescribedPredicate.describe(
                "are in a "
                        + String.join(
                                "/",
                                wanted.stream().map(Role::packageName).sorted().toList()) + " package",
                (JavaClass c) -> roleOf(c).filter(wanted::contains).isPresent());
    }

    /** Repositories, Hibernate sessions and Panache's session and transaction helpers. */
    private DescribedPredicate<JavaClass> dataAccess() {
        return DescribedPredicate.describe(
                "access data (a *Repository of the repository package, a Panache repository, Hibernate Reactive's"
                        + " Mutiny.SessionFactory/Session, Panache, @WithSession/@WithTransaction)",
                (JavaClass c) -> (roleOf(c).filter(Role.REPOSITORY::equals).isPresent()
                                && c.getSimpleName().endsWith("Repository"))
                        || c.isAssignableTo("io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase")
                        || c.getPackageName().startsWith("org.hibernate.reactive")
                        || c.getName().equals("io.quarkus.hibernate.reactive.panache.Panache")
                        || c.getName().startsWith("io.quarkus.hibernate.reactive.panache.common.WithSession")
                        || c.getName().equals("io.quarkus.hibernate.reactive.panache.common.WithTransaction"));
    }

    /** A call of a method that Panache declares: on an entity, a repository or a query. */
    private static DescribedPredicate<JavaMethodCall> panacheOperation() {
        return DescribedPredicate.describe(
                "the method is a Panache operation (find, list, count, persist, delete... of an entity or query)",
                (JavaMethodCall call) -> {
                    Optional<? extends JavaCodeUnit> resolved = call.getTarget().resolveMember();
                    String declaringPackage = resolved.map(m -> m.getOwner().getPackageName())
                            .orElse(call.getTargetOwner().getPackageName());
                    return declaringPackage.startsWith("io.quarkus.hibernate.reactive.panache")
                            || declaringPackage.startsWith("io.quarkus.panache.common.impl");
                });
    }

    private static DescribedPredicate<JavaClass> directSender() {
        return DescribedPredicate.describe(
                "send to Kafka directly (" + String.join(", ", DIRECT_SENDERS) + ", "
                        + String.join(", ", DIRECT_SENDER_PACKAGES) + ")",
                (JavaClass c) -> DIRECT_SENDERS.contains(c.getName())
                        || DIRECT_SENDER_PACKAGES.stream()
                                .anyMatch(p -> c.getPackageName().startsWith(p.substring(0, p.length() - 2))));
    }

    /**
     * Quarkus internals: any {@code io.quarkus} package with a {@code runtime} or {@code deployment} segment except
     * {@link #PUBLIC_QUARKUS_RUNTIME_PACKAGES}, and {@link #INTERNAL_QUARKUS_PACKAGES}.
     */
    static DescribedPredicate<JavaClass> quarkusInternal() {
        return DescribedPredicate.describe(
                "are Quarkus internals (io.quarkus..runtime.. and io.quarkus..deployment.. except "
                        + String.join(", ", new TreeSet<>(PUBLIC_QUARKUS_RUNTIME_PACKAGES)) + "; "
                        + String.join(", ", INTERNAL_QUARKUS_PACKAGES) + ")",
                (JavaClass c) -> isQuarkusInternal(c.getPackageName()));
    }

    /**
     * Whether {@code dependency} uses a Quarkus internal. The default value of a public annotation's member (Quarkus
     * cache's {@code keyGenerator = UndefinedCacheKeyGenerator.class}) is written into the class file but is no use
     * by the code: left out.
     */
    static boolean usesQuarkusInternal(Dependency dependency) {
        return quarkusInternal().test(dependency.getTargetClass())
                && !dependency.getDescription().contains("has annotation member of type");
    }

    static boolean isQuarkusInternal(String pkg) {
        if (!pkg.startsWith("io.quarkus.")) {
            return false;
        }
        if (INTERNAL_QUARKUS_PACKAGES.stream()
                .map(p -> p.substring(0, p.length() - 2))
                .anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."))) {
            return true;
        }
        List<String> segments = List.of(pkg.split("\\."));
        return (segments.contains("runtime") || segments.contains("deployment"))
                && !PUBLIC_QUARKUS_RUNTIME_PACKAGES.contains(pkg);
    }

    /** The service's own main classes. */
    protected JavaClasses serviceClasses() {
        if (serviceClasses == null) {
            serviceClasses = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                    .importPackages(servicePackage());
        }
        return serviceClasses;
    }

    /** The service's main classes and those of the platform modules it uses (not the test kit). */
    protected static synchronized JavaClasses suiteClasses() {
        if (suiteClasses == null) {
            suiteClasses = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> !location.contains("/com/clinicsuite/testkit/"))
                    .importPackages("com.clinicsuite");
        }
        return suiteClasses;
    }

    /** Every class is in a role package. */
    private final class RoleCondition extends com.tngtech.archunit.lang.ArchCondition<JavaClass> {

        RoleCondition() {
            super("be in a role package");
        }

        @Override
        public void check(JavaClass item, com.tngtech.archunit.lang.ConditionEvents events) {
            if (roleOf(item).isEmpty()) {
                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                        item, item.getName() + " is in no role package"));
            }
        }
    }

    /** One slice per role package; a class outside them is left to {@link #everyClassLivesInARolePackage()}. */
    private final class RolePackages implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return rolePackageOf(javaClass).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
        }

        @Override
        public String getDescription() {
            return "role packages of " + servicePackage();
        }
    }
}
