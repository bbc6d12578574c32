package com.clinicsuite.debtor;

import com.clinicsuite.testkit.LayeredArchitectureContract;

class ArchitectureTest extends LayeredArchitectureContract {}
