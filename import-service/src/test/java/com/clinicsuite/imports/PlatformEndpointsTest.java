package com.clinicsuite.imports;

import com.clinicsuite.testkit.PlatformEndpointsContract;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class PlatformEndpointsTest extends PlatformEndpointsContract {}
