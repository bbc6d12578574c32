package com.clinicsuite.credit.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.testkit.fixtures.CreditRecord;
import com.clinicsuite.testkit.fixtures.CreditWorkbook;
import com.clinicsuite.testkit.fixtures.CreditWorkbooks;
import com.clinicsuite.testkit.fixtures.Fixture;
import com.clinicsuite.vocabulary.Center;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The voucher rule against the contract's example and every row of the ground-truth workbooks. The phone and center
 * rules it builds on are tested with every spelling in platform/vocabulary.
 */
class VoucherRuleTest {

    @Test
    void contractExample() {
        assertThat(VoucherRule.voucherNumber(Center.PUNJABI_BAGH, "AD03C4403", "7985349490"))
                .isEqualTo("PBAD05349");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "7985349490",
                "7985349490.0",
                "7.98534949E9",
                "+91 79853 49490",
                "+917985349490",
                "917985349490",
                "07985349490",
                "079853-49490",
                "79853 49490",
                " 798-534-9490 ",
                "(0)7985349490"
            })
    void phonesWrittenAnyUsualWayGiveTheSameVoucher(String phone) {
        assertThat(VoucherRule.voucherNumber(Center.PUNJABI_BAGH, " ad03c4403 ", phone))
                .isEqualTo("PBAD05349");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "NA", "98765", "011-45678901", "1234567890", "5985349490", "79853494901234"})
    void noValidMobileMeansNoVoucher(String phone) {
        assertThat(VoucherRule.voucherNumber(Center.GK2, "AD03C4403", phone)).isNull();
    }

    @Test
    void missingPhoneOrCodeMeansNoVoucher() {
        assertThat(VoucherRule.voucherNumber(Center.GK2, "AD03C4403", null)).isNull();
        assertThat(VoucherRule.voucherNumber(Center.GK2, " ", "7985349490")).isNull();
        assertThat(VoucherRule.voucherNumber(null, "AD03C4403", "7985349490")).isNull();
    }

    @ParameterizedTest
    @MethodSource("workbooks")
    void everyGroundTruthRowGetsItsExpectedVoucher(String name, Supplier<Fixture<CreditWorkbook>> workbook) {
        List<CreditRecord> rows = workbook.get().truth().rows();
        assertThat(rows).isNotEmpty();
        for (CreditRecord row : rows) {
            Center center = Center.parse(row.center()).orElseThrow();
            assertThat(VoucherRule.voucherNumber(center, row.clientCode(), row.phone()))
                    .as("%s row %s", name, row.sourceRow())
                    .isEqualTo(row.expectedVoucher());
        }
    }

    /**
     * The raw cells of the workbooks, as a spreadsheet gives them: numeric phones, "+91 ...", "0...-...", blanks and
     * landlines; centers spelt GK-2, G.K.-II, PTP, Pitam Pura ...; client codes in lower case or padded.
     */
    @ParameterizedTest
    @MethodSource("workbooks")
    void rawWorkbookCellsGiveTheExpectedVoucher(String name, Supplier<Fixture<CreditWorkbook>> workbook)
            throws Exception {
        Fixture<CreditWorkbook> fixture = workbook.get();
        Map<String, String> bySheetAndRow = new HashMap<>();
        for (CreditRecord row : fixture.truth().rows()) {
            bySheetAndRow.put(row.sheet() + "#" + row.sourceRow(), row.expectedVoucher());
        }
        int checked = 0;
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(fixture.bytes()))) {
            for (Sheet sheet : book) {
                int headerRow = fixture.truth().headerRow() - 1;
                Map<String, Integer> columns = columns(sheet.getRow(headerRow));
                for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                    String key = sheet.getSheetName() + "#" + (r + 1);
                    if (!bySheetAndRow.containsKey(key)) {
                        continue; // blank rows are not in the ground truth
                    }
                    Row row = sheet.getRow(r);
                    String code = text(row.getCell(columns.get("clientcode")));
                    String phone = text(row.getCell(columns.get("phoneno")));
                    String centerCell = text(row.getCell(columns.get("center")));
                    Center center = Center.parse(centerCell)
                            .orElseThrow(
                                    () -> new AssertionError("unrecognised center '" + centerCell + "' in " + key));
                    assertThat(VoucherRule.voucherNumber(center, code, phone))
                            .as("%s %s", name, key)
                            .isEqualTo(bySheetAndRow.get(key));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(fixture.truth().rows().size());
    }

    static Stream<Arguments> workbooks() {
        return Stream.of(
                Arguments.of("main.xlsx", (Supplier<Fixture<CreditWorkbook>>) CreditWorkbooks::main),
                Arguments.of("messy.xlsx", (Supplier<Fixture<CreditWorkbook>>) CreditWorkbooks::messy),
                Arguments.of("per_center.xlsx", (Supplier<Fixture<CreditWorkbook>>) CreditWorkbooks::perCenter),
                Arguments.of("legacy.xls", (Supplier<Fixture<CreditWorkbook>>) CreditWorkbooks::legacyXls));
    }

    /** Header cells by a loose key: "client code " -> clientcode, "centre" -> center, "PHONE NO." -> phoneno. */
    private static Map<String, Integer> columns(Row header) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : header) {
            String key = text(cell) == null
                    ? ""
                    : text(cell)
                            .toLowerCase(Locale.ROOT)
                            .replaceAll("[^a-z]", "")
                            .replace("centre", "center");
            columns.put(key, cell.getColumnIndex());
        }
        return columns;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> new BigDecimal(Double.toString(cell.getNumericCellValue())).toPlainString();
            case STRING -> cell.getStringCellValue();
            default -> null;
        };
    }
}
