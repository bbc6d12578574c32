package com.clinicsuite.imports.credit.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException;
import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be imported are refused with the documented reason, by the quick probe and by the full read. */
class BadFilesTest {

    private final CreditSheetParser parser = new CreditSheetParser(CreditSheetParser.Limits.DEFAULT);

    @TempDir
    Path tmp;

    @Test
    void truncatedWorkbookIsCorrupt() {
        assertRefused(
                CreditFixtures.file("bad/bad_truncated.xlsx"),
                "bad_truncated.xlsx",
                Problem.CORRUPT,
                "damaged or incomplete");
    }

    @Test
    void csvNamedXlsxIsNotAWorkbook() {
        assertRefused(
                CreditFixtures.file("bad/bad_not_excel.xlsx"),
                "bad_not_excel.xlsx",
                Problem.NOT_A_SPREADSHEET,
                "not an Excel workbook");
    }

    @Test
    void missingClientCodeColumnRefusesTheFile() {
        Path file = CreditFixtures.file("bad/bad_missing_client_code.xlsx");
        assertThatThrownBy(() -> parser.probe(file, "x.xlsx"))
                .isInstanceOf(MissingColumnsException.class)
                .hasMessageStartingWith("required column 'Client Code' missing");
        assertThatThrownBy(() -> parser.parse(file, "x.xlsx", CreditSheetParser.Progress.NONE))
                .isInstanceOf(MissingColumnsException.class)
                .hasMessageContaining("'Client Code'");
    }

    @Test
    void passwordProtectedWorkbookIsRefused() throws Exception {
        Path encrypted = tmp.resolve("locked.xlsx");
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("secret");
        Path copy = Files.copy(CreditFixtures.file("per_center.xlsx"), tmp.resolve("plain.xlsx"));
        try (OPCPackage opc = OPCPackage.open(copy.toFile(), PackageAccess.READ_WRITE);
                OutputStream data = encryptor.getDataStream(fs)) {
            opc.save(data);
        }
        try (OutputStream out = Files.newOutputStream(encrypted)) {
            fs.writeFilesystem(out);
        }
        fs.close();
        assertRefused(encrypted, "locked.xlsx", Problem.ENCRYPTED, "password-protected");
    }

    @Test
    void zipBombIsRefusedBeforeItInflates() throws IOException {
        Path bomb = tmp.resolve("bomb.xlsx");
        try (ZipFile source = new ZipFile(
                        CreditFixtures.file("bad/bad_formula_injection.xlsx").toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            Enumeration<? extends ZipEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = source.getInputStream(entry)) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        String xml = new String(content, StandardCharsets.UTF_8);
                        int data = xml.indexOf("<sheetData>") + "<sheetData>".length();
                        out.write(xml.substring(0, data).getBytes(StandardCharsets.UTF_8));
                        byte[] padding = new byte[1 << 20];
                        java.util.Arrays.fill(padding, (byte) ' ');
                        for (int i = 0; i < 64; i++) {
                            out.write(padding);
                        }
                        out.write(xml.substring(data).getBytes(StandardCharsets.UTF_8));
                    } else {
                        out.write(content);
                    }
                }
                out.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertThatThrownBy(() -> parser.parse(bomb, "bomb.xlsx", CreditSheetParser.Progress.NONE))
                .isInstanceOfSatisfying(
                        UnreadableSpreadsheetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE))
                .hasMessageContaining("zip bomb");
    }

    @Test
    void nonUtf8CsvIsRefusedRatherThanGarbled() throws IOException {
        Path csv = tmp.resolve("latin1.csv");
        Files.write(csv, "Client Code,Client Name,Center\nAD1,Zoë,GK2\n".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(csv, "latin1.csv", Problem.CORRUPT, "not UTF-8");
    }

    @Test
    void tooManyRowsRefuseTheFile() {
        CreditSheetParser small = new CreditSheetParser(new CreditSheetParser.Limits(100, 10, 30));
        assertThatThrownBy(() ->
                        small.parse(CreditFixtures.file("legacy.csv"), "legacy.csv", CreditSheetParser.Progress.NONE))
                .isInstanceOfSatisfying(
                        UnreadableSpreadsheetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE))
                .hasMessageContaining("more than 100 data rows");
    }

    private void assertRefused(Path file, String name, Problem problem, String message) {
        assertThatThrownBy(() -> parser.probe(file, name))
                .isInstanceOfSatisfying(
                        UnreadableSpreadsheetException.class,
                        e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessageContaining(message);
        assertThatThrownBy(() -> parser.parse(file, name, CreditSheetParser.Progress.NONE))
                .isInstanceOfSatisfying(
                        UnreadableSpreadsheetException.class,
                        e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessageContaining(message);
    }
}
