package com.clinicsuite.imports.debtors.mailbox;

import com.clinicsuite.imports.debtors.config.DebtorImportConfig;
import com.clinicsuite.imports.debtors.config.MailboxConfig;
import com.clinicsuite.imports.debtors.repository.DebtorReportUploadRepository;
import com.clinicsuite.imports.debtors.service.DebtorReportImportService;
import com.clinicsuite.imports.debtors.service.ImportOutcome;
import com.clinicsuite.imports.debtors.service.ImportRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Imports the debtor reports pharmacies e-mail to the configured IMAP mailbox, every {@code import.mailbox.interval}
 * (5 hours by default, like the script it replaces). Each PDF attachment is imported exactly like an upload; the
 * pharmacy comes from the sender's address or, for the configured per-pharmacy folders, from the folder. A
 * handled message is moved to the processed folder, and its Message-ID is on its upload record, so no message is
 * imported twice even if the move fails. Failures are recorded on upload records for operators
 * (GET /imports/mailbox/failures).
 */
@ApplicationScoped
public class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);
    private static final int MAX_MESSAGE_ID_LENGTH = 500;

    private final MailboxConfig config;
    private final DebtorReportImportService imports;
    private final DebtorReportUploadRepository uploads;
    private final long maxFileSize;
    private final AtomicBoolean running = new AtomicBoolean();

    public MailboxPoller(
            MailboxConfig config,
            DebtorImportConfig importConfig,
            DebtorReportImportService imports,
            DebtorReportUploadRepository uploads) {
        this.config = config;
        this.maxFileSize = importConfig.maxFileSize().asLongValue();
        this.imports = imports;
        this.uploads = uploads;
    }

    @Scheduled(
            identity = "debtor-report-mailbox",
            every = "${import.mailbox.interval:5h}",
            delayed = "${import.mailbox.initial-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = MailboxDisabled.class)
    void scheduledPoll() {
        poll();
    }

    /** Reads the mailbox once; returns the number of reports handed over. Skips when a poll is running. */
    public int poll() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try (Store store = connect()) {
            int imported = pollFolder(store, config.folder(), null);
            for (Map.Entry<String, Long> folder : config.folders().entrySet()) {
                imported += pollFolder(store, folder.getKey(), folder.getValue());
            }
            return imported;
        } catch (MessagingException e) {
            LOG.errorf("Mailbox poll failed: %s", e.toString());
            return 0;
        } finally {
            running.set(false);
        }
    }

    private Store connect() throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.store.protocol", config.protocol());
        properties.put("mail." + config.protocol() + ".connectiontimeout", "10000");
        properties.put("mail." + config.protocol() + ".timeout", "30000");
        Store store = Session.getInstance(properties).getStore(config.protocol());
        store.connect(
                config.host().orElseThrow(() -> new MessagingException("import.mailbox.host is not set")),
                config.port().orElse(-1),
                config.username().orElse(null),
                config.password().orElse(null));
        return store;
    }

    private int pollFolder(Store store, String folderName, Long folderPharmacy) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        if (!folder.exists()) {
            LOG.warnf("Mailbox folder %s does not exist", folderName);
            return 0;
        }
        Folder processed = processedFolder(store);
        folder.open(Folder.READ_WRITE);
        int imported = 0;
        try {
            for (Message message : folder.getMessages()) {
                imported += handle(message, folderPharmacy);
                folder.copyMessages(new Message[] {message}, processed);
                message.setFlag(Flags.Flag.DELETED, true);
            }
        } finally {
            folder.close(true); // expunge: the handled messages now live in the processed folder
        }
        return imported;
    }

    private Folder processedFolder(Store store) throws MessagingException {
        Folder processed = store.getFolder(config.processedFolder());
        if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("Cannot create mailbox folder " + config.processedFolder());
        }
        return processed;
    }

    private int handle(Message message, Long folderPharmacy) throws MessagingException {
        String messageId = messageId(message);
        if (messageId != null && seen(messageId)) {
            return 0; // imported before; only the move to the processed folder was left undone
        }
        String sender = sender(message);
        Long pharmacyId = folderPharmacy != null
                ? folderPharmacy
                : sender == null ? null : config.senders().get(sender);
        List<MailAttachments.Pdf> pdfs;
        try {
            pdfs = MailAttachments.pdfs(message);
        } catch (java.io.IOException e) {
            throw new MessagingException("Cannot read message " + messageId, e);
        }
        if (pdfs.isEmpty()) {
            imports.recordRefusal(
                    ImportRequest.mailbox(pharmacyId, "(none)", new byte[0], messageId, sender),
                    "The message has no PDF attachment");
            return 0;
        }
        int imported = 0;
        for (MailAttachments.Pdf pdf : pdfs) {
            ImportRequest request = ImportRequest.mailbox(pharmacyId, pdf.filename(), pdf.content(), messageId, sender);
            if (pdf.content().length > maxFileSize) {
                imports.recordRefusal(
                        request, "The attachment is larger than the " + (maxFileSize >> 20) + " MB a report may be");
                continue;
            }
            ImportOutcome outcome = imports.importReport(request, Duration.ZERO);
            if (outcome instanceof ImportOutcome.Refused refused) {
                LOG.warnf(
                        "Mailbox report refused (upload %s, pharmacy %s): %s",
                        refused.uploadId(), pharmacyId, refused.problem());
            } else {
                imported++;
            }
        }
        return imported;
    }

    private boolean seen(String messageId) {
        try {
            return VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withSession(() -> uploads.messageSeen(messageId)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(Message message) throws MessagingException {
        String id = message instanceof MimeMessage mime ? mime.getMessageID() : null;
        return id == null ? null : id.length() <= MAX_MESSAGE_ID_LENGTH ? id : id.substring(0, MAX_MESSAGE_ID_LENGTH);
    }

    private static String sender(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null
                || from.length == 0
                || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null) {
            return null;
        }
        return address.getAddress().toLowerCase(Locale.ROOT);
    }
}
