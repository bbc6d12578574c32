package com.clinicsuite.auth;

import com.clinicsuite.testkit.ObservabilityMetricsContract;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ObservabilityMetricsTest extends ObservabilityMetricsContract {}
