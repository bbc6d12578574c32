package com.clinicsuite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi/openapi.json (served by the gateways at /openapi.json) is the merge of the five committed service
 * documents, which each service's OpenApiDocumentTest keeps equal to its code; the Kubernetes ConfigMap holds the
 * same text. {@code -Dopenapi.write=true} rewrites both from the committed service documents instead.
 */
class OpenApiMergedDocumentTest {

    private static final String REGENERATE = "regenerate: ./mvnw -pl platform/test-kit test"
            + " -Dtest=OpenApiMergedDocumentTest -Dopenapi.write=true (or a service's OpenApiDocumentTest with it),"
            + " then commit";

    @Test
    void theMergedDocumentIsTheMergeOfTheCommittedServiceDocuments() throws IOException {
        Map<String, JsonNode> services = OpenApiDocuments.committedServiceDocuments();
        assertThat(services.keySet())
                .as("one committed document per service in docs/openapi")
                .containsExactlyElementsOf(ServiceProcess.SERVICES);
        if (Boolean.getBoolean(OpenApiDocumentContract.WRITE)) {
            OpenApiDocuments.writeMerged();
        }
        JsonNode merged = OpenApiDocuments.merge(services);
        List<String> differences =
                OpenApiDocuments.differences(OpenApiDocuments.read(OpenApiDocuments.mergedFile()), merged, 20);
        assertThat(differences)
                .as("docs/openapi/openapi.json is not the merge of the service documents; %s", REGENERATE)
                .isEmpty();
        assertThat(Files.readString(OpenApiDocuments.kubernetesConfigMapFile()))
                .as("%s is not docs/openapi/openapi.json; %s", OpenApiDocuments.KUBERNETES_CONFIG_MAP, REGENERATE)
                .isEqualTo(OpenApiDocuments.kubernetesConfigMap(merged));
    }

    @Test
    void everyPublicOperationOfEveryServiceIsInTheMergedDocumentOnce() {
        Map<String, JsonNode> services = OpenApiDocuments.committedServiceDocuments();
        JsonNode merged = OpenApiDocuments.read(OpenApiDocuments.mergedFile());
        int operations = 0;
        for (var service : services.entrySet()) {
            var paths = service.getValue().path("paths").fields();
            while (paths.hasNext()) {
                var path = paths.next();
                var methods = path.getValue().fieldNames();
                while (methods.hasNext()) {
                    String method = methods.next();
                    if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                        continue;
                    }
                    JsonNode operation =
                            merged.path("paths").path(path.getKey()).path(method);
                    if (path.getKey().startsWith(OpenApiDocuments.OPERATIONS_PREFIX)) {
                        assertThat(operation.isMissingNode())
                                .as("%s %s is left out", method, path.getKey())
                                .isTrue();
                    } else {
                        assertThat(operation.path("x-service").asText())
                                .as("%s %s", method, path.getKey())
                                .isEqualTo(service.getKey());
                        operations++;
                    }
                }
            }
        }
        assertThat(operations).as("public operations").isGreaterThan(50);
        assertThat(merged.path("components").path("securitySchemes").size()).isPositive();
    }
}
