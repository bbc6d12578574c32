package com.clinicsuite.credit;

import com.clinicsuite.testkit.NativeReadinessContract;

class NativeReadinessTest extends NativeReadinessContract {}
