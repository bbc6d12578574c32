package com.clinicsuite.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** State of test infrastructure lives under the module's {@code target/}, so {@code mvn clean} removes it. */
final class TestDirs {
    private TestDirs() {}

    static Path create(String name) {
        try {
            Path base = Path.of(System.getProperty("testkit.dir", "target/test-infra"))
                    .toAbsolutePath();
            Files.createDirectories(base);
            return Files.createTempDirectory(base, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
