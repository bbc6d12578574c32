package com.clinicsuite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.EventType;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import org.junit.jupiter.api.Test;

/**
 * What a native image needs from the code, checked on the compiled classes because no native-image toolchain can run
 * here (docs/operations.md, "Native images"). A module's {@code NativeReadinessTest} extends this class; it looks at
 * every {@code com.clinicsuite} class of the module's main code and of the platform modules it uses:
 *
 * <ul>
 *   <li>no static field holds randomness or key material: Quarkus initialises classes while the image is built, so
 *       such a value would be created once at build time and frozen into every copy of the executable (native-image
 *       refuses a {@code SecureRandom} there outright);
 *   <li>no class is loaded or looked up by name at run time (reflection, {@code ServiceLoader}, proxies): only what
 *       the build registered exists in the image;
 *   <li>the classes written or read as JSON where Quarkus cannot see their type at build time are registered for
 *       reflection: event data (written and read by the outbox and inbox through a plain {@code ObjectMapper}),
 *       entities of JAX-RS {@code Response}s, query projections;
 *   <li>the classpath resources the module reads at run time are listed in {@code quarkus.native.resources.includes}.
 * </ul>
 */
public abstract class NativeReadinessContract {

    /** Types whose instances hold a seed or a secret, or state derived from one. */
    private static final List<Class<?>> SEEDED_OR_SECRET = List.of(
            Random.class,
            SplittableRandom.class,
            Key.class,
            KeyPair.class,
            KeyPairGenerator.class,
            KeyGenerator.class,
            KeyAgreement.class,
            KeyStore.class,
            Cipher.class,
            Mac.class,
            Signature.class,
            MessageDigest.class);

    /**
     * Calls that draw randomness or create key material: in a static initializer they run while the native image is
     * built, so the value (a UUID, a seed, a key) would be the same in every copy of the executable.
     */
    private static final Map<String, Set<String>> RANDOMNESS_SOURCES = Map.of(
            "java.util.UUID",
            Set.of("randomUUID"),
            "java.lang.Math",
            Set.of("random"),
            "java.lang.StrictMath",
            Set.of("random"),
            "java.util.concurrent.ThreadLocalRandom",
            Set.of("current"),
            "java.security.SecureRandom",
            Set.of("<init>", "getInstance", "getInstanceStrong", "getSeed"),
            "java.util.Random",
            Set.of("<init>"),
            "java.util.SplittableRandom",
            Set.of("<init>"),
            "java.security.KeyPairGenerator",
            Set.of("getInstance"),
            "javax.crypto.KeyGenerator",
            Set.of("getInstance"),
            "javax.crypto.Cipher",
            Set.of("getInstance"));

    /** Calls that load, look up or create classes and members by name at run time. */
    private static final Map<String, Set<String>> DYNAMIC_LOOKUPS = Map.of(
            "java.lang.Class",
            Set.of(
                    "forName",
                    "newInstance",
                    "getMethod",
                    "getMethods",
                    "getDeclaredMethod",
                    "getDeclaredMethods",
                    "getConstructor",
                    "getConstructors",
                    "getDeclaredConstructor",
                    "getDeclaredConstructors",
                    "getField",
                    "getFields",
                    "getDeclaredField",
                    "getDeclaredFields"),
            "java.lang.ClassLoader",
            Set.of("loadClass", "defineClass"),
            "java.util.ServiceLoader",
            Set.of("load", "loadInstalled"),
            "java.lang.reflect.Proxy",
            Set.of("newProxyInstance"),
            "java.lang.reflect.Method",
            Set.of("invoke"),
            "java.lang.reflect.Constructor",
            Set.of("newInstance"),
            "java.lang.invoke.MethodHandles$Lookup",
            Set.of(
                    "findClass",
                    "findConstructor",
                    "findGetter",
                    "findSetter",
                    "findSpecial",
                    "findStatic",
                    "findStaticGetter",
                    "findVirtual"),
            "java.net.URLClassLoader",
            Set.of("<init>", "newInstance"));

    /** Calls that read a classpath resource. */
    private static final Map<String, Set<String>> RESOURCE_READS = Map.of(
            "java.lang.Class",
            Set.of("getResource", "getResourceAsStream"),
            "java.lang.ClassLoader",
            Set.of(
                    "getResource",
                    "getResourceAsStream",
                    "getResources",
                    "getSystemResource",
                    "getSystemResourceAsStream",
                    "getSystemResources"));

