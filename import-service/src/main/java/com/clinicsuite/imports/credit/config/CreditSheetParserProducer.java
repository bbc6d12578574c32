package com.clinicsuite.imports.credit.config;

import com.clinicsuite.imports.credit.parse.CreditSheetParser;
import com.clinicsuite.imports.credit.sheet.SheetLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The spreadsheet parser (plain Java, usable without CDI in tests and the benchmark) with the configured limits. */
@ApplicationScoped
public class CreditSheetParserProducer {

    @Produces
    @ApplicationScoped
    CreditSheetParser creditSheetParser(CreditImportConfig config) {
        return new CreditSheetParser(new CreditSheetParser.Limits(
                config.maxRows(),
                config.maxReportedErrors(),
                CreditSheetParser.Limits.DEFAULT.headerSearchRows(),
                new SheetLimits(
                        config.maxColumns(), config.maxSharedStringsSize().asLongValue())));
    }
}
