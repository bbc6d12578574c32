package com.clinicsuite.credit;

import com.clinicsuite.testkit.LayeredArchitectureContract;

class ArchitectureTest extends LayeredArchitectureContract {}
