package com.clinicsuite.auth;

import com.clinicsuite.testkit.MssqlMigrationsContract;

class MssqlMigrationsTest extends MssqlMigrationsContract {}
