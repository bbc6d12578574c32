package com.clinicsuite.imports.debtors.pdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test data: {@code testdata.dir} points at /work/shared/testdata (set by the build). */
final class GroundTruth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GroundTruth() {}

    static Path file(String relative) {
        String dir = System.getProperty("testdata.dir");
        if (dir == null) {
            throw new IllegalStateException("System property testdata.dir is not set");
        }
        return Path.of(dir).resolve(relative);
    }

    static byte[] pdf(String relative) throws IOException {
        return Files.readAllBytes(file(relative));
    }

    static JsonNode json(String relativePdf) throws IOException {
        return JSON.readTree(file(relativePdf.replaceAll("\\.pdf$", ".json")).toFile());
    }
}
