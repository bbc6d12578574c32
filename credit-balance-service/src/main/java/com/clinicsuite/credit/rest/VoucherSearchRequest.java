package com.clinicsuite.credit.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /credit-balances/by-voucher. */
public record VoucherSearchRequest(@NotBlank @Size(max = 20) String voucherNumber) {}
