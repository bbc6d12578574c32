package com.clinicsuite.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row that one replica at a time locks (SELECT ... FOR UPDATE SKIP LOCKED, {@link JobLock}): row 1 is the relay's
 * (one relay at a time is what keeps events of one key in order when a service runs several replicas), further rows
 * belong to a service's scheduled jobs (watchdogs), added by its own migrations.
 */
@Entity
@Table(name = "outbox_relay_lock")
public class RelayLock {

    @Id
    public Integer id;

    @Column(length = 200)
    public String holder;
}
