package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.AccountNote;
import com.clinicsuite.debtor.repository.AccountNoteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Notes staff write about an account (pharmacy + acc_no): they stay with the account across report uploads. */
@ApplicationScoped
public class AccountNotes {

    private final AccountLookup accounts;
    private final AccountNoteRepository notes;
    private final CollectionsVersion version;
    private final Clock clock;

    public AccountNotes(AccountLookup accounts, AccountNoteRepository notes, CollectionsVersion version, Clock clock) {
        this.accounts = accounts;
        this.notes = notes;
        this.version = version;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<AccountNote>> list(long pharmacyId, long debtorId) {
        return accounts.require(pharmacyId, debtorId).chain(debtor -> notes.ofAccount(pharmacyId, debtor.accNo));
    }

    /** {@code text} is already validated (1..2,000 characters); the author is the caller. */
    @WithTransaction
    public Uni<AccountNote> add(long pharmacyId, long debtorId, String text, String author) {
        return accounts.require(pharmacyId, debtorId).chain(debtor -> {
            AccountNote note = new AccountNote();
            note.pharmacyId = pharmacyId;
            note.accNo = debtor.accNo;
            note.text = text;
            note.author = author;
            note.createdAt = OffsetDateTime.now(clock);
            return notes.persist(note).call(() -> version.bump(pharmacyId));
        });
    }
}
