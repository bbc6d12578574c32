package com.clinicsuite.imports.credit.service;

import com.clinicsuite.imports.credit.repository.CreditImportJob;
import com.clinicsuite.imports.credit.repository.CreditImportJobError;
import java.util.List;

/** A job with its errors, as GET /imports shows it. */
public record CreditImportReport(CreditImportJob job, List<CreditImportJobError> errors) {}
