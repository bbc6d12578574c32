package com.clinicsuite.imports.credit.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Layouts the ground-truth files do not cover, and the rules for single values (centers and phones: platform/vocabulary).
 */
class LayoutAndValidationTest {

    private static final String HEADER = "Client Code;Client Name;Phone No;Treatment Name;Centre;Package Amount (₹);"
            + "Amount Paid by the client;Balance Amount (₹);Prepaid / Gift Card Balance;Sessions Paid;"
            + "Sessions Consumed;Balance Sessions;Email ID's\n";

    private final CreditSheetParser parser = new CreditSheetParser(CreditSheetParser.Limits.DEFAULT);

    @TempDir
    Path tmp;

    @Test
    void semicolonCsvWithTitleSectionAndTotalRowsKeepsOnlyTheData() throws IOException {
        Path csv = csv("\uFEFFCredit balances March;;;\n\n" + HEADER
                + "Punjabi Bagh;;;;;;;;;;;;\n"
                + "ad03c4403 ;Aditi   Malhotra;+91 79853 49490;PRP;PB;\"₹45,000.00\";15000;30000;;12;11;1;A@X.COM, b@y.in\n"
                + ";;;;;;;;;;;;\n"
                + "Total;;;;;45000;15000;30000;0;12;11;1;\n");

        CreditSheet sheet = parser.parse(csv, "march.csv", CreditSheetParser.Progress.NONE);

        assertThat(sheet.rowsTotal()).isEqualTo(1);
        CreditRow row = sheet.rows().get(0);
        assertThat(row.sourceRow()).isEqualTo(5);
        assertThat(row.clientCode()).isEqualTo("AD03C4403");
        assertThat(row.clientName()).isEqualTo("Aditi Malhotra");
        assertThat(row.phone()).isEqualTo("7985349490");
        assertThat(row.center()).isEqualTo("Punjabi Bagh");
        assertThat(row.packageAmount()).isEqualTo(new BigDecimal("45000.00"));
        assertThat(row.prepaidGiftCardBalance()).isEqualTo(new BigDecimal("0.00"));
        assertThat(row.emails()).containsExactly("a@x.com", "b@y.in");
        assertThat(row.emailId()).isEqualTo("a@x.com, b@y.in");
    }

    @Test
    void invalidRowsAreRejectedWithRowColumnAndReasonWhileValidRowsGoOn() throws IOException {
        Path csv = csv(HEADER
                + "A1;Ann;9876543210;Peel;GK2;100;50;50;0;2;1;1;ann@x.com\n"
                + ";Bob;9876543210;Peel;Lajpat Nagar;1OO;50;50;0;2;1;1;\n"
                + "C3;Cy;98765;Peel;PV;100;-5;50;0;2;1;3;not-an-email\n"
                + "D4;Di;;Peel;PTP;0;0;\"(1,000.50)\";0;1;0;1;\n");

        CreditSheet sheet = parser.parse(csv, "mixed.csv", CreditSheetParser.Progress.NONE);

        assertThat(sheet.rowsTotal()).isEqualTo(4);
        assertThat(sheet.rowsRejected()).isEqualTo(2);
        assertThat(sheet.rows()).extracting(CreditRow::clientCode).containsExactly("A1", "D4");
        assertThat(sheet.issues())
                .filteredOn(RowIssue::rejecting)
                .extracting(RowIssue::row, RowIssue::column, RowIssue::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "Client Code", "is required"),
                        org.assertj.core.groups.Tuple.tuple(
                                3, "Center", "is not a known center (GK2, Punjabi Bagh, Preet Vihar or Pitampura)"),
                        org.assertj.core.groups.Tuple.tuple(3, "Package Amount (₹)", "is not an amount"),
                        org.assertj.core.groups.Tuple.tuple(4, "Amount Paid by the client", "must not be negative"),
                        org.assertj.core.groups.Tuple.tuple(
                                4, "Balance Sessions", "is not Sessions Paid minus Sessions Consumed (1)"));
        assertThat(sheet.issues())
                .filteredOn(i -> !i.rejecting())
                .extracting(RowIssue::row, RowIssue::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "Phone No"),
                        org.assertj.core.groups.Tuple.tuple(4, "Email ID's"));
        // a negative balance (a client in credit) is allowed; a negative package is not
        assertThat(sheet.issues())
                .noneMatch(i -> i.row() == 5 && i.rejecting() && i.column().startsWith("Balance"));
    }

    @Test
    void probeRefusesNothingThatParseAccepts() throws IOException {
        Path csv = csv(HEADER + "A1;Ann;9876543210;Peel;GK2;100;50;50;0;2;1;1;ann@x.com\n");
        parser.probe(csv, "ok.csv");
        assertThat(parser.parse(csv, "ok.csv", CreditSheetParser.Progress.NONE).rowsAccepted())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                "₹1,25,000.00|125000.00",
                "Rs. 4,999|4999.00",
                "18730.77|18730.77",
                "(1,500.50)|-1500.50",
                "-158.47|-158.47",
                "0.30000000000000004|0.30",
                "75000|75000.00"
            },
            delimiter = '|')
    void amountsAreExactRupees(String written, String expected) {
        assertThat(Amounts.parse(written)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "BALANCE AMOUNT (₹), BALANCE_AMOUNT",
        "Balance Amount(Rs), BALANCE_AMOUNT",
        "Email IDs, EMAIL_IDS",
        "' Client  Name', CLIENT_NAME",
        "PHONE NO., PHONE_NO",
        "centre, CENTER",
        "Prepaid/Gift Card Balance," + " PREPAID_GIFT_CARD_BALANCE",
        "E-mail, EMAIL_IDS"
    })
    void headingVariantsNameTheirColumn(String heading, CreditColumn column) {
        assertThat(CreditColumn.forHeading(heading)).contains(column);
    }

    @Test
    void severalAddressesInOneCellAreSplitAndInvalidOnesSetAside() {
        EmailAddresses.Split split =
                EmailAddresses.split(" Karan.Verma@gmail.com ; x@y.in,rajat.arora@gmail, a b@c.com");
        assertThat(split.valid()).containsExactly("karan.verma@gmail.com", "x@y.in");
        assertThat(split.invalid()).containsExactly("rajat.arora@gmail", "a b@c.com");
    }

    private Path csv(String content) throws IOException {
        Path file = Files.createTempFile(tmp, "sheet", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
