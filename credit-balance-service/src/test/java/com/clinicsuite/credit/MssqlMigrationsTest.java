package com.clinicsuite.credit;

import com.clinicsuite.testkit.MssqlMigrationsContract;

class MssqlMigrationsTest extends MssqlMigrationsContract {}
