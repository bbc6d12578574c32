package com.clinicsuite.imports.credit.service;

/** Every import worker is busy and the queue is full: the upload should be retried later. */
public class ImportQueueFullException extends RuntimeException {

    public ImportQueueFullException(String message) {
        super(message);
    }
}
