package com.clinicsuite.credit.repository;

import java.time.OffsetDateTime;

/** Filters of GET /api-logs; null means "not filtered". {@code from} inclusive, {@code to} exclusive. */
public record ApiLogFilter(String userName, String endpoint, OffsetDateTime from, OffsetDateTime to) {}
