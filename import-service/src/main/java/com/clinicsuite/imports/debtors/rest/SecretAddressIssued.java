package com.clinicsuite.imports.debtors.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** A new secret address: the only answer that shows it. Give it to the pharmacy; the previous one no longer works. */
// answered inside a JAX-RS Response, whose entity type Quarkus cannot see at build time: registered for the native
// image's Jackson
@RegisterForReflection
public record SecretAddressIssued(long pharmacyId, String address, OffsetDateTime createdAt) {}
