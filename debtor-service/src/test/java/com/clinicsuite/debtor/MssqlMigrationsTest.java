package com.clinicsuite.debtor;

import com.clinicsuite.testkit.MssqlMigrationsContract;

class MssqlMigrationsTest extends MssqlMigrationsContract {}
