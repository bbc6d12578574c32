package com.clinicsuite.notification;

import com.clinicsuite.testkit.LayeredArchitectureContract;

class ArchitectureTest extends LayeredArchitectureContract {}