    /** Methods whose class argument Hibernate instantiates by reflection (projections, {@code select new}). */
    private static final Set<String> QUERY_RESULT_TYPE_METHODS =
            Set.of("project", "createQuery", "createSelectionQuery", "createNativeQuery");

    private static JavaClasses suiteClasses;

    /**
     * The classes of this module that read classpath resources at run time. Listed, so that a new reader fails this
     * test until its resources are added to {@link #resourcesReadAtRunTime()} and to the native image.
     */
    protected Set<Class<?>> resourceReaders() {
        return Set.of();
    }

    /**
     * The classes of this module that look up a member by name at run time on purpose: a library's private state
     * with no API to reach it. Listed, so that any other lookup fails this test; every class a listed lookup names
     * with a class literal must be registered for reflection ({@code @RegisterForReflection(targets = ...)}), and a
     * listed class that no longer looks anything up fails too.
     */
    protected Set<Class<?>> reflectiveLookups() {
        return Set.of();
    }

    /**
     * Every classpath resource this module reads at run time, its own and its libraries' (PDF fonts, default
     * templates, event schemas...): each must exist and be matched by {@code quarkus.native.resources.includes}.
     */
    protected Set<String> resourcesReadAtRunTime() {
        return Set.of();
    }

    @Test
    void noStaticFieldHoldsRandomnessOrKeys() {
        List<String> offending = new ArrayList<>();
        for (JavaClass javaClass : classes()) {
            for (JavaField field : javaClass.getFields()) {
                if (field.getModifiers().contains(JavaModifier.STATIC)
                        && SEEDED_OR_SECRET.stream()
                                .anyMatch(type -> field.getRawType().isAssignableTo(type))) {
                    offending.add(
                            field.getFullName() + " (" + field.getRawType().getName() + ")");
                }
            }
        }
        assertThat(offending)
                .as("static fields holding randomness or keys: make them instance fields of a bean, created at run"
                        + " time")
                .isEmpty();
    }

    @Test
    void noStaticInitializerDrawsRandomnessOrKeys() {
        List<String> offending = new ArrayList<>();
        for (JavaClass javaClass : classes()) {
            javaClass.getStaticInitializer().ifPresent(init -> {
                for (JavaAccess<?> call : init.getCallsFromSelf()) {
                    String owner = call.getTargetOwner().getName();
                    if (RANDOMNESS_SOURCES.getOrDefault(owner, Set.of()).contains(call.getName())) {
                        offending.add(javaClass.getName() + " calls " + owner + "." + call.getName() + " ("
                                + call.getSourceCodeLocation() + ")");
                    }
                }
            });
        }
        assertThat(offending)
                .as("static initializers drawing randomness or making keys (run once while a native image is built):"
                        + " draw it at run time, in a bean")
                .isEmpty();
    }

    @Test
    void noClassIsLoadedOrLookedUpByNameAtRunTime() {
        Set<String> declared = new TreeSet<>();
        reflectiveLookups().forEach(c -> declared.add(c.getName()));
        List<JavaAccess<?>> lookups = accessesTo(DYNAMIC_LOOKUPS);
        List<String> offending = lookups.stream()
                .filter(access -> !declared.contains(access.getOriginOwner().getName()))
                .map(access -> access.getDescription())
                .toList();
        assertThat(offending)
                .as("dynamic class loading and reflection: use the type itself, or register it with"
                        + " @RegisterForReflection, say why and declare the class in reflectiveLookups()")
                .isEmpty();

        Set<String> lookingUp = new TreeSet<>();
        lookups.forEach(access -> lookingUp.add(access.getOriginOwner().getName()));
        assertThat(lookingUp)
                .as("classes declared in reflectiveLookups() must still look something up")
                .containsAll(declared);

        Set<String> registered = registeredForReflection();
        Set<String> unregistered = new TreeSet<>();
        for (JavaAccess<?> access : lookups) {
            for (ReferencedClassObject literal : access.getOrigin().getReferencedClassObjects()) {
                String name = literal.getRawType().getName();
                if (!registered.contains(name)) {
                    unregistered.add(
                            name + " (looked up in " + access.getOrigin().getFullName() + ")");
                }
            }
        }
        assertThat(unregistered)
                .as("classes looked up by reflection must be registered with @RegisterForReflection(targets = ...)")
                .isEmpty();
    }

