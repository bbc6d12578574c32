package com.clinicsuite.imports.debtors.mailbox;

import com.clinicsuite.imports.debtors.config.DebtorImportConfig;
import com.clinicsuite.imports.debtors.config.MailboxConfig;
import com.clinicsuite.imports.debtors.repository.DebtorReportUploadRepository;
import com.clinicsuite.imports.debtors.service.DebtorReportImportService;
import com.clinicsuite.imports.debtors.service.ImportOutcome;
import com.clinicsuite.imports.debtors.service.ImportRequest;
import com.clinicsuite.imports.service.Blocking;
import com.clinicsuite.vocabulary.StoredText;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Imports the debtor reports pharmacies e-mail to the configured IMAP mailbox, every {@code import.mailbox.interval}
 * (5 hours by default, like the script it replaces). Each message must be authenticated for its pharmacy
 * ({@link MailboxAuthenticator}); each PDF attachment of an authenticated message is then imported exactly like an
 * upload. A handled message is moved to the processed folder, and its Message-ID is on its upload record, so no
 * message is imported twice even if the move fails. Failures are recorded on upload records for operators
 * (GET /imports/mailbox/failures).
 *
 * <p>One message never stops the mailbox: a message that imports nothing because of itself (unauthenticated,
 * unmapped, malformed, oversized, or failing in a way nobody foresaw) gets a failure record and is moved to the
 * quarantine folder, and the poll goes on with the next. Only a lost connection or an unavailable database ends a
 * poll early; the message it was on stays in the inbox for the next poll.
 */
