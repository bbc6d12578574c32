package com.clinicsuite.imports.debtors.config;

import com.clinicsuite.imports.debtors.pdf.DebtorReportReader;
import com.clinicsuite.imports.debtors.pdf.MedicalAidControlDetector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The PDF reader is plain Java (testable without Quarkus); this makes it a bean with the configured detector. */
@ApplicationScoped
public class DebtorReportReaderProducer {

    @Produces
    @ApplicationScoped
    DebtorReportReader debtorReportReader(DebtorImportConfig config) {
        DebtorImportConfig.MedicalAid medicalAid = config.medicalAid();
        return new DebtorReportReader(new MedicalAidControlDetector(
                medicalAid.names().orElse(MedicalAidControlDetector.DEFAULT_NAMES),
                medicalAid.controlAccountPattern()));
    }
}
