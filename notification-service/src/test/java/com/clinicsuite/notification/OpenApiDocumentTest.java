package com.clinicsuite.notification;

import com.clinicsuite.testkit.OpenApiDocumentContract;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** docs/openapi/notification-service.json is what this service serves at /q/openapi (-Dopenapi.write=true rewrites it). */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class OpenApiDocumentTest extends OpenApiDocumentContract {}
