package com.clinicsuite.events.credit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** Someone looked up a voucher: the audit trail the clinic keeps of voucher searches. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VoucherSearched(String voucherNumber, String userName, int matches, Instant searchedAt) {}