@ApplicationScoped
public class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);
    private static final int CONNECTIONS_PER_POLL = 3;

    private final MailboxConfig config;
    private final DebtorReportImportService imports;
    private final DebtorReportUploadRepository uploads;
    private final MailboxAuthenticator authenticator;
    private final long maxFileSize;
    private final AtomicBoolean running = new AtomicBoolean();
    /**
     * Messages the connection to the server broke on while they were read (a server may drop the connection over a
     * malformed message), by folder, UIDVALIDITY and UID, with how often: the next connection quarantines them unread.
     */
    private final Map<String, Integer> brokeConnection = new ConcurrentHashMap<>();
    /** Reports handed over in the current poll, across its connections. */
    private int importedThisPoll;

    public MailboxPoller(
            MailboxConfig config,
            DebtorImportConfig importConfig,
            DebtorReportImportService imports,
            DebtorReportUploadRepository uploads,
            MailboxAuthenticator authenticator) {
        this.config = config;
        this.maxFileSize = importConfig.maxFileSize().asLongValue();
        this.imports = imports;
        this.uploads = uploads;
        this.authenticator = authenticator;
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

    /**
     * Reads the mailbox once; returns the number of reports handed over. Skips when a poll is running. When the
     * connection breaks while a message is read, the poll reconnects (up to {@value #CONNECTIONS_PER_POLL} times) and
     * quarantines that message unread, so a message the server chokes on cannot hold back the ones after it.
     */
    public int poll() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        importedThisPoll = 0;
        try {
            for (int connection = 1; connection <= CONNECTIONS_PER_POLL; connection++) {
                try (Store store = connect()) {
                    Folder processed = existingFolder(store, config.processedFolder());
                    Folder quarantine = existingFolder(store, config.quarantineFolder());
                    pollFolder(store, config.folder(), null, processed, quarantine);
                    for (Map.Entry<String, Long> folder : config.folders().entrySet()) {
                        pollFolder(store, folder.getKey(), folder.getValue(), processed, quarantine);
                    }
                    return importedThisPoll;
                } catch (ConnectionLost e) {
                    if (e.messageKey != null) {
                        brokeConnection.merge(e.messageKey, 1, Integer::sum);
                    }
                    LOG.warnf("Mailbox connection lost while a message was read (%s); reconnecting", e.getMessage());
                }
            }
            LOG.errorf("Mailbox poll ended: the connection was lost %d times", CONNECTIONS_PER_POLL);
            return importedThisPoll;
        } catch (MessagingException | RuntimeException e) {
            // the mailbox or the database is unreachable: nothing is lost, the next poll starts over
            LOG.errorf("Mailbox poll failed: %s", e.toString());
            return importedThisPoll;
        } finally {
            running.set(false);
        }
    }

    private Store connect() throws MessagingException {
        Properties properties = new Properties();
        String protocol = config.protocol();
        properties.put("mail.store.protocol", protocol);
        properties.put(
                "mail." + protocol + ".connectiontimeout",
                Long.toString(config.connectTimeout().toMillis()));
        properties.put(
                "mail." + protocol + ".timeout",
                Long.toString(config.readTimeout().toMillis()));
        properties.put(
                "mail." + protocol + ".writetimeout",
                Long.toString(config.readTimeout().toMillis()));
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(
                config.host().orElseThrow(() -> new MessagingException("import.mailbox.host is not set")),
                config.port().orElse(-1),
                config.username().orElse(null),
                config.password().orElse(null));
        return store;
    }

    private void pollFolder(Store store, String folderName, Long folderPharmacy, Folder processed, Folder quarantine)
            throws MessagingException {
        Folder folder = store.getFolder(folderName);
        if (!folder.exists()) {
            LOG.warnf("Mailbox folder %s does not exist", folderName);
            return;
        }
        folder.open(Folder.READ_WRITE);
        try {
            for (Message message : folder.getMessages()) {
                String key = key(folder, message);
                Handled handled;
                try {
                    Integer losses = key == null ? null : brokeConnection.remove(key);
                    handled = losses == null ? handle(message, folderPharmacy) : quarantineUnread(message, losses);
                } catch (ConnectionLost e) {
                    throw new ConnectionLost(key, e);
                }
                importedThisPoll += handled.imported();
                try {
                    move(folder, message, handled.quarantined() ? quarantine : processed);
                } catch (FolderClosedException | StoreClosedException e) {
                    throw new ConnectionLost(key, e);
                }
            }
        } finally {
            if (folder.isOpen()) {
                folder.close(true); // expunge: the handled messages now live in the processed or quarantine folder
            }
        }
    }

    /** The message's identity across connections (folder, UIDVALIDITY, UID); null if the server gives none. */
    private static String key(Folder folder, Message message) throws MessagingException {
        return folder instanceof UIDFolder uids
                ? folder.getFullName() + "/" + uids.getUIDValidity() + "/" + uids.getUID(message)
                : null;
    }

    /**
     * A message the connection broke on: recorded and quarantined without reading its content. After the first loss
     * its Message-ID and sender are still read for the record; after a second, nothing is.
     */
    private Handled quarantineUnread(Message message, int losses) {
        String messageId = losses == 1 ? orNull(() -> messageId(message)) : null;
        String sender = losses == 1 ? orNull(() -> sender(message)) : null;
        imports.recordRefusal(
                ImportRequest.mailbox(null, null, new byte[0], messageId, sender),
                "The connection to the mail server broke while this message was read; it was quarantined unread "
                        + "(look at it in " + config.quarantineFolder() + ")",
                true);
        return new Handled(0, true);
    }

    private static Folder existingFolder(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("Cannot create mailbox folder " + name);
        }
        return folder;
    }

    /** A message that cannot be moved stays in the inbox; the poll goes on (its Message-ID marks it if imported). */
    private static void move(Folder from, Message message, Folder to) throws MessagingException {
        try {
            from.copyMessages(new Message[] {message}, to);
            message.setFlag(Flags.Flag.DELETED, true);
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException e) {
            LOG.warnf("Mailbox message could not be moved to %s: %s", to.getFullName(), e.toString());
        }
    }

    /** What became of one message: reports handed over, and whether it goes to the quarantine folder. */
    private record Handled(int imported, boolean quarantined) {}

    /**
     * Handles one message; never throws because of the message. Throws only when the connection to the mailbox is
     * lost (MessagingException) or a failure cannot be recorded (the database is unavailable): the poll then ends.
     */
    private Handled handle(Message message, Long folderPharmacy) throws ConnectionLost {
        String messageId = orNull(() -> messageId(message));
        if (messageId != null && imported(messageId)) {
            return new Handled(0, false); // imported before; only the move to the processed folder was left undone
        }
        String sender = orNull(() -> sender(message));
        Long pharmacyId = null;
        String refusal;
        try {
            long maxMessageSize = config.maxMessageSize().asLongValue();
            if (message.getSize() > maxMessageSize) {
                refusal = "The message is larger than the " + (maxMessageSize >> 20)
                        + " MB a mailed report may be; it was not downloaded";
            } else {
                MailboxAuthenticator.Decision decision = authenticator.decide(message, sender, folderPharmacy);
                pharmacyId = decision.pharmacyId();
                if (decision.accepted()) {
                    List<MailAttachments.Pdf> pdfs =
                            MailAttachments.pdfs(message, config.maxAttachments(), maxFileSize);
                    return new Handled(importAll(pharmacyId, pdfs, messageId, sender), false);
                }
                refusal = decision.refusal();
            }
        } catch (UnreadableMessageException e) {
            refusal = e.getMessage();
        } catch (MessagingException | IOException | RuntimeException e) {
            if (connectionLost(message, e)) {
                throw new ConnectionLost(null, e);
            }
            // the message broke something nobody foresaw: it must not block the mailbox
            LOG.warnf(e, "Mailbox message could not be handled (pharmacy %s); quarantined", pharmacyId);
            refusal =
                    "The message could not be read or imported (" + e.getClass().getSimpleName() + "); move it "
                            + "from " + config.quarantineFolder() + " back to " + config.folder() + " to try again";
        }
        String attachments = orNull(() -> MailAttachments.pdfNames(message));
        imports.recordRefusal(
                ImportRequest.mailbox(pharmacyId, attachments, new byte[0], messageId, sender), refusal, true);
        return new Handled(0, true);
    }

    private int importAll(long pharmacyId, List<MailAttachments.Pdf> pdfs, String messageId, String sender) {
        if (pdfs.isEmpty()) {
            imports.recordRefusal(
                    ImportRequest.mailbox(pharmacyId, null, new byte[0], messageId, sender),
                    "The message has no PDF attachment",
                    false);
            return 0;
        }
        int imported = 0;
        for (MailAttachments.Pdf pdf : pdfs) {
            if (pdf.tooLarge()) {
                imports.recordRefusal(
                        ImportRequest.mailbox(pharmacyId, pdf.filename(), new byte[0], messageId, sender),
                        "The attachment is larger than the " + (maxFileSize >> 20) + " MB a report may be",
                        false);
                continue;
            }
            ImportRequest request = ImportRequest.mailbox(pharmacyId, pdf.filename(), pdf.content(), messageId, sender);
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

    /** The connection to the server broke; {@code messageKey} names the message being read, if known. */
    private static final class ConnectionLost extends MessagingException {
        final String messageKey;

        ConnectionLost(String messageKey, Exception cause) {
            super(cause.toString(), cause);
            this.messageKey = messageKey;
        }
    }

    private static boolean connectionLost(Message message, Exception e) {
        return e instanceof FolderClosedException
                || e instanceof StoreClosedException
                || (message.getFolder() != null && !message.getFolder().isOpen());
    }

    private boolean imported(String messageId) {
        return Blocking.await(() -> Panache.withSession(() -> uploads.messageImported(messageId)));
    }

    /**
     * As stored on the upload records, so it is found again. Read from the header rather than the IMAP envelope: a
     * server may fail to build the envelope of a malformed message, and the headers are fetched anyway.
     */
    private static String messageId(Message message) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        return ids == null || ids.length == 0 ? null : StoredText.bounded(ids[0].trim(), ImportRequest.MAX_MESSAGE_ID);
    }

    /** The single From address, lower case; null when the message has none or several (DMARC allows one). */
    private static String sender(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null
                || from.length != 1
                || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null) {
            return null;
        }
        return address.getAddress().toLowerCase(Locale.ROOT);
    }

    /** Reads of a malformed message may fail; what cannot be read is left out of the failure record. */
    private static String orNull(MessageRead read) {
        try {
            return read.get();
        } catch (Exception e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface MessageRead {
        String get() throws Exception;
    }
}
