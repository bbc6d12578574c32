package com.clinicsuite.imports.debtors.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;

/** 200: debtor-service applied the report. Totals exclude medical-aid control accounts. */
// answered inside a JAX-RS Response, whose entity type Quarkus cannot see at build time: registered for the native
// image's Jackson
@RegisterForReflection
public record UploadApplied(
        long reportId, int totalAccounts, BigDecimal totalOutstanding, List<DebtorPreview> debtors) {}
