package com.clinicsuite.imports.credit.parse;

import java.util.List;

/**
 * What a file held: the rows to import (empty when they were handed on while reading, see
 * {@link CreditSheetParser#parse(java.nio.file.Path, String, CreditSheetParser.Progress, java.util.function.Consumer)}),
 * the issues found (capped; {@code issuesOmitted} counts the rest) and the counts. {@code rowsTotal} counts data
 * rows only: blank, title, section and total rows are not data.
 */
public record CreditSheet(
        List<CreditRow> rows,
        List<RowIssue> issues,
        int issuesOmitted,
        int rowsTotal,
        int rowsAccepted,
        int rowsRejected) {}
