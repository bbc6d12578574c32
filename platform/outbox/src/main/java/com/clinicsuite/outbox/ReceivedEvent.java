package com.clinicsuite.outbox;

/** An event as a consumer receives it: the CloudEvents envelope fields and the typed data. */
public record ReceivedEvent<T>(String id, String type, String subject, T data) {}
