package com.clinicsuite.imports.debtors.config;

import com.clinicsuite.imports.debtors.pdf.DebtorReportReader;
import com.clinicsuite.imports.debtors.pdf.MedicalAidControlDetector;
import com.clinicsuite.imports.debtors.pdf.PdfLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The PDF reader is plain Java (testable without Quarkus); this makes it a bean with the configured detector and limits. */
@ApplicationScoped
public class DebtorReportReaderProducer {

    @Produces
    @ApplicationScoped
    DebtorReportReader debtorReportReader(DebtorImportConfig config) {
        DebtorImportConfig.MedicalAid medicalAid = config.medicalAid();
        return new DebtorReportReader(
                new MedicalAidControlDetector(
                        medicalAid.names().orElse(MedicalAidControlDetector.DEFAULT_NAMES),
                        medicalAid.controlAccountPattern(),
                        medicalAid.namePatterns().orElse(MedicalAidControlDetector.DEFAULT_NAME_PATTERNS)),
                limits(config));
    }

    static PdfLimits limits(DebtorImportConfig config) {
        DebtorImportConfig.PdfMemory memory = config.pdfMemory();
        return new PdfLimits(
                config.maxPages(),
                config.maxStreamSize().asLongValue(),
                config.maxDecodedSize().asLongValue(),
                config.maxParseTime(),
                config.maxLineChars(),
                config.maxPageChars(),
                new PdfLimits.Memory(
                        memory.maxMainMemory().asLongValue(),
                        memory.maxScratchSize().asLongValue(),
                        memory.scratchDir().orElse(null)));
    }
}