    @Test
    void resourcesReadAtRunTimeAreInTheNativeImage() {
        Set<String> readers = new TreeSet<>();
        for (JavaAccess<?> access : accessesTo(RESOURCE_READS)) {
            readers.add(access.getOriginOwner().getName());
        }
        Set<String> declared = new TreeSet<>();
        resourceReaders().forEach(c -> declared.add(c.getName()));
        assertThat(readers)
                .as("classes reading classpath resources (declare them in resourceReaders() and their resources"
                        + " in resourcesReadAtRunTime())")
                .isEqualTo(declared);

        List<PathMatcher> includes = nativeResourceIncludes();
        for (String resource : resourcesReadAtRunTime()) {
            assertThat(getClass().getClassLoader().getResource(resource))
                    .as("classpath resource " + resource)
                    .isNotNull();
            assertThat(includes.stream().anyMatch(glob -> glob.matches(Path.of(resource))))
                    .as(resource + " is matched by quarkus.native.resources.includes in application.properties")
                    .isTrue();
        }
    }

    @Test
    void eventDataIsRegisteredForReflection() {
        Set<String> registered = registeredForReflection();
        List<String> missing = new ArrayList<>();
        for (EventType<?> type : EventCatalog.ALL) {
            for (Class<?> needed : withSuiteComponentTypes(type.dataClass())) {
                if (!registered.contains(needed.getName())) {
                    missing.add(type.type() + ": " + needed.getName());
                }
            }
        }
        assertThat(missing)
                .as("event data not registered for reflection (add it to platform-outbox's EventDataReflection)")
                .isEmpty();
    }

