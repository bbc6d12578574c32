package com.clinicsuite.notification;

import com.clinicsuite.testkit.MssqlMigrationsContract;

class MssqlMigrationsTest extends MssqlMigrationsContract {}
