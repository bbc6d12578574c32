package com.clinicsuite.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row the relay locks (SELECT ... FOR UPDATE SKIP LOCKED) so that only one replica relays at a
 * time: that is what keeps events of one key in order when a service runs several replicas.
 */
@Entity
@Table(name = "outbox_relay_lock")
public class RelayLock {

    @Id
    public Integer id;

    @Column(length = 200)
    public String holder;
}