    @Test
    void responseEntitiesAreRegisteredForReflection() {
        Set<String> registered = registeredForReflection();
        Set<String> missing = new TreeSet<>();
        for (JavaClass javaClass : classes()) {
            for (JavaCodeUnit codeUnit : javaClass.getCodeUnits()) {
                if (!returnsResponse(codeUnit)) {
                    continue;
                }
                for (JavaClass entity : recordsBuiltIn(codeUnit)) {
                    for (Class<?> needed : withSuiteComponentTypes(entity.reflect())) {
                        if (!registered.contains(needed.getName())) {
                            missing.add(needed.getName() + " (in " + codeUnit.getFullName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing)
                .as("records answered inside a JAX-RS Response, whose type Quarkus cannot see at build time:"
                        + " annotate them with @RegisterForReflection")
                .isEmpty();
    }

    @Test
    void queryResultTypesAreRegisteredForReflection() {
        Set<String> registered = registeredForReflection();
        Set<String> missing = new TreeSet<>();
        for (JavaClass javaClass : classes()) {
            for (JavaCodeUnit codeUnit : javaClass.getCodeUnits()) {
                boolean queries = codeUnit.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> QUERY_RESULT_TYPE_METHODS.contains(call.getName())
                                && call.getTargetOwner().getPackageName().matches("(io\\.quarkus|org\\.hibernate).*"));
                if (!queries) {
                    continue;
                }
                for (ReferencedClassObject literal : codeUnit.getReferencedClassObjects()) {
                    JavaClass type = literal.getRawType();
                    if (type.getPackageName().startsWith("com.clinicsuite")
                            && !type.isAnnotatedWith(Entity.class)
                            && !registered.contains(type.getName())) {
                        missing.add(type.getName() + " (in " + codeUnit.getFullName() + ")");
                    }
                }
            }
        }
        assertThat(missing)
                .as("query result types Hibernate instantiates by reflection: annotate them with"
                        + " @RegisterForReflection")
                .isEmpty();
    }

    /** The module's and the platform's main classes (the test kit and test code excluded). */
    protected static synchronized JavaClasses classes() {
        if (suiteClasses == null) {
            suiteClasses = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> !location.contains("/com/clinicsuite/testkit/"))
                    .importPackages("com.clinicsuite");
        }
        return suiteClasses;
    }

    private static List<JavaAccess<?>> accessesTo(Map<String, Set<String>> calls) {
        List<JavaAccess<?>> found = new ArrayList<>();
        for (JavaClass javaClass : classes()) {
            for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
                if (access.getTarget() instanceof CodeUnitAccessTarget target
                        && calls.getOrDefault(target.getOwner().getName(), Set.of())
                                .contains(target.getName())) {
                    found.add(access);
                }
            }
        }
        return found;
    }

    /**
     * Names of the classes a native image will have registered for reflection by {@link RegisterForReflection}: the
     * annotated classes or their {@code targets}, with nested classes unless {@code ignoreNested}, and with the types
     * of their record components when {@code registerFullHierarchy}.
     */
    private static Set<String> registeredForReflection() {
        Set<String> names = new HashSet<>();
        for (JavaClass javaClass : classes()) {
            if (!javaClass.isAnnotatedWith(RegisterForReflection.class)) {
                continue;
            }
            RegisterForReflection registration = javaClass.reflect().getAnnotation(RegisterForReflection.class);
            List<Class<?>> listed = new ArrayList<>(Arrays.asList(registration.targets()));
            for (String name : registration.classNames()) {
                listed.add(load(name));
            }
            if (listed.isEmpty()) {
                listed.add(javaClass.reflect());
            }
            for (Class<?> type : listed) {
                Set<Class<?>> covered = registration.registerFullHierarchy()
                        ? withSuiteComponentTypes(type)
                        : new LinkedHashSet<>(List.of(type));
                for (Class<?> c : covered) {
                    names.add(c.getName());
                    if (!registration.ignoreNested()) {
                        addNested(c, names);
                    }
                }
            }
        }
        return names;
    }

    private static void addNested(Class<?> type, Set<String> names) {
        for (Class<?> nested : type.getDeclaredClasses()) {
            names.add(nested.getName());
            addNested(nested, names);
        }
    }

    /** {@code type} and every suite type its record components hold, directly or as type arguments (lists...). */
    private static Set<Class<?>> withSuiteComponentTypes(Class<?> type) {
        Set<Class<?>> found = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            Class<?> next = todo.pop();
            if (!next.getName().startsWith("com.clinicsuite") || !found.add(next)) {
                continue;
            }
            if (next.isRecord()) {
                for (RecordComponent component : next.getRecordComponents()) {
                    addRawTypes(component.getGenericType(), todo);
                }
            }
        }
        return found;
    }

    private static void addRawTypes(Type type, Deque<Class<?>> into) {
        if (type instanceof Class<?> c) {
            into.push(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            addRawTypes(p.getRawType(), into);
            for (Type argument : p.getActualTypeArguments()) {
                addRawTypes(argument, into);
            }
        }
    }

    /** A code unit whose result is a JAX-RS Response, directly or inside a Uni / CompletionStage. */
    private static boolean returnsResponse(JavaCodeUnit codeUnit) {
        return mentionsResponse(codeUnit.getReturnType());
    }

    private static boolean mentionsResponse(JavaType type) {
        if (type.toErasure().getName().equals("jakarta.ws.rs.core.Response")) {
            return true;
        }
        return type instanceof JavaParameterizedType parameterized
                && parameterized.getActualTypeArguments().stream().anyMatch(NativeReadinessContract::mentionsResponse);
    }

    /** Suite records a code unit creates: with {@code new} or through a static factory of the record itself. */
    private static Set<JavaClass> recordsBuiltIn(JavaCodeUnit codeUnit) {
        Set<JavaClass> built = new LinkedHashSet<>();
        for (JavaConstructorCall call : codeUnit.getConstructorCallsFromSelf()) {
            built.add(call.getTargetOwner());
        }
        for (JavaMethodCall call : codeUnit.getMethodCallsFromSelf()) {
            JavaClass owner = call.getTargetOwner();
            if (call.getTarget().getRawReturnType().equals(owner)
                    && call.getTarget()
                            .resolveMember()
                            .map(m -> m.getModifiers().contains(JavaModifier.STATIC))
                            .orElse(false)) {
                built.add(owner);
            }
        }
        built.removeIf(c -> !c.getPackageName().startsWith("com.clinicsuite")
                || !c.reflect().isRecord());
        return built;
    }

    private static List<PathMatcher> nativeResourceIncludes() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String includes = properties.getProperty("quarkus.native.resources.includes", "");
        return Arrays.stream(includes.split(","))
                .map(String::strip)
                .filter(glob -> !glob.isEmpty())
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NativeReadinessContract.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("@RegisterForReflection names an unknown class " + name, e);
        }
    }
}
