package com.clinicsuite.auth.service;

import jakarta.validation.constraints.Size;

/**
 * A pharmacy's name and code. Create needs a name; an update changes only what it names. {@code code} "" removes
 * the code.
 */
public record PharmacyDetails(
        @Size(min = 1, max = 200) String name,
        @Size(max = 50) String code,
        Boolean isActive) {}
