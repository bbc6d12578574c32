package com.clinicsuite.credit.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.vocabulary.Center;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CREDIT = Path.of(System.getProperty("testdata.dir"), "credit");

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
    @ValueSource(strings = {"main.json", "messy.json", "per_center.json", "legacy.json"})
    void everyGroundTruthRowGetsItsExpectedVoucher(String file) throws IOException {
        JsonNode rows = JSON.readTree(CREDIT.resolve(file).toFile()).get("rows");
        assertThat(rows).isNotEmpty();
        for (JsonNode row : rows) {
            String expected = row.get("expected_voucher").isNull()
                    ? null
                    : row.get("expected_voucher").asText();
            String phone = row.get("phone").isNull() ? null : row.get("phone").asText();
            Center center = Center.parse(row.get("center").asText()).orElseThrow();
            assertThat(VoucherRule.voucherNumber(center, row.get("client_code").asText(), phone))
                    .as("%s row %s", file, row.get("source_row"))
                    .isEqualTo(expected);
        }
    }

    /**
     * The raw cells of the workbooks, as a spreadsheet gives them: numeric phones, "+91 ...", "0...-...", blanks and
     * landlines; centers spelt GK-2, G.K.-II, PTP, Pitam Pura ...; client codes in lower case or padded.
     */
    @ParameterizedTest
    @MethodSource("workbooks")
    void rawWorkbookCellsGiveTheExpectedVoucher(String workbook, String truth) throws Exception {
        JsonNode expected = JSON.readTree(CREDIT.resolve(truth).toFile());
        Map<String, String> bySheetAndRow = new HashMap<>();
        for (JsonNode row : expected.get("rows")) {
            String sheet = row.has("sheet") ? row.get("sheet").asText() : "";
            bySheetAndRow.put(
                    sheet + "#" + row.get("source_row").asInt(),
                    row.get("expected_voucher").isNull()
                            ? null
                            : row.get("expected_voucher").asText());
        }
        int checked = 0;
        try (InputStream in = Files.newInputStream(CREDIT.resolve(workbook));
                Workbook book = WorkbookFactory.create(in)) {
            for (Sheet sheet : book) {
                String sheetKey = expected.get("rows").get(0).has("sheet") ? sheet.getSheetName() : "";
                int headerRow = expected.get("header_row").asInt() - 1;
                Map<String, Integer> columns = columns(sheet.getRow(headerRow));
                for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                    String key = sheetKey + "#" + (r + 1);
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
                            .as("%s %s", workbook, key)
                            .isEqualTo(bySheetAndRow.get(key));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(expected.get("rows").size());
    }

    static Stream<Arguments> workbooks() {
        return Stream.of(
                Arguments.of("main.xlsx", "main.json"),
                Arguments.of("messy.xlsx", "messy.json"),
                Arguments.of("per_center.xlsx", "per_center.json"),
                Arguments.of("legacy.xls", "legacy.json"));
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
