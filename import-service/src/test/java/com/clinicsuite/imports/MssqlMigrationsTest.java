package com.clinicsuite.imports;

import com.clinicsuite.testkit.MssqlMigrationsContract;

class MssqlMigrationsTest extends MssqlMigrationsContract {}
