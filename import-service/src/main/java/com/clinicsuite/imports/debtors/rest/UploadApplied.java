package com.clinicsuite.imports.debtors.rest;

import java.math.BigDecimal;
import java.util.List;

/** 200: debtor-service applied the report. Totals exclude medical-aid control accounts. */
public record UploadApplied(
        long reportId, int totalAccounts, BigDecimal totalOutstanding, List<DebtorPreview> debtors) {}
