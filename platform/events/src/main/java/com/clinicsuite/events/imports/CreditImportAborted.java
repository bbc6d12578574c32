package com.clinicsuite.events.imports;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An import whose rows were being published while its file was read ended without its last chunk (the file turned
 * out unreadable half-way, or the instance reading it stopped): the consumer drops whatever it staged of it and
 * ignores any later chunk. Sent on the chunks' topic and key, so it arrives after every chunk that was sent.
 * {@code reason} is for operators; it never holds row content.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreditImportAborted(String importId, String reason) {}
