package com.clinicsuite.notification.service;

import com.clinicsuite.documents.DocumentLanguage;
import com.clinicsuite.documents.DocumentsConfig;
import com.clinicsuite.documents.Statement;
import com.clinicsuite.documents.StatementPdf;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.notification.client.Attachment;
import com.clinicsuite.notification.client.ChannelSettings;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The statement of account an e-mail reminder carries ({@code attach_statement}). When a reminder is accepted,
 * what the statement prints is fixed: the account as debtor-service sent it and the pharmacy's letterhead from its
 * notification settings at that moment, stored with the delivery as JSON. When the e-mail is sent, the PDF is
 * rendered from it with platform-documents' {@link StatementPdf}, the implementation debtor-service's
 * {@code GET .../statement} prints with. Rendering is CPU work and runs on a pool as large as the machine has
 * cores (more threads would only queue for them, each holding a copy of the fonts).
 */
@ApplicationScoped
public class StatementAttachments {

    public static final String PDF = "application/pdf";

    private final ObjectMapper json;
    private final ZoneId zone;
    private final ExecutorService renderers;

    public StatementAttachments(ObjectMapper json, DocumentsConfig documents) {
        this.json = json;
        this.zone = documents.timeZone();
        AtomicInteger count = new AtomicInteger();
        this.renderers =
                Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                    Thread thread = new Thread(r, "statement-renderer-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** What the e-mail reminder's statement prints; null when it carries none (or is not an e-mail). */
    public Statement describe(ReminderRequested reminder, ChannelSettings channels) {
        ReminderRequested.StatementOfAccount account = reminder.statement();
        if (account == null || reminder.channel() != ReminderChannel.EMAIL) {
            return null;
        }
        return new Statement(
                new Statement.Letterhead(channels.letterheadName(), channels.contactPhone(), channels.bankDetails()),
                reminder.debtorName(),
                reminder.accNo(),
                account.email(),
                account.phone(),
                account.reportDate(),
                LocalDate.now(zone),
                new Statement.Ageing(
                        account.current(),
                        account.d30(),
                        account.d60(),
                        account.d90(),
                        account.d120(),
                        account.d150(),
                        account.d180(),
                        account.balance()),
                DocumentLanguage.of(account.language()).code);
    }

    /** The statement as the delivery row keeps it. */
    public String store(Statement statement) {
        try {
            return json.writeValueAsString(statement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store a statement", e);
        }
    }

    /**
     * The stored statement as a PDF attachment, rendered off the event loop and handed back on the caller's Vert.x
     * context. The mail client's pooled SMTP connections belong to that context: a send started from the render
     * thread could lose the server's reply and wait for the connection's timeout (a 30 s stall seen in CI).
     */
    public Uni<Attachment> render(String stored) {
        Context caller = Vertx.currentContext();
        Uni<Attachment> rendered = Uni.createFrom()
                .item(() -> {
                    Statement statement = read(stored);
                    return new Attachment(statement.fileName(), PDF, StatementPdf.render(statement));
                })
                .runSubscriptionOn(renderers);
        return caller == null ? rendered : rendered.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }

    private Statement read(String stored) {
        try {
            return json.readValue(stored, Statement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored statement cannot be read", e);
        }
    }

    @PreDestroy
    void stop() {
        renderers.shutdownNow();
    }
}
