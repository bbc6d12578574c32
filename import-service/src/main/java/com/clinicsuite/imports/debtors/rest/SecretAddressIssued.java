package com.clinicsuite.imports.debtors.rest;

import java.time.OffsetDateTime;

/** A new secret address: the only answer that shows it. Give it to the pharmacy; the previous one no longer works. */
public record SecretAddressIssued(long pharmacyId, String address, OffsetDateTime createdAt) {}
